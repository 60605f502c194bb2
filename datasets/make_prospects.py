"""Writes b2b-prospects.csv: 300 made-up prospects to assign to segments found on b2b-customers.csv.

They come from generate_b2b.py with another seed (7), so they follow the same distributions but are other
companies; ids are P00001…, the latent segment column is dropped (a prospect has none), and a few rows are
changed on purpose so `assign` has something to report: missing order values, an order count far above the
training range and an empty discount rate.

  python3 datasets/make_prospects.py          # writes datasets/b2b-prospects.csv
"""

import csv
import io
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate_b2b  # noqa: E402

SEED = 7
ROWS = 300


def main() -> int:
    text = generate_b2b.render(generate_b2b.generate(SEED, ROWS), False).decode("utf-8")
    records = list(csv.reader(io.StringIO(text)))
    header = records[0]
    col = {name: i for i, name in enumerate(header)}
    drop = col["latent_segment"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([h for i, h in enumerate(header) if i != drop])
    for i, row in enumerate(records[1:]):
        row[col["customer_id"]] = "P" + row[col["customer_id"]][1:]
        if i in (3, 150):
            row[col["avg_order_value_eur"]] = ""
        if i == 42:
            row[col["order_count_12m"]] = "2500"
        if i == 77:
            row[col["discount_rate"]] = ""
        writer.writerow([v for j, v in enumerate(row) if j != drop])
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "b2b-prospects.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())
    print(f"wrote {path} ({len(records) - 1} rows)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
