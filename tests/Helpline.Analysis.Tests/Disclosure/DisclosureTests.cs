namespace Helpline.Analysis.Tests.Disclosure;

public class DisclosureTests
{
    private static ProtectedTable Protect(int[,] values, int threshold = 5, bool enabled = true) =>
        Helpline.Analysis.Disclosure.Protect("year", [.. Enumerable.Range(0, values.GetLength(0)).Select(i => $"r{i}")],
            [.. Enumerable.Range(0, values.GetLength(1)).Select(j => $"c{j}")], values, new DisclosureOptions { Threshold = threshold, Enabled = enabled });

    [Fact]
    public void Counts_from_1_to_the_threshold_are_hidden_and_zero_is_shown()
    {
        var table = Protect(new[,] { { 0, 3, 40, 50 }, { 20, 5, 6, 70 } });
        Assert.Equal(CellState.Shown, table.States[0, 0]);
        Assert.Equal(CellState.Small, table.States[0, 1]);
        Assert.Equal(CellState.Small, table.States[1, 1]);
        Assert.Equal(CellState.Shown, table.States[1, 0]);
        Assert.Equal(0, table.Shown(0, 0));
    }

    [Fact]
    public void A_row_with_one_small_count_hides_a_second_cell_so_the_total_does_not_give_it_away()
    {
        var table = Protect(new[,] { { 3, 40, 50 }, { 20, 30, 60 } });
        Assert.Equal(CellState.Small, table.States[0, 0]);
        Assert.Equal(CellState.Secondary, table.States[0, 1]); // the smallest other non-zero cell of the row
        Assert.Equal(CellState.Secondary, table.States[1, 0]); // the column of the small count needs a second hidden cell too
        Assert.Equal(CellState.Secondary, table.States[1, 1]);
    }

    [Fact]
    public void Every_line_has_no_hidden_cell_or_at_least_two()
    {
        var random = new Random(232);
        for (int run = 0; run < 200; run++)
        {
            int rows = random.Next(1, 8), cols = random.Next(1, 8);
            var values = new int[rows, cols];
            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < cols; j++)
                    values[i, j] = random.Next(4) == 0 ? random.Next(0, 6) : random.Next(0, 60);
            }
            var table = Protect(values);
            for (int i = 0; i < rows; i++)
            {
                int hidden = Enumerable.Range(0, cols).Count(j => table.States[i, j] != CellState.Shown) + (table.RowTotalStates[i] != CellState.Shown ? 1 : 0);
                Assert.True(hidden != 1, $"run {run}: row {i} has one hidden cell");
            }
            for (int j = 0; j < cols; j++)
            {
                int hidden = Enumerable.Range(0, rows).Count(i => table.States[i, j] != CellState.Shown) + (table.ColumnTotalStates[j] != CellState.Shown ? 1 : 0);
                Assert.True(hidden != 1, $"run {run}: column {j} has one hidden cell");
            }
            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < cols; j++)
                    Assert.False(table.Shown(i, j) is >= 1 and <= 5, $"run {run}: a small count is shown");
            }
        }
    }

    [Fact]
    public void The_page_shows_small_counts_as_at_most_the_threshold_and_withheld_cells_as_x()
    {
        var frame = Protect(new[,] { { 3, 40, 50 }, { 20, 30, 60 } }).ToDataFrame();
        Assert.Equal(["≤5", "x", "x"], new[] { frame["c0"][0], frame["c1"][0], frame["c0"][1] });
        Assert.Equal(["r0", "r1", "total"], frame["year"].Cast<string>());
    }

    [Fact]
    public void Switched_off_every_count_is_shown_and_the_legend_warns()
    {
        var table = Protect(new[,] { { 3, 40 } }, enabled: false);
        Assert.Equal(0, table.SuppressedCells);
        Assert.Contains("Do not publish", table.Legend);
    }

    [Fact]
    public void A_higher_threshold_hides_more()
    {
        var values = new[,] { { 8, 40, 50 }, { 20, 30, 60 } };
        Assert.Equal(0, Protect(values).SuppressedCells);
        Assert.True(Protect(values, threshold: 10).SuppressedCells >= 4);
    }
}
