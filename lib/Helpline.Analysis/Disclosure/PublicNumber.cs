using System.Globalization;

namespace Helpline.Analysis;

/// <summary>
/// A number that is public already and not counted from the register: website visitors, a figure a source published.
/// Pages show it as it is. Only the library makes one, from web statistics or published figures.
/// </summary>
public readonly struct PublicNumber : IReleasedValue, IEquatable<PublicNumber>
{
    internal PublicNumber(double value, string format = "N0")
    {
        Value = value;
        Format = format;
    }

    public double Value { get; }

    internal string Format { get; }

    public static implicit operator double(PublicNumber number) => number.Value;

    public static PublicNumber operator +(PublicNumber a, PublicNumber b) => new(a.Value + b.Value, a.Format);

    public static PublicNumber operator -(PublicNumber a, PublicNumber b) => new(a.Value - b.Value, a.Format);

    /// <summary>A ratio of public numbers (say, a peak against the mean), written with one decimal.</summary>
    public static PublicNumber operator /(PublicNumber a, PublicNumber b) => new(a.Value / b.Value, "N1");

    public static PublicNumber operator *(PublicNumber a, PublicNumber b) => new(a.Value * b.Value, a.Format);

    public override string ToString() => Value.ToString(Format ?? "N0", NotebookDisplay.Culture);

    public bool Equals(PublicNumber other) => Value.Equals(other.Value);

    public override bool Equals(object? obj) => obj is PublicNumber other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    public static bool operator ==(PublicNumber left, PublicNumber right) => left.Equals(right);

    public static bool operator !=(PublicNumber left, PublicNumber right) => !left.Equals(right);

    IEnumerable<Statistic> IReleasedValue.Statistics => [];

    string IReleasedValue.Text(Release release) => ToString();

    double? IReleasedValue.Shown(Release release) => Value;

    internal static PublicNumber Of(int value) => new(value);

    internal string Invariant() => Value.ToString(CultureInfo.InvariantCulture);

    public static PublicNumber Add(PublicNumber left, PublicNumber right) => left + right;

    public static PublicNumber Subtract(PublicNumber left, PublicNumber right) => left - right;

    public static PublicNumber Divide(PublicNumber left, PublicNumber right) => left / right;

    public static PublicNumber Multiply(PublicNumber left, PublicNumber right) => left * right;

    public double ToDouble() => Value;
}
