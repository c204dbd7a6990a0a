namespace Helpline.Analysis.Tests.Disclosure;

public class LinearModelTests
{
    private const int T = 5;

    /// <summary>A row of 8 contacts: a <c>≤5</c> count a and an <c>x</c> count b (0 or above 5), a + b = 8.</summary>
    private static (LinearModel Model, int A, int B, int Switch) Row(bool wholeNumbers)
    {
        var model = wholeNumbers ? LinearModel.Integer([8, 8]) : new LinearModel([8, 8]);
        model.Add([0, 1], 8, 8);
        model.Add([0], 1, T);
        int @switch = -1;
        if (wholeNumbers)
        {
            // b ≤ 8 × switch and b ≥ 6 × switch: switch 0 makes b 0, switch 1 puts it above T.
            @switch = model.AddSwitch();
            model.Add([1], double.NegativeInfinity, 0, @switch, -8);
            model.Add([1], 0, double.PositiveInfinity, @switch, -(T + 1));
        }
        return (model, 0, 1, @switch);
    }

    [Fact]
    public void The_linear_relaxation_leaves_the_small_count_its_whole_range()
    {
        var (model, a, _, _) = Row(wholeNumbers: false);
        using (model)
        {
            Assert.Equal(1, model.Extreme([a], maximise: false).Value, 6);
            Assert.Equal(T, model.Extreme([a], maximise: true).Value, 6);
        }
    }

    [Fact]
    public void In_whole_numbers_an_x_read_as_0_or_above_the_threshold_narrows_the_small_count_beside_it()
    {
        var (model, a, b, _) = Row(wholeNumbers: true);
        using (model)
        {
            // b is 6 or 7, never 0 (a would be 8): a is 1 or 2.
            Assert.Equal(2, model.Extreme([a], maximise: true).Value, 6);
            Assert.Equal(6, model.Solution()[b], 6);
            Assert.Equal(1, model.Extreme([a], maximise: false).Value, 6);
            Assert.Equal(2, model.Solves);
        }
    }

    [Fact]
    public void A_switch_row_with_open_bounds_no_longer_constrains_the_x()
    {
        var (model, a, _, _) = Row(wholeNumbers: true);
        using (model)
        {
            // Rows 2 and 3 are b's switch rows: opened, b is any whole number and a keeps 1..5.
            model.SetBounds(2, double.NegativeInfinity, double.PositiveInfinity);
            model.SetBounds(3, double.NegativeInfinity, double.PositiveInfinity);
            Assert.Equal(T, model.Extreme([a], maximise: true).Value, 6);
        }
    }
}
