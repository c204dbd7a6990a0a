#!/usr/bin/env python3
"""An outsider's linear-programming attack on a published site's release ledger (release.json).

Written apart from the library's disclosure code, from the ledger, the data contract and the public opening hours only.

    ledger_attack.py RELEASE_JSON BASE_CUBE_JSON [--opening-hours CSV] [--assume strict|contract] [--published-shares]
                     [--integer] [--verbose]

BASE_CUBE_JSON holds what the ledger's `known` sentence grants the attacker, every count of contacts per month, channel
and outcome: {"months": {"2017-05": {"phone": {"answered": 12, "busy": 0, "closed": 30}, ...}, ...}}. Months between the
first and the last listed month that are missing count as zero, and no contact lies outside that span.

What the attacker knows and uses
--------------------------------
* every `shown` statistic exactly; a `small` one lies in 1..T; `secondary` and `too_few` ones are only >= 0;
* the base cube exactly;
* the data contract's rules: requester, gender and age band are `unknown` and referral is `none` for busy and closed
  contacts; e-mail is never busy or closed; no answered phone or chat contact starts outside the opening hours of its
  date (a date before a channel's first schedule has no opening hours at all);
* with `--assume strict` (the default) also: a busy contact starts inside the opening hours and a closed one outside
  (the contract's own synonym for closed is "buiten openingsuren", outside opening hours; busy means the line was in
  use). An hour that is only partly open (Wednesday 9:30) admits both. With `--assume contract` busy and closed atoms
  are left free in time, which only makes the attacker weaker; `--assume no-hours` ignores the opening hours.
* with `--published-shares`, the published shares the pages print beside their recomputation (a reconciliation row
  such as "share of 2022 contacts referred: published 18, rounded"): the count of that row lies within half a unit of
  the share's last printed digit times the row's shown whole (17.5% to 18.5% of 356 is 62.3 to 65.9: 63..65). Shares
  marked `approximate`, and shares no register fitting the rest of the release can meet, are not used. Like the base
  cube they are public: what they and the public counts give on their own is not the site's breach. Press figures
  describe the real register (and the synthetic one calibrated to it), not a random one: leave the option off there;
* Not used (left free, which only weakens the attacker): public holidays, who is a new or known caller, `callers`
  statistics (a count of distinct keys is not a sum of contacts); without `--integer`, integrality beyond rounding
  each LP bound inward.
* with `--integer`, whole numbers and the marks together: every atom is a whole number and every `x` of a component is
  0 or above T at once (a binary each, HiGHS's branch and bound), so two `x` cells can make 0, 6, 7, ... but never 3.
  A statistic the linear programs already found narrowed is not solved again. A `<=T` or `..` count only these
  programs narrow is a breach marked `(integer)`; an `x` they narrow is counted in the summary (listed with
  `--verbose`), not a breach: an `x` claims its width under linear reasoning, and what whole numbers must never narrow
  is a count that may be 1 to T.

The model and why the decomposition loses nothing
-------------------------------------------------
Each `contacts` statistic is a sum of atoms x >= 0. An atom is (time unit, channel, outcome, one class of values per
axis the statistic's component restricts).

1. Time. Every month is cut at each definition's `from` and `to + 1` and at each schedule's validity dates, giving
   pieces; a piece is never straddled by a definition. The base cube fixes the sum of the pieces of a month per channel
   and outcome. Within one component, pieces that every statistic of the component covers alike and that admit the
   same moments (weekday x hour classes) are merged into one unit, even if far apart: from any solution of the merged
   model, spreading each unit's atoms over its months in proportion to the months' base counts meets every month's
   total, keeps every structural zero (same admissibility) and leaves every statistic unchanged (it covers all the
   pieces of the unit or none). Pieces of a month that is really split (two or more pieces admit that channel and
   outcome) keep their month's equation instead of a fixed total.
2. Values. Within a component, the values of an axis fall into classes that no definition of the component tells
   apart; a class atom can always be handed to one admissible member, so classes lose nothing. An atom is a structural
   zero only when no member combination is admissible.
3. Components. Statistics that restrict a common axis (other than channel and outcome) are linked. Two groups of
   statistics on disjoint axis sets meet only through the counts per time unit x channel x outcome. Where the base cube
   fixes those counts (whole months, or a month whose one admissible piece carries it all) the two groups' tables can
   always be joined into one register (for counts n, x_ij = a_i b_j / n, or a north-west-corner integer table), with
   the structural zeros of each kept, so solving each apart gives exactly the joint ranges. Where a month is split
   into pieces whose counts are not fixed, every group that cuts that month at a different place than the month's
   ends, or that breaks it down by weekday or hour while its pieces admit different moments, shares those unknown piece
   counts: such groups are linked too, repeated until nothing changes. Nothing else ties them.

Each component is then one LP: base equations, shown statistics as equations, small ones as 1..T, min and max of each
withheld statistic. Every solution is a witness for all the component's withheld statistics; an LP is skipped when
witnesses already show its side of the claim holds. Bounds are rounded inward to integers (counts are whole).

Claims (integer bounds lo..hi): `small` must admit every value 1..T; `secondary` must admit at least T+1 values an
`x` can be (0, or above T: a count from 1 to T is always marked `<=T`, so 2..10 leaves 6..10, five); `too_few`, when proven to lie in 1..T, must admit every value 1..T. A `shown` sensitive statistic
that is not `published` must not be 1..T. A narrowing that the base cube and the non-sensitive shown counts give on
their own is public, not a breach: it is counted in the summary.

Exit 0: one line `ledger attack: N statistics, W withheld, K linear programs, B breaches, S s`.
Exit 1: that line and one line per breach. Exit 2: the inputs contradict each other (no register fits them).
"""

