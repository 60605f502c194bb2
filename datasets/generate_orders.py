#!/usr/bin/env python3
"""Seeded generator for Segmenta's sample order history: the orders of the 2,000 sample customers.

Reads b2b-customers.csv and writes b2b-orders.csv with one row per order:

  order_id      O000001 ... (in date order, ties by customer id)
  customer_id   K00001 ... (every customer of b2b-customers.csv has at least one order)
  order_date    ISO date, at most 2025-06-30
  amount_eur    order value, 2 decimals
  product_line  one of the customer's product lines

The orders agree with each customer's columns:

  - order_count_12m orders fall in the 12 months 2024-07-01 .. 2025-06-30, the last one exactly
    days_since_last_order days before 2025-06-30 (customers with no order in those 12 months get
    1 to 3 older orders, the last again days_since_last_order days before 2025-06-30);
  - no order is earlier than first_order_date; a customer whose first order falls inside the window
    has an order on that day;
  - order values are log-normal (sigma 0.6) around avg_order_value_eur, rescaled so the customer's
    mean is avg_order_value_eur (up to rounding to cents), at least 1.00;
  - each order's product line is drawn from product_lines of the 12 lines, fixed per customer.

So RFM on this file reproduces the customer table: recency = days_since_last_order (the latest
order date is 2025-06-30), frequency = order_count_12m (or the 1 to 3 older orders).

Usage:
  python3 datasets/generate_orders.py --out datasets [--seed 7]

Byte-for-byte reproducible for a given seed and numpy version (written with numpy 2.4.6);
only numpy and the standard library are used.
"""

import argparse
import csv
import datetime
import os

import numpy as np

END = datetime.date(2025, 6, 30)
WINDOW_START = datetime.date(2024, 7, 1)
LINES = [
    "Antriebstechnik", "Hydraulik", "Pneumatik", "Sensorik", "Steuerungstechnik", "Verbindungstechnik",
    "Werkzeuge", "Arbeitsschutz", "Schmierstoffe", "Ersatzteile", "Wartung", "Schulung",
]


def order_days(rng, count, first, last):
    """`count` order dates between `first` and `last` (inclusive), the last one on `last`."""
    span = (last - first).days
    days = [last]
    for _ in range(count - 1):
        days.append(first + datetime.timedelta(days=int(rng.integers(0, span + 1))))
    return days


def orders_for(rng, row):
    """The orders of one customer row as (date, amount, line) tuples."""
    count = int(row["order_count_12m"])
    last = END - datetime.timedelta(days=int(row["days_since_last_order"]))
    first_order = datetime.date.fromisoformat(row["first_order_date"])
    if count > 0:
        start = max(first_order, WINDOW_START)
        days = order_days(rng, count, start, last)
        if first_order >= WINDOW_START and count > 1:
            days[1] = first_order
    else:
        count = int(rng.integers(1, 4))
        days = order_days(rng, count, first_order, last)
        if count > 1:
            days[1] = first_order
    mean = float(row["avg_order_value_eur"])
    raw = rng.lognormal(0.0, 0.6, size=count)
    amounts = [max(1.0, round(mean * v / raw.mean(), 2)) for v in raw]
    lines = sorted(rng.choice(len(LINES), size=int(row["product_lines"]), replace=False).tolist())
    picks = rng.choice(lines, size=count)
    return [(d, a, LINES[int(p)]) for d, a, p in zip(days, amounts, picks)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    with open(os.path.join(args.out, "b2b-customers.csv"), encoding="utf-8", newline="") as f:
        customers = list(csv.DictReader(f))
    orders = []
    for row in customers:
        for day, amount, line in orders_for(rng, row):
            orders.append((day, row["customer_id"], amount, line))
    orders.sort(key=lambda o: (o[0], o[1]))
    with open(os.path.join(args.out, "b2b-orders.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["order_id", "customer_id", "order_date", "amount_eur", "product_line"])
        for i, (day, customer, amount, line) in enumerate(orders):
            writer.writerow([f"O{i + 1:06d}", customer, day.isoformat(), f"{amount:.2f}", line])
    print(f"wrote {len(orders)} orders of {len(customers)} customers")


if __name__ == "__main__":
    main()
