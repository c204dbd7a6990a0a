namespace Helpline.Analysis.Tests.Analysis;

public class ShareTests
{
    private static readonly Register Answered2022 = Shipped.Register.Answered().In(Period.Year(2022));

    [Theory]
    [InlineData(CellState.Secondary, "x")]
    [InlineData(CellState.TooFew, "..")]
    [InlineData(CellState.Small, "..")] // an x says 0 or above T: not so of a ≤T count
    public void A_share_of_a_withheld_count_carries_the_mark_that_claims_no_more_than_the_count_does(CellState state, string text)
    {
        var referred = Answered2022.Referred().Total();
        IReleasedValue share = Share.Of(referred, Answered2022.Total());
        var release = Releases.Withholding([], (referred, state));

        Assert.Equal(text, share.Text(release));
        Assert.Null(share.Shown(release));
    }

    [Fact]
    public void A_share_of_shown_counts_is_a_whole_percent_when_the_part_is_sensitive()
    {
        var referred = Answered2022.Referred().Total();
        var all = Answered2022.Total();
        IReleasedValue share = Share.Of(referred, all);

        var release = Releases.ShowingAll(Prose.Paragraph($"{referred} of {all}"));
        Assert.Equal($"{Math.Round(100.0 * referred.Value / all.Value)}%", share.Text(release));
    }
}
