using Helpline.Analysis;

namespace Helpline.Benchmarks;

/// <summary>Every aggregation of the answer, as the notebooks compute them, with their inner cells read out for the
/// checksum (<see cref="Checksum"/>); <c>compare_pandas.py</c> and the DuckDB benchmark do the same.</summary>
internal static class AnswerAggregations
{
    public static long[][] Run(Register register)
    {
        var newNumbers = UnansweredTables.NewNumberShare(register, Period.Answer232Phone);
        string window = newNumbers.RowKeys[0];
        return
        [
            Cells(ContactTables.PerMonthByChannel(register)),
            Cells(ContactTables.PerYearByChannel(register)),
            Cells(ContactTables.HelpRequests(register, Period.Answer232)),
            Cells(ContactTables.HelpRequests(register, Period.Year(2020))),
            Counts(ContactTables.GenderAndAgeCompleteness(register), "gender_recorded", "age_recorded"),
            Counts(UnansweredTables.Totals(register), "contacts"),
            Cells(UnansweredTables.PerMonth(register, Channel.Phone)),
            Cells(UnansweredTables.PerMonth(register, Channel.Chat)),
            [newNumbers.Count(window, "new_number").Value,
                newNumbers.Count(window, "new_number").Value + newNumbers.Count(window, "known_number").Value],
            Cells(UnansweredTables.ClosedByWeekdayAndHour(register, Channel.Phone, Period.Answer232Phone)),
            Cells(UnansweredTables.ClosedByWeekdayAndHour(register, Channel.Chat, Period.Answer232Chat)),
            Cells(ReferralTables.PerYearByDestination(register)),
            Cells(ReferralTables.ByRequester(register, Period.Answer232).Counts),
        ];
    }

    /// <summary>The inner cells of a table, row by row: a one-breakdown table's rows, a cross table's row × column cells.</summary>
    private static long[] Cells(CountTable table)
    {
        if (table.ColumnKeys.Count == 0)
            return [.. Enumerable.Range(0, table.RowKeys.Count).Select(i => (long)table[i, -1].Value)];
        var cells = new long[table.RowKeys.Count * table.ColumnKeys.Count];
        for (int i = 0; i < table.RowKeys.Count; i++)
        {
            for (int j = 0; j < table.ColumnKeys.Count; j++)
                cells[i * table.ColumnKeys.Count + j] = table[i, j].Value;
        }
        return cells;
    }

    /// <summary>The counts of some columns of a released table, row by row.</summary>
    private static long[] Counts(ReleasedTable table, params string[] columns) =>
        [.. table.RowKeys.SelectMany(row => columns.Select(column => (long)table.Count(row, column).Value))];
}
