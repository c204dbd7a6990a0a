namespace Helpline.Analysis.Tests.Analysis;

public class ReconciliationTests
{
    [Fact]
    public void Every_figure_the_synthetic_register_is_calibrated_to_agrees()
    {
        var rows = Reconciliation.Rows(Shipped.Register, Shipped.Web, Shipped.Figures).ToDictionary(r => r.Figure.Key);
        foreach (var key in SyntheticRegister.CalibratedFigureKeys)
        {
            Assert.True(rows.ContainsKey(key), $"{key} is not reconciled");
            Assert.True(rows[key].Agrees, $"{key}: published {rows[key].Figure.Value}, computed {rows[key].Value}");
            if (rows[key].Figure.Qualifier is "exact" or "derived")
                Assert.Equal(0, rows[key].Difference);
        }
    }

    [Fact]
    public void Two_sources_that_disagree_both_keep_their_row()
    {
        var rows = Reconciliation.Rows(Shipped.Register, Shipped.Web, Shipped.Figures).ToDictionary(r => r.Figure.Key);
        Assert.Equal(0, rows["b.contacts_2017_2023"].Difference);
        Assert.Equal(2737 - 2422, rows["b.contacts_2017_2023_alt"].Difference);
        Assert.False(rows["b.contacts_2017_2023_alt"].Agrees);
    }

    [Fact]
    public void Removing_one_busy_call_shows_as_a_difference_of_minus_one()
    {
        var register = Shipped.Register;
        var firstBusy = register.First(c => c.Channel == Channel.Phone && c.Outcome == Outcome.Busy);
        var fewer = Register.FromCleanRows(register.AsEnumerable().Where(c => c != firstBusy));
        var row = Reconciliation.Rows(fewer, Shipped.Web, Shipped.Figures, "2").Single(r => r.Figure.Key == "a2.phone_busy");
        Assert.Equal((163, 163.0, -1.0, false), (Assert.IsType<Tally>(row.Computed).Value, row.Value, row.Difference, row.Agrees));
    }

    [Fact]
    public void A_published_share_of_a_known_total_bounds_its_count_by_the_share_rounded()
    {
        var rows = Reconciliation.Rows(Shipped.Register, Shipped.Web, Shipped.Figures).ToDictionary(r => r.Figure.Key);
        // 18% of the 356 contacts of 2022, rounded to the percent: 17.5% to 18.5% of 356, 62.3 to 65.9, so 63 to 65.
        var referred = Assert.IsType<Tally>(Assert.IsType<Share>(rows["b.referred_share_2022"].Computed).Part);
        Assert.Equal((63, 65), referred.Statistic.PublishedRange);
        Assert.InRange(referred.Value, 63, 65);
        // A published count is no share: it is shown as it is.
        Assert.Null(Assert.IsType<Tally>(rows["b.contacts_2022"].Computed).Statistic.PublishedRange);
    }

    [Fact]
    public void The_table_holds_one_row_per_reconciled_figure()
    {
        var rows = Reconciliation.Rows(Shipped.Register, Shipped.Web, Shipped.Figures);
        var table = Reconciliation.Table(rows);
        Assert.Equal(rows.Select(r => r.Figure.Key), table.RowKeys);
        Assert.Equal(["key", "metric", "period", "published", "computed", "difference", "agrees", "qualifier", "source"], table.Header);
    }
}
