using System.Globalization;
using Helpline.Analysis;

namespace Helpline.Notebooks.Tests.Publishing;

/// <summary>Each page of the answer shows the figures of its part, as the library computes them from the shipped data.</summary>
[Collection(nameof(ShippedSite))]
public class AnswerPagesTests(PublishedSite site)
{
    private static readonly Lazy<HelplineData> Data = new(() => HelplineData.Load());

    private static string N(double value) => value.ToString("N0", CultureInfo.GetCultureInfo("en-GB"));

    public static TheoryData<string, string[]> Figures()
    {
        var data = Data.Value;
        var unanswered = UnansweredTables.Totals(data.Contacts);
        var totals = Enumerable.Range(0, unanswered.RowKeys.Count).Select(i => N(unanswered.Count(unanswered.RowKeys[i], "contacts").Value)).ToArray();
        var referred = data.Contacts.Answered().Referred().In(Period.Answer232);
        var selfHelp = data.Web.For(Site.SelfHelp).In(new Period(WebTables.SelfHelpStart, new DateOnly(2020, 12, 31)));
        var website = WebTables.WebsiteVisitorsPerYear(data.Web, Period.Years(2017, 2020)).Column("visitors").Select(v => N(v.Value)).ToArray();
        var years = ContactTables.PerYearByChannel(data.Contacts).Rows.Select(t => N(t.Value)).ToArray();
        return new TheoryData<string, string[]>
        {
            { "00-answer", [.. totals, N(referred.Count), N(referred.From(Requester.Self).Count), N(selfHelp.Visitors), N(selfHelp.ReturningVisitors), N(80692)] },
            { "01-contacts", years },
            { "02-help-requests", [N(ContactTables.HelpRequests(data.Contacts, Period.Answer232).Total.Value)] },
            { "03-gender-and-age", [N(FirstGenderRecorded(data))] },
            { "04-unanswered", totals },
            { "05-referrals", [N(referred.Count), N(referred.From(Requester.Self).Count)] },
            { "06-self-help", [N(selfHelp.Visitors), N(selfHelp.ReturningVisitors)] },
            { "07-website", website },
            { "08-trends", [N(data.Published.Value("b.contacts_2017_2023")), N(data.Published.Value("b.contacts_2017_2023_alt"))] },
        };
    }

    private static int FirstGenderRecorded(HelplineData data)
    {
        var completeness = ContactTables.GenderAndAgeCompleteness(data.Contacts);
        return completeness.Count(completeness.RowKeys[0], "gender_recorded").Value;
    }

    [Theory]
    [MemberData(nameof(Figures))]
    public void The_page_of_each_part_shows_that_parts_figures_as_computed(string page, string[] figures)
    {
        var html = File.ReadAllText(Path.Combine(site.First, page + ".html"));
        foreach (var figure in figures)
            Assert.True(html.Contains(figure, StringComparison.Ordinal), $"{page}.html does not show {figure}");
    }

    [Fact]
    public void Every_page_opens_with_the_question_and_its_source_and_ends_with_a_follow_up()
    {
        foreach (var page in PublishedSite.Notebooks)
        {
            var html = File.ReadAllText(Path.Combine(site.First, page + ".html"));
            Assert.True(html.Contains("Source", StringComparison.Ordinal), $"{page}: no source");
            if (page != "08-trends")
                Assert.True(html.Contains("question nr. 232", StringComparison.Ordinal), $"{page}: no question 232");
            Assert.True(html.Contains("<h2 id=\"answering-a-follow-up\">Answering a follow-up</h2>", StringComparison.Ordinal), $"{page}: no follow-up");
        }
    }

    [Fact]
    public void Links_between_notebooks_point_at_their_pages()
    {
        var html = File.ReadAllText(Path.Combine(site.First, "00-answer.html"));
        Assert.Contains("href=\"04-unanswered.html\"", html);
        Assert.DoesNotContain(".ipynb\">unanswered", html);
    }
}
