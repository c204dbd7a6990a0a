using Microsoft.Data.Analysis;

namespace Helpline.Analysis;

/// <summary>Small helpers to build and read the DataFrames the tables return.</summary>
internal static class Frames
{
    public static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 2);

    public static int Int(this DataFrame frame, string column, int row) => Convert.ToInt32(frame[column][row], System.Globalization.CultureInfo.InvariantCulture);

    public static StringDataFrameColumn Strings(string name, IEnumerable<string> values) => new(name, values);

    public static Int32DataFrameColumn Ints(string name, IEnumerable<int> values) => new(name, values);

    public static DoubleDataFrameColumn Doubles(string name, IEnumerable<double> values) => new(name, values);
}
