namespace Helpline.Analysis.Tests.Published;

public class PublishedFiguresTests
{
    [Fact]
    public void Figures_are_found_by_key_with_their_exact_quote()
    {
        var figure = Shipped.Figures["a2.phone_closed"];
        Assert.Equal(1961, figure.Value);
        Assert.Equal("Het gaat over de hele periode om 1.961 oproepen.", figure.Quote);
        Assert.Equal(Period.Answer232Phone, figure.Period);
    }

    [Fact]
    public void Every_figure_of_the_answer_and_the_later_sources_is_there()
    {
        Assert.Equal(18, Shipped.Figures.Count(f => f.Key.StartsWith('a')));
        Assert.Equal(35, Shipped.Figures.OfPart("b").Count());
        Assert.Equal(5, Shipped.Figures.OfPart("5").Count());
    }

    [Fact]
    public void The_yearly_series_adds_up_to_the_Statistiek_Vlaanderen_total() =>
        Assert.Equal(Shipped.Figures.Value("b.contacts_2017_2023"),
            Enumerable.Range(2017, 7).Sum(y => Shipped.Figures.Value($"b.contacts_{y}")));

    [Fact]
    public void An_unknown_key_names_where_the_keys_are()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Shipped.Figures["a9.nothing"]);
        Assert.Contains("data/published/figures.csv", error.Message);
    }

    [Fact]
    public void The_table_has_a_row_per_figure() =>
        Assert.Equal(Shipped.Figures.Count, Shipped.Figures.ToDataFrame().Rows.Count);
}
