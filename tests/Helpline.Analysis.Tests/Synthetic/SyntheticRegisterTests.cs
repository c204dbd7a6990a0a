namespace Helpline.Analysis.Tests.Synthetic;

public class SyntheticRegisterTests
{
    /// <summary>The share of missed phone contacts (with a caller key) from a new number, percent to two decimals.</summary>
    private static double NewShare(Register register)
    {
        var table = UnansweredTables.NewNumberShare(register, Period.Answer232Phone);
        return Math.Round(Assert.IsType<Share>(table[Assert.Single(table.RowKeys), "new_share"]).Exact, 2);
    }

    [Fact]
    public void The_committed_files_are_exactly_what_the_generator_writes()
    {
        var data = SyntheticRegister.Generate(Shipped.Hours);
        Assert.True(SyntheticRegister.RegisterText(data.Contacts) == File.ReadAllText(DataPaths.Default.Register),
            "data/register/contacts.csv differs from the generator's output: run `dotnet run --project lib/Helpline.Notebooks -- synthesize`");
        Assert.True(SyntheticRegister.WebVisitsText(data.Visits) == File.ReadAllText(DataPaths.Default.WebVisits),
            "data/register/web-visits.csv differs from the generator's output");
    }

    [Fact]
    public void Another_seed_gives_another_register_with_the_same_totals()
    {
        var other = Register.FromCleanRows(SyntheticRegister.Generate(Shipped.Hours, new SyntheticOptions { Seed = 7 }).Contacts);
        Assert.NotEqual(Shipped.Register.Select(c => c.ReceivedAt), other.Select(c => c.ReceivedAt));
        Assert.Equal([164, 1961, 713, 3823], Pages.Counts(UnansweredTables.Totals(other), "contacts"));
        Assert.Equal(60.0, NewShare(other));
    }

    [Fact]
    public void The_shipped_register_loads_clean()
    {
        var report = Shipped.RegisterReport;
        Assert.Equal((report.RowsRead, 0, 0), (report.RowsKept, report.Rejected.Count, report.Duplicates.Count));
        Assert.Empty(report.OutsideOpeningHours);
        Assert.Empty(report.Synonyms);
    }

    [Fact]
    public void Answered_and_busy_calls_fall_inside_opening_hours_and_closed_ones_outside()
    {
        foreach (var c in Shipped.Register.Where(c => c.Channel != Channel.Email))
            Assert.True(Shipped.Hours.IsOpen(c.Channel, c.ReceivedAt) == (c.Outcome != Outcome.Closed), $"{c.Channel} {c.Outcome} at {c.ReceivedAt:s}");
    }

    [Fact]
    public void Busy_calls_are_rare_once_the_chat_opened()
    {
        var phoneBusy = Shipped.Register.On(Channel.Phone).With(Outcome.Busy);
        Assert.True(phoneBusy.In(Period.Months(2017, 5, 2019, 5)).Count > 10 * phoneBusy.In(Period.Answer232Chat).Count);
    }

    [Fact]
    public void Unanswered_contacts_carry_no_requester_gender_age_or_referral()
    {
        Assert.All(Shipped.Register.Missed(), c =>
            Assert.Equal((Requester.Unknown, Gender.Unknown, AgeBand.Unknown, Referral.None), (c.Requester, c.Gender, c.AgeBand, c.Referral)));
    }

    [Fact]
    public void A_scaled_register_has_exactly_the_rows_asked_for_and_the_same_shape()
    {
        var data = SyntheticRegister.Generate(Shipped.Hours);
        var text = new StringWriter();
        SyntheticRegister.WriteScaled(data, 55_326, text);
        var scaled = RegisterCsv.Parse(text.ToString(), "scaled.csv", Shipped.Hours);
        Assert.Equal((55_326, 55_326), (scaled.Report.RowsRead, scaled.Report.RowsKept));
        Assert.Equal(3 * 164, scaled.Contacts.On(Channel.Phone).With(Outcome.Busy).In(Period.Answer232Phone).Count);
        Assert.Equal(60.0, NewShare(scaled.Contacts));
    }
}
