#!/usr/bin/env python3
"""Builds datasets/b2b-shop.sqlite, a small ERP-like SQLite database, from the sample customers.

  python3 datasets/make_sqlite.py [--customers 600] [--out datasets/b2b-shop.sqlite]

Only the standard library is used (csv, random, sqlite3). The database has two tables:

  customers  the first N rows of b2b-customers.csv: customer_id (TEXT PRIMARY KEY), company, wz_section,
             bundesland, plz (TEXT, leading zeros kept), size_class, employees (INTEGER), revenue_eur (REAL),
             customer_group, first_order (TEXT, German dates 31.12.2024, as some ERP exports store them)
  orders     one row per order: order_id (INTEGER PRIMARY KEY), customer_id, order_date (TEXT, ISO),
             amount_eur (REAL), discount (REAL, NULL where the customer's discount rate is unknown)

Orders are drawn to match each customer's columns in the CSV (seed 42): order_count_12m orders in the 12
months up to 2025-06-30, the latest one days_since_last_order days before that date (a customer without
orders in the window gets that one older order), amounts around avg_order_value_eur (log-normal, sigma 0.35),
discounts around discount_rate. So the aggregation in sessions/sqlite.seg approximately recovers the CSV's
behaviour columns. The file's bytes depend on the SQLite version; its query results (and so Segmenta's
fingerprints) do not.
"""

import argparse
import csv
import datetime as dt
import math
import os
import random
import sqlite3

END = dt.date(2025, 6, 30)
WINDOW_START = END - dt.timedelta(days=364)


def german(date_text):
    d = dt.date.fromisoformat(date_text)
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=600)
    parser.add_argument("--out", default=os.path.join(here, "b2b-shop.sqlite"))
    args = parser.parse_args()

    with open(os.path.join(here, "b2b-customers.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))[: args.customers]

    rng = random.Random(42)
    customers, orders = [], []
    for r in rows:
        customers.append((
            r["customer_id"], r["company"], r["wz_section"], r["bundesland"], r["plz"], r["size_class"],
            int(r["employees"]), float(r["revenue_eur"]), r["customer_group"], german(r["first_order_date"]),
        ))
        count = int(r["order_count_12m"])
        last = END - dt.timedelta(days=int(r["days_since_last_order"]))
        dates = [last] + sorted(
            WINDOW_START + dt.timedelta(days=rng.randint(0, max(0, (last - WINDOW_START).days)))
            for _ in range(max(0, count - 1)))
        mean = float(r["avg_order_value_eur"])
        rate = float(r["discount_rate"]) if r["discount_rate"] else None
        for day in dates:
            amount = round(mean * math.exp(rng.gauss(-0.35 ** 2 / 2, 0.35)), 2)
            discount = None if rate is None else round(min(0.35, max(0.0, rate * rng.uniform(0.6, 1.4))), 4)
            orders.append((r["customer_id"], day.isoformat(), amount, discount))

    if os.path.exists(args.out):
        os.remove(args.out)
    db = sqlite3.connect(args.out)
    db.executescript("""
        CREATE TABLE customers (
          customer_id TEXT PRIMARY KEY, company TEXT NOT NULL, wz_section TEXT, bundesland TEXT, plz TEXT,
          size_class TEXT, employees INTEGER, revenue_eur REAL, customer_group TEXT, first_order TEXT);
        CREATE TABLE orders (
          order_id INTEGER PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers,
          order_date TEXT NOT NULL, amount_eur REAL NOT NULL, discount REAL);
        CREATE INDEX orders_customer ON orders (customer_id);
    """)
    db.executemany("INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", customers)
    # Orders in date order, as an ERP numbers them.
    orders.sort(key=lambda o: (o[1], o[0]))
    db.executemany("INSERT INTO orders (customer_id, order_date, amount_eur, discount) VALUES (?, ?, ?, ?)", orders)
    db.commit()
    db.execute("VACUUM")
    db.close()
    print(f"{args.out}: {len(customers)} customers, {len(orders)} orders, {os.path.getsize(args.out):,} bytes")


if __name__ == "__main__":
    main()
