#!/usr/bin/env python3
"""Reference values for the RFM, ABC and XYZ tests of SegmentaCore, from the shipped order history.

Run from this directory with rfm 1.0.9, lifetimes 0.11.3 and pandas 1.5.3 (rfm 1.0.9 fails on pandas 2 and
later: it calls `drop(columns=..., axis=1)`), e.g. in a virtual environment:

    pip install pandas==1.5.3 "numpy<2" rfm==1.0.9 lifetimes==0.11.3
    python3 make_behaviour_reference.py

It reads the orders of customers K00001 ... K00500 from ../../../../datasets/b2b-orders.csv (the tests select the
same rows) and rewrites behaviour.json. Floats are written with repr (shortest round-trip form), so the Swift
tests compare exactly.

What the packages compute, and how this script uses them:

- rfm 1.0.9 (`rfm.RFM`): recency = (latest transaction date in the data - the customer's last date).days,
  frequency = number of rows, monetary_value = sum of amounts; scores are
  `pd.qcut(col.rank(method="first"), 5, labels=...)` with R labelled 5..1 (most recent = 5), F and M 1..5, on the
  customers in `groupby` order (ascending id), so ties are split by id. Segments come from `find_segments`.
  Two quirks make its raw output unusable as a reference for money: before anything else it converts every
  column to text and cuts the last two characters of any value containing ".0" (so 1234.05 becomes 1234.), and it
  drops exact duplicate rows. We therefore hand it the amounts in integer cents (no ".0" can occur) together with
  the order id (so no row is a duplicate), check that recency, frequency and all scores and segments agree
  exactly with the re-implementation below, and that its monetary value / 100 agrees to 1e-9. The values
  written are the re-implementation's: monetary summed in file order with plain float addition, as Segmenta
  sums (the package sums in date order, which can differ in the last bit). The script also reports how many
  customers the ".0" quirk would have changed.
- lifetimes 0.11.3 (`summary_data_from_transaction_data`, freq "D"): frequency = purchase days - 1,
  recency = last - first purchase day, T = end - first purchase day, monetary_value = mean of the repeat purchase
  days' totals (0 without). Checked against the re-implementation (exactly for counts and days, to 1e-9 for
  money); the re-implementation's values are written.
- ABC and XYZ have no reference package; they are computed here from their documented definitions
  (ABCClassification.swift, XYZClassification.swift) with plain Python arithmetic in the order Segmenta uses,
  and the coefficient of variation is cross-checked against numpy's std (ddof 0) to 1e-12.

Two cases: the full history (reference date = latest order, 2025-06-30) and `asof`, the latest order date on or
before 2025-03-31 (the package has no asof: it gets the transactions up to that date, whose latest date is it).
"""
import datetime
import json
import math
import os
from collections import defaultdict

import lifetimes
import numpy as np
import pandas as pd
import rfm
from importlib.metadata import version

HERE = os.path.dirname(os.path.abspath(__file__))
ORDERS = os.path.join(HERE, "..", "..", "..", "..", "datasets", "b2b-orders.csv")
EPOCH = datetime.date(1970, 1, 1)
LAST_CUSTOMER = "K00500"


def read_orders():
    """Rows of the orders file in file order: (order_id, customer, day number, amount)."""
    df = pd.read_csv(ORDERS, dtype={"order_id": str, "customer_id": str, "order_date": str, "amount_eur": str})
    rows = []
    for o, c, d, a in zip(df.order_id, df.customer_id, df.order_date, df.amount_eur):
        if c <= LAST_CUSTOMER:
            rows.append((o, c, (datetime.date.fromisoformat(d) - EPOCH).days, float(a)))
    return rows


def quintiles(values, high_is_best):
    """Scores as the rfm package: qcut of rank(method='first') in the given (id) order."""
    ranks = pd.Series(values).rank(method="first")
    labels = [1, 2, 3, 4, 5] if high_is_best else [5, 4, 3, 2, 1]
    return [int(x) for x in pd.qcut(ranks, 5, labels=labels).tolist()]


def rfm_reimplementation(rows, reference):
    last, freq, money = {}, defaultdict(int), defaultdict(float)
    for _, c, d, a in rows:
        last[c] = max(last.get(c, d), d)
        freq[c] += 1
        money[c] = money[c] + a
    ids = sorted(last)
    recency = [reference - last[c] for c in ids]
    frequency = [freq[c] for c in ids]
    monetary = [money[c] for c in ids]
    r = quintiles(recency, False)
    f = quintiles(frequency, True)
    m = quintiles(monetary, True)
    return ids, recency, frequency, monetary, r, f, m


def rfm_package(rows, cents):
    df = pd.DataFrame({
        "order_id": [o for o, _, _, _ in rows],
        "customer_id": [c for _, c, _, _ in rows],
        "order_date": [(EPOCH + datetime.timedelta(days=d)).isoformat() for _, _, d, _ in rows],
        "amount": [round(a * 100) if cents else a for _, _, _, a in rows],
    })
    return rfm.RFM(df, customer_id="customer_id", transaction_date="order_date", amount="amount").rfm_table \
        .set_index("customer_id")


