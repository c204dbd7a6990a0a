using Microsoft.Data.Analysis;

namespace Helpline.Analysis;

/// <summary>Small helpers to build and read the DataFrames the tables return.</summary>
internal static class Frames
{
    public static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 2);

    public static int Int(this DataFrame frame, string column, int row) => Convert.ToInt32(frame[column][row], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One row per type of help request (unknown only when some are): <c>requester</c>, <c>label</c>, the count
    /// under <paramref name="countName"/>, <c>share</c> (percent of the register).</summary>
    public static DataFrame ByRequester(Register register, string countName)
    {
        var counts = register.CountBy(Breakdown.Requester);
        var rows = counts["requester"].Cast<string>().Zip(counts["contacts"].Cast<int>())
            .Select(p => (Requester: Enum.GetValues<Requester>().Single(r => r.Code() == p.First), Count: p.Second))
            .Where(r => r.Requester != Requester.Unknown || r.Count > 0).ToList();
        return new DataFrame(
            Strings("requester", rows.Select(r => r.Requester.Code())),
            Strings("label", rows.Select(r => r.Requester.Label())),
            Ints(countName, rows.Select(r => r.Count)),
            Doubles("share", rows.Select(r => Percent(r.Count, register.Count))));
    }

    public static StringDataFrameColumn Strings(string name, IEnumerable<string> values) => new(name, values);

    public static Int32DataFrameColumn Ints(string name, IEnumerable<int> values) => new(name, values);

    public static DoubleDataFrameColumn Doubles(string name, IEnumerable<double> values) => new(name, values);
}
