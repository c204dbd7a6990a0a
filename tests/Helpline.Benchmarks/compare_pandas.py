"""The pandas equivalent of the C# benchmark: the same reads, duplicate removal and group-bys, on the same file.

Usage: python3 compare_pandas.py FILE [RUNS]   (Debian's python3-pandas)
Prints one row: median, min and max seconds of load+clean and of the aggregations, and the peak memory (max RSS).
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


def load(path):
    df = pd.read_csv(path, dtype={"contact_id": "string", "caller_key": "string", "received_at": "string",
                                  **{c: pd.CategoricalDtype(v) for c, v in CATEGORIES.items()}})
    df["received_at"] = pd.to_datetime(df["received_at"], format="%Y-%m-%dT%H:%M")
    df = df.drop_duplicates()
    df = df.sort_values("received_at", kind="stable")
    df["is_new_caller"] = ~df["caller_key"].duplicated()
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
    out.append(answered.groupby(answered["received_at"].dt.year).agg(gender=("gender", lambda g: (g != "unknown").sum()), age=("age_band", lambda a: (a != "unknown").sum())))
    phone = between(df[df["channel"] == "phone"], "2017-05-01", "2020-12-01")
    chat = between(df[df["channel"] == "chat"], "2019-06-01", "2020-12-01")
    out.append([(phone["outcome"] == "busy").sum(), (phone["outcome"] == "closed").sum(), (chat["outcome"] == "busy").sum(), (chat["outcome"] == "closed").sum()])
    missed = df[df["outcome"] != "answered"]
    for channel in ("phone", "chat"):
        m = missed[missed["channel"] == channel]
        out.append(m.groupby([month[m.index], "outcome"], observed=False).size().unstack(fill_value=0))
    missed_phone = phone[phone["outcome"] != "answered"]
    out.append(missed_phone["is_new_caller"].mean())
    for frame in (phone, chat):
        closed = frame[frame["outcome"] == "closed"]
        out.append(pd.crosstab(closed["received_at"].dt.weekday, closed["received_at"].dt.hour))
    referred = answered[answered["referral"] != "none"]
    out.append(referred.groupby([referred["received_at"].dt.year, "referral"], observed=False).size().unstack(fill_value=0))
    out.append(between(referred, "2017-05-01", "2021-01-01")["requester"].value_counts())
    return out


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    loads, aggs, rows = [], [], 0
    for _ in range(runs):
        t = time.perf_counter()
        df = load(path)
        loads.append(time.perf_counter() - t)
        t = time.perf_counter()
        aggregate(df)
        aggs.append(time.perf_counter() - t)
        rows = len(df)
        del df
    totals = [a + b for a, b in zip(loads, aggs)]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000
    stat = lambda v: f"{statistics.median(v):7.3f} {min(v):7.3f} {max(v):7.3f}"
    print(f"pandas {rows:>10,}  load {stat(loads)}  aggregate {stat(aggs)}  total {stat(totals)}  peak {peak:7.0f} MB  runs {runs}")


if __name__ == "__main__":
    main()
