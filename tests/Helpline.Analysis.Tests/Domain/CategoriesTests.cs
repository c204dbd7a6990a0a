namespace Helpline.Analysis.Tests.Domain;

public class CategoriesTests
{
    [Fact]
    public void Every_value_has_a_code_and_a_label()
    {
        foreach (var r in Enum.GetValues<Requester>())
            Assert.False(string.IsNullOrEmpty(r.Code()) || string.IsNullOrEmpty(r.Label()));
        foreach (var r in Enum.GetValues<Referral>())
            Assert.False(string.IsNullOrEmpty(r.Code()) || string.IsNullOrEmpty(r.Label()));
        foreach (var a in Enum.GetValues<AgeBand>())
            Assert.False(string.IsNullOrEmpty(a.Code()));
    }

    [Fact]
    public void Labels_carry_the_Dutch_term_of_the_answer() =>
        Assert.Equal("Close social environment (dichte sociale omgeving)", Requester.CloseEnvironment.Label());
}
