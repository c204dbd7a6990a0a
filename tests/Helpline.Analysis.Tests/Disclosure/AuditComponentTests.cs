namespace Helpline.Analysis.Tests.Disclosure;

public class AuditComponentTests
{
    [Theory]
    [InlineData(0, 10, 6)] // 0 and 6..10
    [InlineData(2, 10, 5)] // two ≤5 counts add up to 2..10: an x of them is 6..10
    [InlineData(0, 5, 1)] // only 0
    [InlineData(6, 11, 6)]
    [InlineData(1, 5, 0)]
    [InlineData(40, 44, 5)]
    public void An_x_can_be_only_0_or_a_count_above_the_threshold(long low, long high, long values) =>
        Assert.Equal(values, AuditComponent.SecondaryValues(low, high, threshold: 5));
}
