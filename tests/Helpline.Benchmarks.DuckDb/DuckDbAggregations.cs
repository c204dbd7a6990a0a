// Checksum, the same in the three benchmarks (ours, pandas, DuckDB): for the 13 aggregations in order, i = 1..13, take
// every inner cell value v (no totals; zero cells change nothing) and add i × Σ v + Σ v², in 64-bit integers.
// The aggregations: 1 answered per month × channel; 2 answered per year × channel; 3 answered by requester, May 2017 -
// December 2020; 4 answered by requester in 2020; 5 per year of answered contacts, those with gender male, female or
// other and those with an age band other than unknown (two values a year); 6 phone busy, phone closed (May 2017 -
// November 2020), chat busy, chat closed (June 2019 - November 2020); 7, 8 missed per month × outcome, phone then chat;
// 9 of the missed phone contacts of May 2017 - November 2020, those from a new number (a non-empty caller_key in no
// earlier row of the deduplicated register sorted stably by received_at, any channel or outcome) and those with a
// non-empty key; 10, 11 closed contacts by weekday × hour, phone May 2017 - November 2020, chat June 2019 - November
// 2020; 12 referrals (answered, referral not none) per year × destination; 13 referrals of May 2017 - December 2020 by
// requester.

using DuckDB.NET.Data;

namespace Helpline.Benchmarks.DuckDb;

/// <summary>The 13 aggregations of the answer in DuckDB SQL over table <c>contacts</c>, every result read through a
/// DataReader: the labels and, as the checksum's values, the counts.</summary>
internal static class DuckDbAggregations
{
    // Periods are whole days, both ends included: up to the first day after the last.
    private const string Answer232 = "received_at >= DATE '2017-05-01' AND received_at < DATE '2021-01-01'";
    private const string Answer232Phone = "received_at >= DATE '2017-05-01' AND received_at < DATE '2020-12-01'";
    private const string Answer232Chat = "received_at >= DATE '2019-06-01' AND received_at < DATE '2020-12-01'";

    // Each query's counts are its last columns.
    private static readonly (string Sql, int Counts)[] Queries =
    [
        ("SELECT date_trunc('month', received_at), channel, count(*) FROM contacts WHERE outcome = 'answered' GROUP BY ALL", 1),
        ("SELECT year(received_at), channel, count(*) FROM contacts WHERE outcome = 'answered' GROUP BY ALL", 1),
        ($"SELECT requester, count(*) FROM contacts WHERE outcome = 'answered' AND {Answer232} GROUP BY ALL", 1),
        ("SELECT requester, count(*) FROM contacts WHERE outcome = 'answered' AND year(received_at) = 2020 GROUP BY ALL", 1),
        ("""
         SELECT year(received_at), count(*) FILTER (gender IN ('male', 'female', 'other')), count(*) FILTER (age_band <> 'unknown')
         FROM contacts WHERE outcome = 'answered' GROUP BY ALL
         """, 2),
        ($"""
         SELECT count(*) FILTER (channel = 'phone' AND outcome = 'busy' AND {Answer232Phone}),
             count(*) FILTER (channel = 'phone' AND outcome = 'closed' AND {Answer232Phone}),
             count(*) FILTER (channel = 'chat' AND outcome = 'busy' AND {Answer232Chat}),
             count(*) FILTER (channel = 'chat' AND outcome = 'closed' AND {Answer232Chat})
         FROM contacts
         """, 4),
        ("SELECT date_trunc('month', received_at), outcome, count(*) FROM contacts WHERE channel = 'phone' AND outcome <> 'answered' GROUP BY ALL", 1),
        ("SELECT date_trunc('month', received_at), outcome, count(*) FROM contacts WHERE channel = 'chat' AND outcome <> 'answered' GROUP BY ALL", 1),
        ($"""
         SELECT count(*) FILTER (is_new_caller), count(*) FILTER (coalesce(caller_key, '') <> '')
         FROM contacts WHERE channel = 'phone' AND outcome <> 'answered' AND {Answer232Phone}
         """, 2),
        ($"SELECT isodow(received_at), hour(received_at), count(*) FROM contacts WHERE channel = 'phone' AND outcome = 'closed' AND {Answer232Phone} GROUP BY ALL", 1),
        ($"SELECT isodow(received_at), hour(received_at), count(*) FROM contacts WHERE channel = 'chat' AND outcome = 'closed' AND {Answer232Chat} GROUP BY ALL", 1),
        ("SELECT year(received_at), referral, count(*) FROM contacts WHERE outcome = 'answered' AND referral <> 'none' GROUP BY ALL", 1),
        ($"SELECT requester, count(*) FROM contacts WHERE outcome = 'answered' AND referral <> 'none' AND {Answer232} GROUP BY ALL", 1),
    ];

    /// <summary>The counts of each aggregation, in order.</summary>
    public static long[][] Run(DuckDBConnection connection) => [.. Queries.Select(q => Fetch(connection, q.Sql, q.Counts))];

    private static long[] Fetch(DuckDBConnection connection, string sql, int counts)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<long>();
        int labels = reader.FieldCount - counts;
        while (reader.Read())
        {
            // Labels are read too, as a caller of the table would.
            for (int j = 0; j < labels; j++)
                _ = reader.GetValue(j);
            for (int j = labels; j < reader.FieldCount; j++)
                values.Add(reader.GetInt64(j));
        }
        return [.. values];
    }
}
