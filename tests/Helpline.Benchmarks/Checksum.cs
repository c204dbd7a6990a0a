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

namespace Helpline.Benchmarks;

/// <summary>One number for the work of a benchmark run, so rows of different tools show they counted the same.</summary>
internal static class Checksum
{
    public static long Of(IReadOnlyList<IReadOnlyList<long>> aggregations)
    {
        long sum = 0;
        for (int i = 0; i < aggregations.Count; i++)
        {
            foreach (long v in aggregations[i])
                sum += (i + 1) * v + v * v;
        }
        return sum;
    }
}