import argparse
import csv
import datetime as dt
import itertools
import json
import math
import os
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import coo_matrix, csr_matrix, hstack, identity, vstack

EPS = 1e-6
TIME_OF_WEEK = ("weekday", "hour")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
UNKNOWN_WHEN_MISSED = {"requester": "unknown", "gender": "unknown", "age_band": "unknown", "referral": "none"}
NEVER_MISSED = {"email"}
WITHHELD = ("small", "secondary", "too_few")


class InputError(Exception):
    pass


def ordinal(text):
    return dt.date.fromisoformat(text).toordinal()


def month_of(day):
    d = dt.date.fromordinal(day)
    return d.year * 12 + d.month - 1


def month_start(m):
    return dt.date(m // 12, m % 12 + 1, 1).toordinal()


def month_name(m):
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


class Schedule:
    """The opening hours per channel with validity dates; which moments of a date admit which outcome."""

    def __init__(self, path, strict, use=True):
        self.strict = strict
        self.rows = []
        with open(path if use else os.devnull, newline="", encoding="utf-8-sig") as f:
            for r in csv.DictReader(f):
                opens = [int(x) for x in r["opens"].split(":")]
                closes = [int(x) for x in r["closes"].split(":")]
                self.rows.append((r["channel"].strip(), WEEKDAYS.index(r["day"].strip()),
                                  opens[0] * 60 + opens[1], closes[0] * 60 + closes[1],
                                  ordinal(r["valid_from"]) if r["valid_from"].strip() else -10**9,
                                  ordinal(r["valid_to"]) + 1 if r["valid_to"].strip() else 10**9))
        self.channels = {r[0] for r in self.rows}
        self._cache = {}

    def boundaries(self):
        return {r[4] for r in self.rows} | {r[5] for r in self.rows}

    def _hours(self, channel, day):
        """Per hour of the date: some minute open, every minute open."""
        key = (channel, day)
        if key not in self._cache:
            minutes = np.zeros(24 * 60, dtype=bool)
            wd = dt.date.fromordinal(day).weekday()
            for ch, w, o, c, vf, vt in self.rows:
                if ch == channel and w == wd and vf <= day < vt:
                    minutes[o:c] = True
            per_hour = minutes.reshape(24, 60)
            self._cache[key] = (per_hour.any(axis=1), per_hour.all(axis=1))
        return self._cache[key]

    def admissible(self, channel, outcome, days):
        """7 x 24 booleans: may a contact of this channel and outcome arrive on that weekday and hour, some day of `days`."""
        adm = np.zeros((7, 24), dtype=bool)
        for day in days:
            wd = dt.date.fromordinal(day).weekday()
            if channel in NEVER_MISSED:
                if outcome == "answered":
                    adm[wd, :] = True
                continue
            if channel not in self.channels:
                adm[wd, :] = True  # no schedule known for it: leave it free
                continue
            some, every = self._hours(channel, day)
            if outcome == "answered":
                adm[wd] |= some
            elif not self.strict:
                adm[wd, :] = True
            elif outcome == "busy":
                adm[wd] |= some
            else:
                adm[wd] |= ~every
        return adm


class UnionFind:
    def __init__(self, n):
        self.parent = list(range(n))

    def find(self, i):
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i, j):
        i, j = self.find(i), self.find(j)
        if i == j:
            return False
        self.parent[max(i, j)] = min(i, j)
        return True


def describe(definition):
    parts = []
    if "from" in definition or "to" in definition:
        parts.append(f"{definition.get('from', '...')}..{definition.get('to', '...')}")
    for k, v in definition.items():
        if k not in ("from", "to"):
            parts.append(f"{k}={'|'.join(v)}")
    return " ".join(parts) or "everything"


def where(stat):
    for a in stat.get("appears", []):
        bits = [a.get("page", "?")]
        if "table" in a:
            bits.append(os.path.basename(a["table"]))
        elif "output" in a:
            bits.append(a["output"])
        if "row" in a:
            bits.append(f"row {a['row']}")
        if "column" in a:
            bits.append(f"column {a['column']}")
        return " ".join(bits)
    return "nowhere"


