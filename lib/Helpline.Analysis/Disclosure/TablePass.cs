namespace Helpline.Analysis;

/// <summary>
/// The line rule on each count table, before the linked audit: a row or column with its total that hides exactly one
/// count gives it away as the total minus the others, so one more count of that line is withheld: the smallest
/// non-zero interior count first, a zero last, a total after the interior. Cheap, and it settles most tables; the
/// linear-programming audit then checks every table and every page together.
/// </summary>
internal static class TablePass
{
    public static void Run(IEnumerable<CountTable> tables, Func<Statistic, GateEntry> entry)
    {
        var lines = tables.SelectMany(Lines).Select(line => line.Select(entry).ToArray()).ToList();
        for (bool changed = true; changed;)
        {
            changed = false;
            foreach (var line in lines)
            {
                if (line.Count(e => e.IsWithheld) != 1)
                    continue;
                var pick = line.Where(e => e.CanWithhold)
                    .OrderBy(e => e.Value == 0 ? 1 : 0).ThenBy(e => e.Value).ThenBy(e => e.Definition.ToString(), StringComparer.Ordinal)
                    .FirstOrDefault();
                if (pick is null)
                    continue; // only fixed counts left: the linked audit decides what the line can show
                pick.State = CellState.Secondary;
                changed = true;
            }
        }
    }

    /// <summary>Each row with its total and each column with its total, totals last (they are withheld last).</summary>
    private static IEnumerable<Statistic[]> Lines(CountTable table)
    {
        int rows = table.RowKeys.Count, columns = table.ColumnKeys.Count;
        if (rows == 0)
            yield break;
        if (columns == 0)
        {
            yield return [.. Enumerable.Range(0, rows).Select(i => table.StatisticAt(i, -1)), table.StatisticAt(-1, -1)];
            yield break;
        }
        for (int i = -1; i < rows; i++)
            yield return [.. Enumerable.Range(0, columns).Select(j => table.StatisticAt(i, j)), table.StatisticAt(i, -1)];
        for (int j = -1; j < columns; j++)
            yield return [.. Enumerable.Range(0, rows).Select(i => table.StatisticAt(i, j)), table.StatisticAt(-1, j)];
    }
}