def check_rfm(rows, reference):
    ids, recency, frequency, monetary, r, f, m = rfm_reimplementation(rows, reference)
    table = rfm_package(rows, cents=True)
    segments = []
    for i, c in enumerate(ids):
        row = table.loc[c]
        assert row.recency == recency[i] and row.frequency == frequency[i], c
        assert (row.r, row.f, row.m) == (r[i], f[i], m[i]), (c, (row.r, row.f, row.m), (r[i], f[i], m[i]))
        assert math.isclose(row.monetary_value / 100, monetary[i], rel_tol=1e-9), c
        segments.append(row.segment)
    raw = rfm_package(rows, cents=False)
    quirk = sum(1 for i, c in enumerate(ids) if not math.isclose(raw.loc[c].monetary_value, monetary[i], rel_tol=1e-9))
    print(f"  rfm: {len(ids)} customers agree; the '.0' quirk would change the monetary value of {quirk}")
    return {
        "customers": ids, "recency": recency, "frequency": frequency, "monetary": monetary,
        "r": r, "f": f, "m": m, "segment": segments,
    }


def lifetimes_reimplementation(rows, reference):
    totals = {}
    for _, c, d, a in rows:
        totals[(c, d)] = totals.get((c, d), 0.0) + a
    by_customer = defaultdict(list)
    for (c, d) in sorted(totals):
        by_customer[c].append((d, totals[(c, d)]))
    ids = sorted(by_customer)
    out = {"frequency": [], "recency": [], "T": [], "monetary": []}
    for c in ids:
        days = by_customer[c]
        repeat = 0.0
        for _, t in days[1:]:
            repeat = repeat + t
        n = len(days) - 1
        out["frequency"].append(n)
        out["recency"].append(days[-1][0] - days[0][0])
        out["T"].append(reference - days[0][0])
        out["monetary"].append(repeat / n if n > 0 else 0.0)
    return ids, out


def check_lifetimes(rows, reference):
    ids, out = lifetimes_reimplementation(rows, reference)
    df = pd.DataFrame({
        "customer_id": [c for _, c, _, _ in rows],
        "date": pd.to_datetime([(EPOCH + datetime.timedelta(days=d)).isoformat() for _, _, d, _ in rows]),
        "amount": [a for _, _, _, a in rows],
    })
    end = (EPOCH + datetime.timedelta(days=reference)).isoformat()
    summary = lifetimes.utils.summary_data_from_transaction_data(
        df, "customer_id", "date", monetary_value_col="amount", observation_period_end=end, freq="D")
    for i, c in enumerate(ids):
        row = summary.loc[c]
        assert (row["frequency"], row["recency"], row["T"]) == (out["frequency"][i], out["recency"][i], out["T"][i]), c
        assert math.isclose(row.monetary_value, out["monetary"][i], rel_tol=1e-9, abs_tol=1e-9), c
    print(f"  lifetimes: {len(ids)} customers agree")
    return out


def abc(ids, values, a=0.8, b=0.95):
    total = 0.0
    for v in values:
        total = total + max(v, 0.0)
    order = sorted(range(len(ids)), key=lambda i: (-values[i], ids[i]))
    classes = [None] * len(ids)
    running = 0.0
    for i in order:
        before = running / total
        running = running + max(values[i], 0.0)
        classes[i] = "C" if values[i] <= 0 else ("A" if before < a else ("B" if before < b else "C"))
    return classes


def xyz(rows, reference, months=12, x=0.5, y=1.0):
    ref = EPOCH + datetime.timedelta(days=reference)
    last = ref.year * 12 + ref.month - 1
    first = last - months + 1
    ids = sorted({c for _, c, _, _ in rows})
    sums = {c: [0.0] * months for c in ids}
    for _, c, d, a in rows:
        day = EPOCH + datetime.timedelta(days=d)
        p = day.year * 12 + day.month - 1
        if first <= p <= last and d <= reference:
            sums[c][p - first] = sums[c][p - first] + a
    cvs, classes = [], []
    for c in ids:
        s = sums[c]
        total = 0.0
        for v in s:
            total = total + v
        mean = total / months
        if not mean > 0:
            cvs.append(None)
            classes.append(None)
            continue
        ss = 0.0
        for v in s:
            ss = ss + (v - mean) * (v - mean)
        cv = math.sqrt(ss / months) / mean
        assert math.isclose(cv, float(np.std(s) / np.mean(s)), rel_tol=1e-12), c
        cvs.append(cv)
        classes.append("X" if cv <= x else ("Y" if cv <= y else "Z"))
    return ids, {"cv": cvs, "class": classes}


def case(rows, reference, label):
    print(f"{label}: {len(rows)} orders, reference {EPOCH + datetime.timedelta(days=reference)}")
    result = check_rfm(rows, reference)
    ids = result.pop("customers")
    xyz_ids, xyz_result = xyz(rows, reference)
    assert xyz_ids == ids
    return {
        "reference": (EPOCH + datetime.timedelta(days=reference)).isoformat(),
        "orders": len(rows),
        "customers": ids,
        "rfm": result,
        "lifetimes": check_lifetimes(rows, reference),
        "abc_monetary": abc(ids, result["monetary"]),
        "xyz_month": xyz_result,
    }


def main():
    assert version("rfm") == "1.0.9" and lifetimes.__version__ == "0.11.3", "pin rfm 1.0.9 and lifetimes 0.11.3"
    rows = read_orders()
    latest = max(d for _, _, d, _ in rows)
    cutoff = (datetime.date(2025, 3, 31) - EPOCH).days
    asof = max(d for _, _, d, _ in rows if d <= cutoff)
    out = {
        "source": f"datasets/b2b-orders.csv, customers up to {LAST_CUSTOMER}; rfm 1.0.9, lifetimes 0.11.3, "
                  f"pandas {pd.__version__}",
        "full": case(rows, latest, "full"),
        "asof": case([r for r in rows if r[2] <= asof], asof, "asof"),
    }
    with open(os.path.join(HERE, "behaviour.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
