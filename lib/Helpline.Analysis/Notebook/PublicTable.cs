using System.Globalization;
using Microsoft.Data.Analysis;

namespace Helpline.Analysis;

/// <summary>
/// A table of numbers that are not counted from the register (web statistics, published figures): shown as they are.
/// Only the library makes one, so a page cannot pass register counts off as public.
/// </summary>
public sealed class PublicTable : IPageOutput
{
    private readonly DataFrame _frame;

    internal PublicTable(DataFrame frame) => _frame = frame;

    public IReadOnlyList<string> ColumnNames => [.. _frame.Columns.Select(c => c.Name)];

    /// <summary>The labels of the first column.</summary>
    public IReadOnlyList<string> RowKeys => [.. _frame.Columns[0].Cast<object?>().Select(k => Convert.ToString(k, CultureInfo.InvariantCulture) ?? "")];

    public long RowCount => _frame.Rows.Count;

    /// <summary>A numeric column, row by row (an empty cell is zero).</summary>
    public IReadOnlyList<PublicNumber> Column(string name) =>
        [.. _frame[name].Cast<object?>().Select(v => new PublicNumber(v is null ? 0 : Convert.ToDouble(v, CultureInfo.InvariantCulture)))];

    public PublicNumber Total(string column) => new(Column(column).Sum(n => n.Value));

    public PublicNumber Mean(string column) => new(RowCount == 0 ? 0 : Column(column).Average(n => n.Value), "N1");

    /// <summary>The row with the largest value of a column: its label and value.</summary>
    public (Label Row, PublicNumber Value) Largest(string column)
    {
        var values = Column(column);
        int best = Enumerable.Range(0, values.Count).MaxBy(i => values[i].Value);
        return (new Label(RowKeys[best]), values[best]);
    }

    /// <summary>A copy of the numbers, for a researcher's own computation.</summary>
    public DataFrame ToDataFrame() => _frame.Clone();

    IEnumerable<Statistic> IPageOutput.Statistics => [];

    IEnumerable<CountTable> IPageOutput.Tables => [];

    PageContent IPageOutput.Render(Release release) => Layout().Render(release);

    internal TableLayout Layout()
    {
        var layout = new TableLayout(ColumnNames);
        for (long i = 0; i < _frame.Rows.Count; i++)
        {
            layout.Row([.. _frame.Columns.Select(c => c[i] switch
            {
                null => new TableLayout.Text(""),
                string s => (TableLayout.Cell)new TableLayout.Text(s),
                bool b => new TableLayout.Text(b ? "yes" : "no"),
                var v => new TableLayout.Value(new PublicNumber(Convert.ToDouble(v, CultureInfo.InvariantCulture), v is double d && d != Math.Floor(d) ? "#,##0.0#" : "N0")),
            })]);
        }
        return layout;
    }
}
