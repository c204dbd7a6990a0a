using System.Globalization;

namespace Helpline.Analysis;

/// <summary>A share written for a sentence: <c>34%</c>, or <c>no data</c> when there is nothing to divide by.</summary>
public static class Share
{
    public static string Of(int part, int whole, int decimals = 0) => whole == 0
        ? "no data"
        : (100.0 * part / whole).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";
}