class Attack:
    def __init__(self, release, base, schedule, verbose=False, ranges=False, site=None, integer=False):
        self.integer = integer
        self.mips = 0
        self.integer_x = []
        self.release = release
        self.site = site
        self.ranges = {} if ranges else None
        self.schedule = schedule
        self.verbose = verbose
        self.T = int(release["threshold"])
        self.axes = release["axes"]
        self.channels = self.axes["channel"]
        self.outcomes = self.axes["outcome"]
        self.co = [(c, o) for c in self.channels for o in self.outcomes]
        self.other_axes = [a for a in self.axes if a not in ("channel", "outcome")]
        self.lps = 0
        self.shares_used = 0
        self.public = 0
        self.breaches = []
        self._load_base(base)
        self._load_statistics()
        self.share_bounds = self._published_shares()
        self._cut_time()

    # ----- inputs -----------------------------------------------------------------------------------------------
    def _load_base(self, base):
        months = {}
        for name, per_channel in base["months"].items():
            y, m = name.split("-")
            key = int(y) * 12 + int(m) - 1
            months[key] = {(c, o): int(per_channel.get(c, {}).get(o, 0)) for c, o in self.co}
            for c in per_channel:
                if c not in self.channels:
                    raise InputError(f"base cube: unknown channel {c}")
        if not months:
            raise InputError("base cube: no months")
        self.first_month, self.last_month = min(months), max(months)
        self.base = {m: months.get(m, {co: 0 for co in self.co}) for m in range(self.first_month, self.last_month + 1)}
        self.domain = (month_start(self.first_month), month_start(self.last_month + 1))

    def _load_statistics(self):
        self.all_stats = self.release["statistics"]
        self.stats = []
        for s in self.all_stats:
            if s["kind"] != "contacts":
                continue
            d = s["definition"]
            lo = max(ordinal(d["from"]), self.domain[0]) if "from" in d else self.domain[0]
            hi = min(ordinal(d["to"]) + 1, self.domain[1]) if "to" in d else self.domain[1]
            restrict = {}
            empty = lo >= hi
            for axis in self.other_axes:
                if axis in d:
                    values = frozenset(d[axis])
                    unknown = values - set(self.axes[axis])
                    if unknown:
                        raise InputError(f"statistic {s['id']}: unknown {axis} {sorted(unknown)}")
                    if not values:
                        empty = True
                    elif values != frozenset(self.axes[axis]):
                        restrict[axis] = values
            for axis in d:
                if axis not in ("from", "to") and axis not in self.axes:
                    raise InputError(f"statistic {s['id']}: unknown axis {axis}")
            ch = set(d.get("channel", self.channels))
            oc = set(d.get("outcome", self.outcomes))
            self.stats.append({"raw": s, "id": s["id"], "state": s["state"], "lo": lo, "hi": hi,
                               "cos": frozenset((c, o) for c, o in self.co if c in ch and o in oc) if not empty else frozenset(),
                               "axes": restrict})

    def _published_shares(self):
        """Statistic id -> (lo, hi) from the published shares of reconciliation rows (see the module's docstring)."""
        bounds = {}
        if self.site is None:
            return bounds
        rows, tables = {}, {}
        for s in self.all_stats:
            for a in s.get("appears", []):
                if a.get("column") == "computed" and "table" in a and "row" in a:
                    rows.setdefault((a["table"], a["row"]), []).append(s)
        for (table, key), stats in rows.items():
            if table not in tables:
                path = os.path.join(self.site, table)
                with open(path, encoding="utf-8", newline="") as f:
                    tables[table] = {r.get("key"): r for r in csv.DictReader(f)}
            r = tables[table].get(key)
            if not r or not r.get("metric", "").startswith("share") or r.get("qualifier") == "approximate":
                continue
            try:
                published = float(r["published"].replace(",", ""))
            except (KeyError, ValueError):
                continue
            digits = len(r["published"].split(".")[1]) if "." in r["published"] else 0
            half = 0.5 * 10 ** -digits
            contacts = sorted((s for s in stats if s["kind"] == "contacts"), key=lambda s: len(s["definition"]))
            # The whole restricts fewer axes than its part (contacts of 2022; referred contacts of 2022).
            if len(contacts) != 2 or len(contacts[0]["definition"]) == len(contacts[1]["definition"]) or contacts[0]["state"] != "shown":
                continue
            wholes, parts = contacts[:1], contacts[1:]
            whole = float(wholes[0]["shown"])
            lo = math.ceil((published - half) / 100 * whole - EPS)
            hi = math.floor((published + half) / 100 * whole + EPS)
            old = bounds.get(parts[0]["id"], (-math.inf, math.inf))
            if max(lo, old[0]) <= min(hi, old[1]):  # no whole number fits a share like 54% of 9: it says nothing
                bounds[parts[0]["id"]] = (max(lo, old[0]), min(hi, old[1]))
        return bounds

    def _cut_time(self):
        cuts = {month_start(m) for m in range(self.first_month, self.last_month + 2)}
        for s in self.stats:
            cuts |= {s["lo"], s["hi"]}
        cuts |= self.schedule.boundaries()
        cuts = sorted(c for c in cuts if self.domain[0] <= c <= self.domain[1])
        self.pieces = [(a, b, month_of(a)) for a, b in zip(cuts, cuts[1:]) if a < b]
        self.month_pieces = {}
        for p, (_, _, m) in enumerate(self.pieces):
            self.month_pieces.setdefault(m, []).append(p)
        n = len(self.pieces)
        self.adm = {co: np.zeros((n, 7, 24), dtype=bool) for co in self.co}
        for p, (a, b, _) in enumerate(self.pieces):
            days = range(a, b)
            for c, o in self.co:
                self.adm[(c, o)][p] = self.schedule.admissible(c, o, days)
        self.admits = {co: self.adm[co].any(axis=(1, 2)) for co in self.co}
        starts = np.array([p[0] for p in self.pieces])
        ends = np.array([p[1] for p in self.pieces])
        for s in self.stats:
            s["cover"] = (starts >= s["lo"]) & (ends <= s["hi"])
        # A month whose count of a channel and outcome may fall in two or more pieces: the pieces' counts are unknown.
        self.free_groups = []
        for m, ps in self.month_pieces.items():
            if len(ps) < 2:
                continue
            for co in self.co:
                open_ps = [p for p in ps if self.admits[co][p]]
                if len(open_ps) >= 2 and self.base[m][co] > 0:
                    varies = any(not np.array_equal(self.adm[co][open_ps[0]], self.adm[co][p]) for p in open_ps[1:])
                    self.free_groups.append((m, co, open_ps, varies))
        for m in self.base:
            for co in self.co:
                if self.base[m][co] > 0 and not any(self.admits[co][p] for p in self.month_pieces[m]):
                    raise InputError(f"base cube: {self.base[m][co]} {co[0]} {co[1]} contacts in {month_name(m)}, "
                                     f"but no moment of that month admits them")

    # ----- components -------------------------------------------------------------------------------------------
    def components(self):
        n = len(self.stats)
        uf = UnionFind(n)
        owner = {}
        for i, s in enumerate(self.stats):
            for axis in s["axes"]:
                if axis in owner:
                    uf.union(owner[axis], i)
                else:
                    owner[axis] = i
        changed = True
        while changed:
            changed = False
            axes_of = {}
            for i, s in enumerate(self.stats):
                axes_of.setdefault(uf.find(i), set()).update(s["axes"])
            for m, co, ps, varies in self.free_groups:
                linked = []
                for i, s in enumerate(self.stats):
                    if co not in s["cos"]:
                        continue
                    covered = s["cover"][ps]
                    if not covered.any():
                        continue
                    if not covered.all() or (varies and axes_of[uf.find(i)] & set(TIME_OF_WEEK)):
                        linked.append(i)
                for i in linked[1:]:
                    changed |= uf.union(linked[0], i)
        groups = {}
        for i in range(n):
            groups.setdefault(uf.find(i), []).append(i)
        return list(groups.values())

    # ----- one component ----------------------------------------------------------------------------------------
    def solve_component(self, members):
        stats = [self.stats[i] for i in members]
        withheld = [s for s in stats if s["state"] in WITHHELD]
        if not withheld and not any(s["raw"]["id"] in self.shown_small for s in stats):
            return
        axes = sorted({a for s in stats for a in s["axes"]}, key=self.other_axes.index)
        # Classes of values no definition of the component tells apart.
        classes = {}
        for axis in axes:
            users = [s for s in stats if axis in s["axes"]]
            keyed = {}
            for v in self.axes[axis]:
                keyed.setdefault(tuple(v in s["axes"][axis] for s in users), []).append(v)
            classes[axis] = list(keyed.values())
        week_classes = classes.get("weekday", [WEEKDAYS])
        hour_classes = classes.get("hour", [[str(h) for h in range(24)]])
        wsel = np.zeros((len(week_classes), 7), dtype=bool)
        for k, vs in enumerate(week_classes):
            for v in vs:
                wsel[k, WEEKDAYS.index(v)] = True
        hsel = np.zeros((len(hour_classes), 24), dtype=bool)
        for k, vs in enumerate(hour_classes):
            for v in vs:
                hsel[k, int(v)] = True
        non_week = [a for a in axes if a not in TIME_OF_WEEK]
        product = list(itertools.product(*[range(len(classes[a])) for a in non_week]))
        combos_all = np.array(product, dtype=np.int64).reshape(len(product), len(non_week))

        def project(adm):  # 7x24 -> week classes x hour classes
            return (wsel.astype(np.int32) @ adm.astype(np.int32) @ hsel.T.astype(np.int32)) > 0

        units = []  # (co, pieces, months, month_if_split)
        atom_parts = []
        for co in self.co:
            users = [s for s in stats if co in s["cos"]]
            if not users:
                continue
            touched = sorted({self.pieces[p][2] for s in users for p in np.nonzero(s["cover"])[0]})
            keyed = {}
            for m in touched:
                open_ps = [p for p in self.month_pieces[m] if self.admits[co][p]]
                if not open_ps or self.base[m][co] == 0:
                    continue
                split = len(open_ps) >= 2
                for p in open_ps:
                    proj = project(self.adm[co][p])
                    key = (tuple(bool(s["cover"][p]) for s in users), proj.tobytes(), m if split else None)
                    if key not in keyed:
                        keyed[key] = {"co": co, "pieces": [], "months": set(), "split": m if split else None, "proj": proj}
                    keyed[key]["pieces"].append(p)
                    keyed[key]["months"].add(m)
            for u in keyed.values():
                u["index"] = len(units)
                units.append(u)
                # Non-time classes: busy and closed contacts have unknown requester, gender, age and no referral.
                combos = combos_all
                if co[1] != "answered":
                    keep = np.ones(len(combos), dtype=bool)
                    for j, a in enumerate(non_week):
                        if a in UNKNOWN_WHEN_MISSED:
                            ok = np.array([UNKNOWN_WHEN_MISSED[a] in vs for vs in classes[a]])
                            keep &= ok[combos[:, j]]
                    combos = combos[keep]
                wk, hk = np.nonzero(u["proj"])
                n = len(combos) * len(wk)
                if n == 0:
                    continue
                atom_parts.append((u["index"], np.repeat(combos, len(wk), axis=0), np.tile(wk, len(combos)), np.tile(hk, len(combos))))
        if not atom_parts:
            atom_unit = np.zeros(0, dtype=np.int64)
            atom_combo = np.zeros((0, len(non_week)), dtype=np.int64)
            atom_w = atom_h = np.zeros(0, dtype=np.int64)
        else:
            atom_unit = np.concatenate([np.full(len(p[1]), p[0]) for p in atom_parts])
            atom_combo = np.concatenate([p[1] for p in atom_parts])
            atom_w = np.concatenate([p[2] for p in atom_parts])
            atom_h = np.concatenate([p[3] for p in atom_parts])
        n_atoms = len(atom_unit)
        unit_co = [self.co.index(u["co"]) for u in units]

        # Base equations: a unit of whole months sums to their counts; the units of a split month to its count.
        eq_rows, eq_b, eq_names = [], [], []
        by_group = {}
        for u in units:
            key = (u["co"], u["split"]) if u["split"] is not None else ("unit", u["index"])
            by_group.setdefault(key, []).append(u)
        for key, us in by_group.items():
            months = set().union(*[u["months"] for u in us])
            co = us[0]["co"]
            eq_rows.append(np.isin(atom_unit, [u["index"] for u in us]))
            eq_b.append(sum(self.base[m][co] for m in months))
            eq_names.append(f"base {co[0]}/{co[1]} {','.join(month_name(m) for m in sorted(months))}")

        def row(s):
            unit_in = np.array([s["cos"].__contains__(u["co"]) and bool(s["cover"][u["pieces"][0]]) for u in units] + [False], dtype=bool)
            mask = unit_in[atom_unit] if n_atoms else np.zeros(0, dtype=bool)
            for axis, values in s["axes"].items():
                if axis == "weekday":
                    ok = np.array([set(vs) <= values for vs in week_classes])
                    mask &= ok[atom_w]
                elif axis == "hour":
                    ok = np.array([set(vs) <= values for vs in hour_classes])
                    mask &= ok[atom_h]
                else:
                    j = non_week.index(axis)
                    ok = np.array([set(vs) <= values for vs in classes[axis]])
                    mask &= ok[atom_combo[:, j]]
            return mask

        def sparse(masks):
            if not masks:
                return csr_matrix((0, n_atoms))
            r, c = [], []
            for i, mk in enumerate(masks):
                nz = np.nonzero(mk)[0]
                r.append(np.full(len(nz), i))
                c.append(nz)
            r, c = np.concatenate(r), np.concatenate(c)
            return coo_matrix((np.ones(len(r)), (r, c)), shape=(len(masks), n_atoms)).tocsr()

        shown = [s for s in stats if s["state"] == "shown"]
        small = [s for s in stats if s["state"] == "small"]
        A_eq = vstack([sparse(eq_rows), sparse([row(s) for s in shown])]).tocsr()
        b_eq = np.array(eq_b + [float(s["raw"]["shown"]) for s in shown])
        eq_labels = eq_names + [f"#{s['id']} = {s['raw']['shown']}" for s in shown]

        def ranged(rows):
            """(statistic, lo, hi, why) rows as lo <= sum <= hi: A_ub, b_ub and the labels of its rows."""
            if not rows:
                return None, None, []
            S = sparse([row(s) for s, _, _, _ in rows])
            b = np.array([hi for _, _, hi, _ in rows] + [-lo for _, lo, _, _ in rows])
            labels = [f"#{s['id']} <= {hi}{why}" for s, _, hi, why in rows] + [f"#{s['id']} >= {lo}{why}" for s, lo, _, why in rows]
            return vstack([S, -S]).tocsr(), b, labels

        def shares(stats_):
            return [(s, *self.share_bounds[s["id"]], " (published share)") for s in stats_]

        # A press figure need not fit the register: one that no register fitting the rest can meet tells the attacker
        # nothing usable. Each is tried in turn with those kept before it.
        small_rows = [(s, 1, self.T, "") for s in small]
        shared = []
        for candidate in sorted((s for s in stats if s["id"] in self.share_bounds), key=lambda s: s["id"]):
            A_try, b_try, _ = ranged(small_rows + shares(shared + [candidate]))
            self.lps += 1
            if n_atoms and linprog(np.zeros(n_atoms), A_ub=A_try, b_ub=b_try, A_eq=A_eq, b_eq=b_eq, bounds=(0, None), method="highs").status != 2:
                shared.append(candidate)
        self.shares_used += len(shared)
        A_ub, b_ub, ub_labels = ranged(small_rows + shares(shared))
        A_share, b_share, _ = ranged(shares(shared))
        W = sparse([row(s) for s in withheld])

        if self.verbose:
            print(f"component: {len(stats)} statistics ({len(withheld)} withheld), axes {axes}, "
                  f"{len(units)} units, {n_atoms} atoms, {A_eq.shape[0]} equations", file=sys.stderr)

        wmin = np.full(len(withheld), np.inf)
        wmax = np.full(len(withheld), -np.inf)
        exact = [dict() for _ in withheld]

        def solve(objective, sense):
            if objective.size == 0:
                # No atom can hold a contact: every statistic of the component is 0.
                np.minimum(wmin, 0, out=wmin)
                np.maximum(wmax, 0, out=wmax)
                return 0.0, []
            self.lps += 1
            res = linprog(sense * objective, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=(0, None), method="highs")
            if res.status == 2:
                raise InputError(f"no register fits the release and the base cube (component of statistics "
                                 f"{', '.join('#' + str(s['id']) for s in stats[:8])}{'...' if len(stats) > 8 else ''})")
            if res.status != 0:
                raise InputError(f"linear program failed: {res.message}")
            vals = W @ res.x
            np.minimum(wmin, vals, out=wmin)
            np.maximum(wmax, vals, out=wmax)
            binding = []
            for labels, marg in ((eq_labels, res.eqlin.marginals), (ub_labels, res.ineqlin.marginals if A_ub is not None else [])):
                for label, dual in zip(labels, marg):
                    if abs(dual) > 1e-9:
                        binding.append(label)
            return sense * res.fun, binding

        public_rows = [i for i, name in enumerate(eq_labels) if name.startswith("base ")] + \
            [len(eq_names) + i for i, sh in enumerate(shown) if not sh["raw"].get("sensitive")]
        A_pub, b_pub = A_eq[public_rows], b_eq[public_rows]

        def public_range(objective):
            if objective.size == 0:
                return 0, 0
            ends = []
            for sense in (1, -1):
                self.lps += 1
                res = linprog(sense * objective, A_ub=A_share, b_ub=b_share, A_eq=A_pub, b_eq=b_pub, bounds=(0, None), method="highs")
                if res.status == 3:
                    return None
                if res.status != 0:
                    raise InputError(f"linear program failed: {res.message}")
                ends.append(sense * res.fun)
            return math.ceil(ends[0] - EPS), math.floor(ends[1] + EPS)

        # A sensitive count from 1 to T shown on a page is a disclosure, unless the public figures alone give it.
        for sh in shown:
            raw = sh["raw"]
            if raw["id"] in self.shown_small:
                del self.shown_small[raw["id"]]
                if public_range(row(sh).astype(float)) == (raw["shown"], raw["shown"]):
                    self.public += 1
                    continue
                self.breaches.append(f"#{raw['id']} shown: sensitive {raw['kind']} {describe(raw['definition'])} [{where(raw)}] "
                                     f"shows {raw['shown']}, a count from 1 to {self.T}")

        def lo_hi(k):
            if not np.isfinite(wmin[k]):
                return None
            return math.ceil(wmin[k] - EPS), math.floor(wmax[k] + EPS)

        def holds(k, state):
            if lo_hi(k) is None:
                return False
            lo, hi = lo_hi(k)
            if state == "small":
                return lo <= 1 and hi >= self.T
            if state == "secondary":
                # The legend marks every count from 1 to T `<=T`, so an `x` is 0 or more than T: only those values count.
                return (1 if lo <= 0 <= hi else 0) + max(0, hi - max(lo, self.T + 1) + 1) >= self.T + 1
            # `..`: withheld with no range of its own; if it is a count from 1 to T, nothing may narrow it further
            # than `<=T` would (a pinned 0 or a pinned large count says nothing about a small group).
            return not (lo >= 1 and hi <= self.T and (lo > 1 or hi < self.T))

        objective_rows = [W.getrow(k).toarray().ravel() for k in range(len(withheld))]
        for k, s in enumerate(withheld):
            state = s["state"]
            if self.ranges is not None:
                for side, sense in (("min", 1), ("max", -1)):
                    exact[k][side] = solve(objective_rows[k], sense)
                self.ranges[s["id"]] = [exact[k]["min"][0], exact[k]["max"][0]]
            for side, sense in (("min", 1), ("max", -1)):
                if holds(k, state):
                    break
                if side == "min" and state == "small" and wmin[k] <= 1 + EPS:
                    continue
                if side == "max" and state == "small" and wmax[k] >= self.T - EPS:
                    continue
                exact[k][side] = solve(objective_rows[k], sense)
            if holds(k, state):
                continue
            for side, sense in (("min", 1), ("max", -1)):
                if side not in exact[k]:
                    exact[k][side] = solve(objective_rows[k], sense)
            lo, hi = lo_hi(k)
            raw = s["raw"]
            # A narrowing that follows from public figures alone (the base cube, non-sensitive shown counts and
            # published shares, e.g. a day-cut total equal to whole months because nothing came before the line
            # opened) discloses nothing the site adds: it is counted apart, not as a breach.
            if public_range(objective_rows[k]) == (lo, hi):
                self.public += 1
                continue
            bound = set(exact[k]["min"][1]) | set(exact[k]["max"][1])
            binding = sorted((b for b in bound if b.startswith("#")), key=lambda t: int(t[1:].split()[0]))
            cube = sorted({b.split()[1] for b in bound if b.startswith("base ")})
            if cube:
                binding.append(f"the base cube ({sum(b.startswith('base ') for b in bound)} sums of {', '.join(cube)})")
            self.breaches.append(
                f"#{raw['id']} {state}{' (' + raw['claim'] + ')' if raw.get('claim') else ''}: {raw['kind']} {describe(raw['definition'])} "
                f"[{where(raw)}] lies in {lo}..{hi} (LP {exact[k]['min'][0] + 0.0:.4g}..{exact[k]['max'][0] + 0.0:.4g}); "
                f"binding: {'; '.join(binding) if binding else 'base cube only'}")

        if self.integer and withheld and n_atoms:
            self._integer_pass(withheld, A_eq, b_eq, A_ub, b_ub, W, eq_b, public_range, objective_rows)

    def _integer_pass(self, withheld, A_eq, b_eq, A_ub, b_ub, W, eq_b, public_range, objective_rows):
        """Whole numbers and the marks read together: every atom a whole number, every `x` 0 or above T (a count from
        1 to T is always marked `<=T`), for all of a component's `x` cells at once (a binary each). Only statistics whose
        claim the linear programs found holding are checked again; a narrowing found here is reported as `integer`."""
        n_atoms = W.shape[1]
        sec = [k for k, s in enumerate(withheld) if s["state"] == "secondary"]
        big = float(sum(eq_b)) + 1.0
        blocks = [LinearConstraint(hstack([A_eq, csr_matrix((A_eq.shape[0], len(sec)))]).tocsr(), b_eq, b_eq)]
        if A_ub is not None:
            blocks.append(LinearConstraint(hstack([A_ub, csr_matrix((A_ub.shape[0], len(sec)))]).tocsr(), -np.inf, b_ub))
        if sec:
            Ws = W[sec]
            eye = identity(len(sec), format="csr")
            # x_k <= big * b_k and x_k >= (T + 1) * b_k: b_k = 0 makes the cell 0, b_k = 1 puts it above T.
            blocks.append(LinearConstraint(hstack([Ws, -big * eye]).tocsr(), -np.inf, 0))
            blocks.append(LinearConstraint(hstack([Ws, -(self.T + 1) * eye]).tocsr(), 0, np.inf))
        bounds = Bounds(np.zeros(n_atoms + len(sec)), np.concatenate([np.full(n_atoms, np.inf), np.ones(len(sec))]))
        integrality = np.ones(n_atoms + len(sec))
        Wx = hstack([W, csr_matrix((W.shape[0], len(sec)))]).tocsr()
        imin = np.full(len(withheld), np.inf)
        imax = np.full(len(withheld), -np.inf)

        def solve(k, sense):
            self.mips += 1
            res = milp(sense * Wx.getrow(k).toarray().ravel(), constraints=blocks, integrality=integrality, bounds=bounds,
                       options={"time_limit": 60})
            if res.x is None:
                raise InputError(f"integer program failed: {res.message}")
            vals = Wx @ res.x
            np.minimum(imin, vals, out=imin)
            np.maximum(imax, vals, out=imax)
            # A time limit reached leaves a bound weaker than the optimum: the attacker keeps the proven one.
            return sense * (res.mip_dual_bound if res.status == 1 and res.mip_dual_bound is not None else res.fun)

        def admitted(lo, hi, state):
            if state == "small":
                return lo <= 1 and hi >= self.T
            if state == "secondary":
                return (1 if lo <= 0 <= hi else 0) + max(0, hi - max(lo, self.T + 1) + 1) >= self.T + 1
            return not (lo >= 1 and hi <= self.T and (lo > 1 or hi < self.T))

        breached = {int(b[1:b.index(" ")]) for b in self.breaches}
        for k, s in enumerate(withheld):
            state = s["state"]
            if s["raw"]["id"] in breached:
                continue  # already a breach of the linear programs
            lo = hi = None
            for sense in (1, -1):
                if np.isfinite(imin[k]) and admitted(math.ceil(imin[k] - EPS), math.floor(imax[k] + EPS), state):
                    break
                if sense == 1:
                    lo = math.ceil(solve(k, 1) - EPS)
                else:
                    hi = math.floor(solve(k, -1) + EPS)
            if np.isfinite(imin[k]) and admitted(math.ceil(imin[k] - EPS), math.floor(imax[k] + EPS), state):
                continue
            lo = lo if lo is not None else math.ceil(solve(k, 1) - EPS)
            hi = hi if hi is not None else math.floor(solve(k, -1) + EPS)
            if admitted(lo, hi, state) or public_range(objective_rows[k]) == (lo, hi):
                continue
            raw = s["raw"]
            if state == "secondary":
                # An x claims its width under linear reasoning: narrowed here, it is counted, not a breach. What whole
                # numbers must never narrow is a count that may be 1 to T (a `<=T` or a `..`).
                self.integer_x.append(f"#{raw['id']} [{where(raw)}] {lo}..{hi}")
                continue
            self.breaches.append(
                f"#{raw['id']} {state} (integer){' (' + raw['claim'] + ')' if raw.get('claim') else ''}: {raw['kind']} "
                f"{describe(raw['definition'])} [{where(raw)}] lies in {lo}..{hi} in whole numbers, reading every x as 0 or above {self.T}")

    def run(self):
        start = time.time()
        self.shown_small = {s["id"]: s for s in self.all_stats
                            if s["state"] == "shown" and s.get("sensitive") and not s.get("published")
                            and s.get("shown") is not None and 1 <= s["shown"] <= self.T}
        components = self.components()
        for members in sorted(components, key=len):
            self.solve_component(members)
        for s in self.shown_small.values():  # outside every component the attacker models (callers): shown as it is
            self.breaches.append(f"#{s['id']} shown: sensitive {s['kind']} {describe(s['definition'])} [{where(s)}] "
                                 f"shows {s['shown']}, a count from 1 to {self.T}")
        withheld = sum(1 for s in self.all_stats if s["state"] in WITHHELD)
        self.summary = (f"ledger attack: {len(self.all_stats)} statistics, {withheld} withheld, {self.lps} linear programs, "
                        f"{len(self.breaches)} breaches ({self.public} narrowings from public figures alone), "
                        f"{self.shares_used} counts bounded by published shares, "
                        f"{f'{self.mips} integer programs ({len(self.integer_x)} x narrowed in whole numbers), ' if self.integer else ''}"
                        f"{time.time() - start:.1f} s")
        if self.verbose:
            for x in self.integer_x:
                print(f"x narrowed in whole numbers: {x}", file=sys.stderr)
        if self.verbose:
            print(f"{len(components)} components", file=sys.stderr)


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("release")
    ap.add_argument("base")
    ap.add_argument("--opening-hours", default=os.path.join(here, "..", "..", "data", "reference", "opening-hours.csv"))
    ap.add_argument("--assume", choices=("strict", "contract", "no-hours"), default="strict",
                    help="strict: busy inside and closed outside opening hours too; contract: only what the data contract "
                         "states; no-hours: ignore the opening hours altogether (to tell which breaches need them)")
    ap.add_argument("--published-shares", action="store_true",
                    help="also use the published shares of the pages' reconciliation rows (for a site of the real register or the shipped synthetic one)")
    ap.add_argument("--integer", action="store_true",
                    help="also solve integer programs: whole numbers, and every x read as 0 or above T jointly (slower)")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--ranges", metavar="JSON", help="solve both sides for every withheld statistic and write the ranges")
    args = ap.parse_args(argv)
    try:
        with open(args.release, encoding="utf-8") as f:
            release = json.load(f)
        with open(args.base, encoding="utf-8") as f:
            base = json.load(f)
        attack = Attack(release, base, Schedule(args.opening_hours, args.assume == "strict", args.assume != "no-hours"), args.verbose, args.ranges is not None,
                        site=os.path.dirname(os.path.abspath(args.release)) if args.published_shares else None, integer=args.integer)
        attack.run()
        if args.ranges:
            with open(args.ranges, "w", encoding="utf-8") as f:
                json.dump(attack.ranges, f, indent=1)
    except InputError as e:
        print(f"ledger attack: cannot attack: {e}", file=sys.stderr)
        return 2
    print(attack.summary)
    for b in attack.breaches:
        print("breach: " + b)
    return 1 if attack.breaches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
