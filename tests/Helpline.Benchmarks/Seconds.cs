using System.Globalization;

namespace Helpline.Benchmarks;

/// <summary>The columns of a benchmark row: median, min and max of the runs.</summary>
internal static class Seconds
{
    public static string Stat(IReadOnlyList<double> v) =>
        string.Create(CultureInfo.InvariantCulture, $"{Median(v),7:F3} {v.Min(),7:F3} {v.Max(),7:F3}");

    public static double Median(IReadOnlyList<double> v)
    {
        var s = v.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
