using Helpline.Notebooks.Documents;

namespace Helpline.Notebooks.Tests.Documents;

/// <summary>A page's outputs read as a document reads them.</summary>
public class PageModelTests
{
    [Fact]
    public void A_quote_and_its_source_line_stay_two_words_apart_in_plain_text()
    {
        var html = "<blockquote class=\"quote\">Tot eind 2020 ... minderjarigen (127).<footer>Flemish Parliament, written question 232</footer></blockquote>";
        Assert.Equal("Tot eind 2020 ... minderjarigen (127). Flemish Parliament, written question 232", PageModel.Plain(html));
    }

    [Fact]
    public void Inline_tags_part_no_words_and_entities_are_decoded()
    {
        Assert.Equal("≤5 contacts, 12% of them", PageModel.Plain("<strong>≤5</strong> contacts,<br> 12&#37; of <em>them</em>"));
    }
}
