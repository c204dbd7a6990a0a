# Checksum, the same in the three benchmarks (ours, pandas, DuckDB): for the 13 aggregations in order, i = 1..13, take
# every inner cell value v (no totals; zero cells change nothing) and add i × Σ v + Σ v², in 64-bit integers.
# The aggregations: 1 answered per month × channel; 2 answered per year × channel; 3 answered by requester, May 2017 -
# December 2020; 4 answered by requester in 2020; 5 per year of answered contacts, those with gender male, female or
# other and those with an age band other than unknown (two values a year); 6 phone busy, phone closed (May 2017 -
# November 2020), chat busy, chat closed (June 2019 - November 2020); 7, 8 missed per month × outcome, phone then chat;
# 9 of the missed phone contacts of May 2017 - November 2020, those from a new number (a non-empty caller_key in no
# earlier row of the deduplicated register sorted stably by received_at, any channel or outcome) and those with a
# non-empty key; 10, 11 closed contacts by weekday × hour, phone May 2017 - November 2020, chat June 2019 - November
# 2020; 12 referrals (answered, referral not none) per year × destination; 13 referrals of May 2017 - December 2020 by
# requester.
"""The pandas equivalent of the C# benchmark: the same reads, duplicate removal and group-bys, on the same file.

Usage: python3 compare_pandas.py FILE [RUNS]   (Debian's python3-pandas)
Prints one row: the rows kept after duplicate removal, median, min and max seconds of load+clean and of the
aggregations, the peak memory (max RSS) and the checksum of the aggregations' cells (defined above).
"""
import resource
import statistics
import sys
import time

import pandas as pd

CATEGORIES = {
    "channel": ["phone", "chat", "email"],
    "outcome": ["answered", "busy", "closed"],
    "requester": ["self", "close_environment", "wider_environment", "professional", "other", "unknown"],
    "gender": ["male", "female", "other", "unknown"],
    "age_band": ["<18", "18-25", "26-35", "36-45", "46-55", "56-65", "65+", "unknown"],
    "referral": ["none", "specialised_centre", "private_therapist", "victim_support", "relationship_therapy", "other"],
}
KNOWN_GENDERS = ["male", "female", "other"]


def load(path):
    df = pd.read_csv(path, dtype={"contact_id": "string", "caller_key": "string", "received_at": "string",
                                  **{c: pd.CategoricalDtype(v) for c, v in CATEGORIES.items()}})
    df["received_at"] = pd.to_datetime(df["received_at"], format="%Y-%m-%dT%H:%M")
    df = df.drop_duplicates()
    df = df.sort_values("received_at", kind="stable")
    # duplicated() takes every empty key for one value: a row without a key is never from a new number.
    df["is_new_caller"] = df["caller_key"].notna() & ~df["caller_key"].duplicated()
    return df


def between(df, start, end):
    return df[(df["received_at"] >= start) & (df["received_at"] < end)]


def aggregate(df):
    answered = df[df["outcome"] == "answered"]
    month = df["received_at"].dt.to_period("M")
    out = []
    out.append(answered.groupby([month[answered.index], "channel"], observed=False).size().unstack(fill_value=0))
    out.append(answered.groupby([answered["received_at"].dt.year, "channel"], observed=False).size().unstack(fill_value=0))
    out.append(between(answered, "2017-05-01", "2021-01-01")["requester"].value_counts())
    out.append(between(answered, "2020-01-01", "2021-01-01")["requester"].value_counts())
    out.append(answered.groupby(answered["received_at"].dt.year).agg(gender=("gender", lambda g: g.isin(KNOWN_GENDERS).sum()), age=("age_band", lambda a: (a != "unknown").sum())))
    phone = between(df[df["channel"] == "phone"], "2017-05-01", "2020-12-01")
    chat = between(df[df["channel"] == "chat"], "2019-06-01", "2020-12-01")
    out.append([(phone["outcome"] == "busy").sum(), (phone["outcome"] == "closed").sum(), (chat["outcome"] == "busy").sum(), (chat["outcome"] == "closed").sum()])
    missed = df[df["outcome"] != "answered"]
    for channel in ("phone", "chat"):
        m = missed[missed["channel"] == channel]
        out.append(m.groupby([month[m.index], "outcome"], observed=False).size().unstack(fill_value=0))
    missed_phone = phone[phone["outcome"] != "answered"]
    out.append([missed_phone["is_new_caller"].sum(), missed_phone["caller_key"].notna().sum()])
    for frame in (phone, chat):
        closed = frame[frame["outcome"] == "closed"]
        out.append(pd.crosstab(closed["received_at"].dt.weekday, closed["received_at"].dt.hour))
    referred = answered[answered["referral"] != "none"]
    out.append(referred.groupby([referred["received_at"].dt.year, "referral"], observed=False).size().unstack(fill_value=0))
    out.append(between(referred, "2017-05-01", "2021-01-01")["requester"].value_counts())
    # Every result read out, as the other tools do: the inner cells of each table, as integers.
    return [[int(v) for v in (o.to_numpy().ravel() if hasattr(o, "to_numpy") else o)] for o in out]


def checksum(cells):
    return sum(i * sum(values) + sum(v * v for v in values) for i, values in enumerate(cells, start=1))


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    loads, aggs, rows, check = [], [], 0, 0
    for _ in range(runs):
        t = time.perf_counter()
        df = load(path)
        loads.append(time.perf_counter() - t)
        t = time.perf_counter()
        cells = aggregate(df)
        aggs.append(time.perf_counter() - t)
        rows = len(df)
        check = checksum(cells)
        del df
    totals = [a + b for a, b in zip(loads, aggs)]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000
    stat = lambda v: f"{statistics.median(v):7.3f} {min(v):7.3f} {max(v):7.3f}"
    print(f"{'pandas':<9} {rows:>10,}  load {stat(loads)}  aggregate {stat(aggs)}  total {stat(totals)}  peak {peak:7.0f} MB  runs {runs}  checksum {check}")


if __name__ == "__main__":
    main()
