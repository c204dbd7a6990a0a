namespace Helpline.Analysis.Tests.Cleaning;

public class SynonymTallyTests
{
    [Fact]
    public void The_same_text_read_twice_is_one_string_and_other_text_another()
    {
        var tally = new SynonymTally();
        var first = tally.Intern("telefoon".AsSpan());
        var again = tally.Intern("xtelefoon".AsSpan(1));
        Assert.Same(first, again);
        Assert.NotSame(first, tally.Intern("Telefoon"));
    }
}
