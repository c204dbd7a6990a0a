namespace Helpline.Analysis.Tests.Notebook;

public class ReleasedTableTests
{
    [Fact]
    public void Rows_that_share_a_first_label_are_all_keyed_by_as_many_labels_as_tell_them_apart()
    {
        var totals = UnansweredTables.Totals(Shipped.Register);
        Assert.Equal(["phone busy", "phone closed", "chat busy", "chat closed"], totals.RowKeys);
        Assert.Equal(164, totals.Count("phone busy", "contacts").Value);
        // Every place names one row: the first row is not left as 'phone', which names two.
        Assert.Equal(["phone busy", "phone closed", "chat busy", "chat closed"], ((IPageOutput)totals).Places.Select(p => p.Row));
        var missing = Assert.Throws<KeyNotFoundException>(() => totals["phone", "contacts"]);
        Assert.Contains("rows: phone busy, phone closed, chat busy, chat closed", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_with_distinct_first_labels_are_keyed_by_the_first_label_alone()
    {
        var table = new ReleasedTable("year", "what", "contacts")
            .Row("2020", "answered", Shipped.Register.In(Period.Year(2020)).Total())
            .Row("2021", "answered", Shipped.Register.In(Period.Year(2021)).Total());
        Assert.Equal(["2020", "2021"], table.RowKeys);
    }

    [Fact]
    public void Two_rows_with_the_same_labels_are_refused()
    {
        var table = new ReleasedTable("year", "contacts").Row("2020", Shipped.Register.In(Period.Year(2020)).Total());
        var refused = Assert.Throws<ArgumentException>(() => table.Row("2020", Shipped.Register.In(Period.Year(2021)).Total()));
        Assert.Contains("Row key '2020' is already in the table", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["2020"], table.RowKeys);
    }
}
