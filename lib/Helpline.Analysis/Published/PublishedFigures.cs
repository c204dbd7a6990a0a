using System.Collections;
using System.Globalization;
using nietras.SeparatedValues;

namespace Helpline.Analysis;

/// <summary>The published figures of <c>data/published/figures.csv</c>: by key, or as a table.</summary>
public sealed class PublishedFigures : IReadOnlyList<PublishedFigure>
{
    private readonly PublishedFigure[] _figures;
    private readonly Dictionary<string, PublishedFigure> _byKey;

    public PublishedFigures(IEnumerable<PublishedFigure> figures)
    {
        _figures = [.. figures];
        _byKey = _figures.ToDictionary(f => f.Key, StringComparer.Ordinal);
    }

    public int Count => _figures.Length;

    public PublishedFigure this[int index] => _figures[index];

    public PublishedFigure this[string key] => _byKey.TryGetValue(key, out var figure)
        ? figure
        : throw new KeyNotFoundException($"No published figure '{key}'; keys look like a2.phone_busy (see data/published/figures.csv).");

    public bool TryGet(string key, out PublishedFigure figure) => _byKey.TryGetValue(key, out figure!);

    /// <summary>The numeric value of a figure, e.g. <c>Value("a2.phone_busy")</c> is 164.</summary>
    public double Value(string key) => this[key].Value
        ?? throw new InvalidOperationException($"Published figure '{key}' is a {this[key].Unit}, not a number.");

    /// <summary>A figure's value as a public number, for sentences: <c>Number("b.contacts_2023")</c>.</summary>
    public PublicNumber Number(string key) => new(Value(key));

    /// <summary>Figures added up (they are public: so is their sum).</summary>
    public PublicNumber Sum(IEnumerable<string> keys) => new(keys.Sum(Value));

    /// <summary>The figures of one part of answer 232 (<c>"2"</c>), or of section B (<c>"b"</c>).</summary>
    public IEnumerable<PublishedFigure> OfPart(string part)
    {
        var prefix = part == "b" ? "b." : "a" + part;
        return _figures.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal));
    }

    public static PublishedFigures Load(string? path = null)
    {
        path ??= DataPaths.Default.PublishedFigures;
        if (!File.Exists(path))
            throw new RegisterFormatException(path, "the published-figures file does not exist");
        var c = CultureInfo.InvariantCulture;
        var figures = new List<PublishedFigure>();
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        foreach (var row in reader)
        {
            try
            {
                static DateOnly? Day(string s) => s.Length == 0 ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var value = row["value"].ToString();
                figures.Add(new PublishedFigure(
                    row["key"].ToString(), row["metric"].ToString(), row["channel"].ToString(),
                    Day(row["period_start"].ToString()), Day(row["period_end"].ToString()),
                    value.Length == 0 ? null : double.Parse(value, NumberStyles.Float, c),
                    row["unit"].ToString(), row["qualifier"].ToString(), row["source"].ToString(),
                    row["source_part"].ToString(), row["quote"].ToString()));
            }
            catch (Exception e) when (e is FormatException or KeyNotFoundException or ArgumentException)
            {
                throw new RegisterFormatException(path, $"line {row.LineNumberFrom}: {e.Message}");
            }
        }
        return new PublishedFigures(figures);
    }

    /// <summary>Every figure as a table a page may show (they are public).</summary>
    public PublicTable ToTable() => new(ToDataFrame());

    public Microsoft.Data.Analysis.DataFrame ToDataFrame() => new(
        new Microsoft.Data.Analysis.StringDataFrameColumn("key", _figures.Select(f => f.Key)),
        new Microsoft.Data.Analysis.StringDataFrameColumn("metric", _figures.Select(f => f.Metric)),
        new Microsoft.Data.Analysis.StringDataFrameColumn("channel", _figures.Select(f => f.Channel)),
        new Microsoft.Data.Analysis.StringDataFrameColumn("period", _figures.Select(f => f.Period.ToString())),
        new Microsoft.Data.Analysis.DoubleDataFrameColumn("value", _figures.Select(f => f.Value)),
        new Microsoft.Data.Analysis.StringDataFrameColumn("unit", _figures.Select(f => f.Unit)),
        new Microsoft.Data.Analysis.StringDataFrameColumn("qualifier", _figures.Select(f => f.Qualifier)),
        new Microsoft.Data.Analysis.StringDataFrameColumn("source", _figures.Select(f => f.Source)),
        new Microsoft.Data.Analysis.StringDataFrameColumn("source_part", _figures.Select(f => f.SourcePart)),
        new Microsoft.Data.Analysis.StringDataFrameColumn("quote", _figures.Select(f => f.Quote)));

    public IEnumerator<PublishedFigure> GetEnumerator() => ((IEnumerable<PublishedFigure>)_figures).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
