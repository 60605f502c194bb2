#!/usr/bin/env python3
"""Seeded generator for Segmenta's bundled sample data: synthetic German B2B customers.

Writes two files holding the *same* rows:

  b2b-customers.csv     ',' separator, '.' decimal point, ISO dates,
                        UTF-8 without BOM, LF line endings
  b2b-customers-de.csv  German Excel export: ';' separator, ',' decimal comma
                        (no thousands separators), dates as 31.12.2024,
                        Windows-1252 (umlauts are single bytes), CRLF

Both use RFC 4180 quoting where a field needs it (separator, '"' or a line
break inside the field); missing values are empty fields.

Usage:
  python3 datasets/generate_b2b.py --out datasets [--seed 42] [--rows 2000]

Output is byte-for-byte reproducible for a given seed, row count and numpy
version (numpy's Generator streams are stable; written with numpy 2.4.6).
Only numpy and the standard library are used.

How rows are made (see datasets/README.md for the full tables):
  1. Each customer gets one of six latent buying-behaviour segments (exact
     counts from SEGMENTS' shares, shuffled).
  2. The six behaviour columns (orders, order value, discount, recency,
     service share, product breadth) are drawn from per-segment distributions
     that overlap, so the segments are recoverable by clustering but not
     trivially.
  3. Firmographics (industry, state, size) depend only weakly on the segment;
     the sales team's A/B/C grouping is derived from last year's revenue with
     us, a noisy quantity, so it only partially agrees with the segments.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import sys

import numpy as np

DEFAULT_SEED = 42
DEFAULT_ROWS = 2000
# Reference date of the extract ("today" for recency and the 12-month window).
AS_OF = dt.date(2025, 6, 30)

PLAIN_FILE = "b2b-customers.csv"
GERMAN_FILE = "b2b-customers-de.csv"

HEADER = [
    "customer_id", "company", "wz_section", "wz_label", "bundesland", "plz",
    "size_class", "employees", "revenue_eur", "order_count_12m",
    "avg_order_value_eur", "discount_rate", "days_since_last_order",
    "service_share", "product_lines", "customer_group", "first_order_date",
    "latent_segment",
]
# Columns written with a fixed number of decimals (all others are ints/text).
DECIMALS = {"revenue_eur": 2, "avg_order_value_eur": 2, "discount_rate": 4, "service_share": 4}
DATE_COLUMNS = {"first_order_date"}
MISSING_SHARE = 0.015  # per column, MCAR, in discount_rate and service_share only

# ------------------------------------------------------------------ segments
# Per segment: share of customers and the behaviour distributions.
#   orders:   mean and Gamma shape of a Gamma-Poisson (negative binomial) count
#   aov:      median and log-sigma of a log-normal average order value (EUR)
#   discount: mean of a Beta scaled to 0..DISCOUNT_MAX (concentration DISCOUNT_CONC)
#   recency:  days = offset + Exponential(mean)
#   service:  mean of a Beta on 0..1 (concentration SERVICE_CONC)
#   breadth:  product lines = 1 + Binomial(11, p)
SEGMENTS = [
    # name                                 share  orders      aov            disc   recency         serv  breadth
    ("Strategische Key Accounts",          0.06, (70.0, 2.0), (12000, 0.85), 0.11, (0.0, 12.0),   0.20, 0.55),
    ("Projektkunden",                      0.12, (4.0, 2.0),  (18000, 0.9),  0.07, (5.0, 80.0),   0.24, 0.20),
    ("Preisbewusste Mengenkäufer",         0.17, (30.0, 2.0), (4000, 0.8),   0.16, (0.0, 18.0),   0.06, 0.22),
    ("Service-orientierte Bestandskunden", 0.15, (12.0, 2.0), (2500, 0.8),   0.06, (0.0, 30.0),   0.40, 0.35),
    ("Gelegenheitskäufer",                 0.30, (5.0, 2.0),  (900, 0.85),   0.05, (0.0, 55.0),   0.09, 0.12),
    ("Schläfer/Abwanderungsgefährdet",     0.20, (1.0, 1.5),  (1400, 0.95),  0.05, (120.0, 240.0), 0.10, 0.14),
]
SEGMENT_NAMES = [s[0] for s in SEGMENTS]
DISCOUNT_MAX = 0.35
DISCOUNT_CONC = 9.0
SERVICE_CONC = 7.0

# ----------------------------------------------------------------- industry
# WZ 2008 sections used, with their official German labels (E contains a ';').
WZ = [
    ("C", "Verarbeitendes Gewerbe", 52.0),
    ("G", "Handel; Instandhaltung und Reparatur von Kraftfahrzeugen", 12.0),
    ("F", "Baugewerbe", 8.0),
    ("H", "Verkehr und Lagerei", 5.0),
    ("M", "Erbringung von freiberuflichen, wissenschaftlichen und technischen Dienstleistungen", 6.0),
    ("Q", "Gesundheits- und Sozialwesen", 4.0),
    ("J", "Information und Kommunikation", 3.0),
    ("N", "Erbringung von sonstigen wirtschaftlichen Dienstleistungen", 4.0),
    ("D", "Energieversorgung", 3.0),
    ("E", "Wasserversorgung; Abwasser- und Abfallentsorgung und Beseitigung von Umweltverschmutzungen", 3.0),
]
# Weak per-segment tilts (multiplicative) so industry says little about behaviour.
WZ_TILT = {
    0: {"C": 1.3, "D": 1.5},
    1: {"F": 1.8, "M": 1.3},
    2: {"G": 1.6, "C": 1.1},
    3: {"Q": 1.6, "H": 1.4},
    4: {"G": 1.2, "N": 1.2},
    5: {},
}

# ------------------------------------------------------------------ geography
# Federal states with a rough share of firms and plausible 2-digit postcode
# lead regions (Leitregionen). A postcode is prefix + 3 random digits: it
# matches the state's range, it is not a lookup of a real delivery area.
BUNDESLAENDER = [
    ("Nordrhein-Westfalen", 21.0, ["32", "33", "40", "41", "42", "44", "45", "46", "47", "48", "50", "51", "52", "53", "57", "58", "59"]),
    ("Bayern", 16.0, ["80", "81", "82", "83", "84", "85", "86", "87", "90", "91", "92", "93", "94", "95", "96", "97"]),
    ("Baden-Württemberg", 14.5, ["68", "69", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79", "88", "89"]),
    ("Niedersachsen", 9.0, ["26", "27", "29", "30", "31", "37", "38", "49"]),
    ("Hessen", 7.5, ["34", "35", "36", "60", "61", "63", "64", "65"]),
    ("Sachsen", 5.0, ["01", "02", "04", "08", "09"]),
    ("Rheinland-Pfalz", 4.8, ["54", "55", "56", "67"]),
    ("Berlin", 4.0, ["10", "12", "13"]),
    ("Schleswig-Holstein", 3.3, ["23", "24", "25"]),
    ("Brandenburg", 2.8, ["03", "14", "15", "16"]),
    ("Thüringen", 2.7, ["07", "98", "99"]),
    ("Sachsen-Anhalt", 2.5, ["06", "39"]),
    ("Hamburg", 2.4, ["20", "21", "22"]),
    ("Mecklenburg-Vorpommern", 1.8, ["17", "18", "19"]),
    ("Saarland", 1.2, ["66"]),
    ("Bremen", 0.9, ["28"]),
]

# ----------------------------------------------------------------- firm size
# EU SME thresholds by headcount: Kleinst <10, Klein <50, Mittel <250, Groß >=250.
# employees: log-normal (median, sigma) truncated to the class range (by redraw);
# revenue = employees * log-normal revenue per employee, kept within the class's
# EU turnover ceiling (2 / 10 / 50 Mio EUR; Groß >= 10 Mio EUR) by redraw.
SIZE_CLASSES = [
    # name      emp range       emp median, sigma   revenue range (EUR)
    ("Kleinst", (1, 9),         (5.0, 0.6),         (50e3, 2e6)),
    ("Klein",   (10, 49),       (22.0, 0.5),        (5e5, 10e6)),
    ("Mittel",  (50, 249),      (110.0, 0.5),       (3e6, 50e6)),
    ("Groß",    (250, 60000),   (700.0, 1.0),       (10e6, 2.5e10)),
]
REV_PER_EMP = (165e3, 0.45)  # median EUR, log-sigma
MAX_WALLET_SHARE = 0.30  # our yearly volume / customer's turnover, at most
# Size-class mix per segment (weakly behaviour-related: key accounts are bigger).
SIZE_P = np.array([
    [0.02, 0.10, 0.38, 0.50],  # Key Accounts
    [0.10, 0.35, 0.38, 0.17],  # Projektkunden
    [0.08, 0.32, 0.42, 0.18],  # Mengenkäufer
    [0.15, 0.40, 0.33, 0.12],  # Service-orientiert
    [0.30, 0.42, 0.22, 0.06],  # Gelegenheitskäufer
    [0.28, 0.40, 0.24, 0.08],  # Schläfer
])

# ----------------------------------------------------------- company names
SURNAMES = [
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
    "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf",
    "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann",
    "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Köhler",
    "Maier", "Weiß", "Jäger", "Groß", "Böhm", "Vogel", "Förster", "Kühn", "Brandt",
    "Haas", "Dietrich", "Ziegler", "Kuhn", "Pohl", "Engel", "Horn", "Bergmann",
    "Voß", "Sauer", "Arnold", "Günther", "Lorenz", "Möller", "Seidel", "Straßburger",
]
PLACES = [
    "Rheintal", "Allgäu", "Schwaben", "Spreewald", "Eifel", "Münsterland", "Harz",
    "Oberlausitz", "Bodensee", "Weserbergland", "Erzgebirge", "Saale", "Mosel",
    "Nordsee", "Altmark", "Vogtland", "Sauerland", "Taunus", "Ostalb", "Hunsrück",
]
# Trade words per WZ section.
TRADES = {
    "C": ["Antriebstechnik", "Präzisionsteile", "Maschinenbau", "Kunststofftechnik",
          "Metallverarbeitung", "Feinmechanik", "Elektrotechnik", "Oberflächentechnik",
          "Gießerei", "Verpackungstechnik", "Stahlbau", "Fördertechnik", "Drehteile"],
    "G": ["Großhandel", "Handelsgesellschaft", "Industriebedarf", "Autohaus", "Werkzeughandel"],
    "F": ["Bau", "Hochbau", "Tiefbau", "Haustechnik", "Elektroinstallation", "Dachbau"],
    "H": ["Logistik", "Spedition", "Transporte", "Lagerlogistik"],
    "M": ["Ingenieurbüro", "Planungsgesellschaft", "Labor", "Messtechnik Consulting"],
    "Q": ["Klinikbedarf", "Pflegedienste", "Medizintechnik Service", "Praxisbedarf"],
    "J": ["IT-Systemhaus", "Software", "Datentechnik"],
    "N": ["Gebäudeservice", "Personaldienste", "Facility Management", "Industrieservice"],
    "D": ["Stadtwerke", "Energie", "Energiedienste"],
    "E": ["Entsorgung", "Recycling", "Umwelttechnik", "Wasserwirtschaft"],
}
FORMS = ["GmbH", "GmbH", "GmbH", "GmbH & Co. KG", "GmbH & Co. KG", "AG", "KG", "e.K.", "OHG", "SE"]


def _largest_remainder(shares: list[float], n: int) -> np.ndarray:
    """Exact integer counts for the shares, summing to n."""
    raw = np.array(shares) / sum(shares) * n
    counts = np.floor(raw).astype(np.int64)
    rest = n - counts.sum()
    order = np.argsort(-(raw - counts), kind="stable")
    counts[order[:rest]] += 1
    return counts


def _pick(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """One category index per row, each row with its own probability vector."""
    cdf = np.cumsum(probs, axis=1)
    cdf[:, -1] = 1.0
    u = rng.random(probs.shape[0])
    return (u[:, None] >= cdf).sum(axis=1)


def _truncated_lognormal(rng, median, sigma, lo, hi) -> np.ndarray:
    """Log-normal draws (arrays broadcast per row) redrawn until inside [lo, hi]."""
    median, sigma, lo, hi = (np.asarray(a, dtype=float) for a in (median, sigma, lo, hi))
    x = rng.lognormal(np.log(median), sigma)
    bad = (x < lo) | (x > hi)
    while bad.any():
        idx = np.flatnonzero(bad)
        x[idx] = rng.lognormal(np.log(median[idx]), sigma[idx])
        bad[idx] = (x[idx] < lo[idx]) | (x[idx] > hi[idx])
    return x


def _company_name(rng: np.random.Generator, wz: str) -> str:
    """A plausible German company name; a few contain ',' or '"' on purpose."""
    trade = TRADES[wz][rng.integers(len(TRADES[wz]))]
    a, b = (SURNAMES[i] for i in rng.choice(len(SURNAMES), size=2, replace=False))
    form = FORMS[rng.integers(len(FORMS))]
    style = rng.random()
    if style < 0.45:
        return f"{a} {trade} {form}"
    if style < 0.62:
        return f"{a} & {b} {trade} {form}"
    if style < 0.77:
        return f"{PLACES[rng.integers(len(PLACES))]} {trade} {form}"
    if style < 0.85:
        return f"Gebr. {a} {trade} {form}"
    if style < 0.92:  # comma inside the name
        return f"{a}, {b} & Partner {trade} {form}"
    if style < 0.96:  # comma: branch suffix
        return f"{a} {trade} {form}, Werk {PLACES[rng.integers(len(PLACES))]}"
    return f'{a} "{PLACES[rng.integers(len(PLACES))]}" {trade} {form}'  # quotes inside


def generate(seed: int = DEFAULT_SEED, rows: int = DEFAULT_ROWS) -> list[dict]:
    """The rows as dicts of Python values (None = missing), in output order."""
    rng = np.random.default_rng(seed)
    n = rows
    k = len(SEGMENTS)

    # 1. latent segment: exact counts, random order
    seg = np.repeat(np.arange(k), _largest_remainder([s[1] for s in SEGMENTS], n))
    seg = rng.permutation(seg)

    # 2. behaviour, per segment
    o_mean = np.array([s[2][0] for s in SEGMENTS])[seg]
    o_shape = np.array([s[2][1] for s in SEGMENTS])[seg]
    aov_med = np.array([s[3][0] for s in SEGMENTS], dtype=float)[seg]
    aov_sig = np.array([s[3][1] for s in SEGMENTS])[seg]
    d_mean = np.array([s[4] for s in SEGMENTS])[seg] / DISCOUNT_MAX
    r_off = np.array([s[5][0] for s in SEGMENTS])[seg]
    r_mean = np.array([s[5][1] for s in SEGMENTS])[seg]
    s_mean = np.array([s[6] for s in SEGMENTS])[seg]
    b_p = np.array([s[7] for s in SEGMENTS])[seg]

    recency = np.floor(r_off + rng.exponential(r_mean)).astype(np.int64)
    orders = rng.poisson(rng.gamma(o_shape, o_mean / o_shape)).astype(np.int64)
    orders[recency > 365] = 0           # no order in the 12-month window
    orders[(recency <= 365) & (orders == 0)] = 1  # the last order lies inside it
    aov = rng.lognormal(np.log(aov_med), aov_sig)
    discount = DISCOUNT_MAX * rng.beta(d_mean * DISCOUNT_CONC, (1 - d_mean) * DISCOUNT_CONC)
    service = rng.beta(s_mean * SERVICE_CONC, (1 - s_mean) * SERVICE_CONC)
    breadth = 1 + rng.binomial(11, b_p).astype(np.int64)

    # 3. firmographics
    wz_codes = [w[0] for w in WZ]
    wz_base = np.array([w[2] for w in WZ])
    wz_p = np.array([[wz_base[j] * WZ_TILT[s].get(c, 1.0) for j, c in enumerate(wz_codes)] for s in range(k)])
    wz_p /= wz_p.sum(axis=1, keepdims=True)
    wz_idx = _pick(rng, wz_p[seg])

    bl_p = np.array([b[1] for b in BUNDESLAENDER])
    bl_idx = rng.choice(len(BUNDESLAENDER), size=n, p=bl_p / bl_p.sum())
    plz = []
    for i in bl_idx.tolist():
        prefixes = BUNDESLAENDER[i][2]
        plz.append(prefixes[rng.integers(len(prefixes))] + f"{rng.integers(1000):03d}")

    size_idx = _pick(rng, SIZE_P[seg])
    sc = [SIZE_CLASSES[i] for i in size_idx.tolist()]
    employees = np.rint(_truncated_lognormal(
        rng, [c[2][0] for c in sc], [c[2][1] for c in sc],
        [c[1][0] - 0.49 for c in sc], [c[1][1] + 0.49 for c in sc])).astype(np.int64)
    rev_lo = np.array([c[3][0] for c in sc])
    rev_hi = np.array([c[3][1] for c in sc])
    revenue = employees * _truncated_lognormal(
        rng, np.full(n, REV_PER_EMP[0]), np.full(n, REV_PER_EMP[1]),
        rev_lo / employees, rev_hi / employees)

    # plausibility: our 12-month volume stays below 30% of the customer's own
    # turnover (caps the order value of ~2% of rows, mostly small firms)
    aov = np.minimum(aov, MAX_WALLET_SHARE * revenue / np.maximum(orders, 1))

    # 4. sales' static A/B/C grouping: last year's revenue with us, which is
    #    this year's volume times heavy noise (dormant customers still bought
    #    last year at a "normal" small-customer level). Top 15% A, next 30% B.
    volume = np.maximum(orders, 1) * aov
    dormant = seg == SEGMENT_NAMES.index("Schläfer/Abwanderungsgefährdet")
    volume[dormant] = rng.lognormal(np.log(4.0 * 1400), 1.0, size=int(dormant.sum()))
    last_year = volume * rng.lognormal(0.0, 0.9, size=n)
    cut_a, cut_b = np.quantile(last_year, [0.85, 0.55])
    group = np.where(last_year >= cut_a, "A-Kunde", np.where(last_year >= cut_b, "B-Kunde", "C-Kunde"))

    # 5. customer since: tenure before the last order, longer for key accounts
    tenure_mean = np.array([9.0, 4.0, 6.0, 8.0, 3.5, 5.0])[seg] * 365.0
    tenure = np.floor(rng.exponential(tenure_mean)).astype(np.int64)
    first_offset = np.minimum(recency + tenure, (AS_OF - dt.date(2003, 1, 2)).days)

    # 6. missing values (MCAR) in two behaviour columns
    miss_disc = rng.random(n) < MISSING_SHARE
    miss_serv = rng.random(n) < MISSING_SHARE

    # company names last, so tuning them never shifts the numbers above
    names = [_company_name(rng, wz_codes[j]) for j in wz_idx.tolist()]

    out = []
    for i in range(n):
        out.append({
            "customer_id": f"K{i + 1:05d}",
            "company": names[i],
            "wz_section": WZ[wz_idx[i]][0],
            "wz_label": WZ[wz_idx[i]][1],
            "bundesland": BUNDESLAENDER[bl_idx[i]][0],
            "plz": plz[i],
            "size_class": sc[i][0],
            "employees": int(employees[i]),
            "revenue_eur": float(revenue[i]),
            "order_count_12m": int(orders[i]),
            "avg_order_value_eur": float(aov[i]),
            "discount_rate": None if miss_disc[i] else float(discount[i]),
            "days_since_last_order": int(recency[i]),
            "service_share": None if miss_serv[i] else float(service[i]),
            "product_lines": int(breadth[i]),
            "customer_group": str(group[i]),
            "first_order_date": AS_OF - dt.timedelta(days=int(first_offset[i])),
            "latent_segment": SEGMENT_NAMES[seg[i]],
        })
    return out


def format_value(col: str, value, german: bool) -> str:
    """The text of one field (before CSV quoting)."""
    if value is None:
        return ""
    if col in DECIMALS:
        text = f"{value:.{DECIMALS[col]}f}"
        return text.replace(".", ",") if german else text
    if col in DATE_COLUMNS:
        return value.strftime("%d.%m.%Y") if german else value.isoformat()
    return str(value)


def render(rows: list[dict], german: bool) -> bytes:
    """The complete file as bytes in the plain or the German dialect."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";" if german else ",", quotechar='"',
                        quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n" if german else "\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([format_value(c, row[c], german) for c in HEADER])
    return buf.getvalue().encode("cp1252" if german else "utf-8")  # strict: fail on unencodable text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate Segmenta's synthetic German B2B customer samples.")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help="RNG seed (default 42)")
    ap.add_argument("--rows", type=int, default=DEFAULT_ROWS, help="number of customers (default 2000)")
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)), help="output directory")
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    rows = generate(args.seed, args.rows)
    for name, german in ((PLAIN_FILE, False), (GERMAN_FILE, True)):
        path = os.path.join(args.out, name)
        with open(path, "wb") as f:
            f.write(render(rows, german))
        print(f"wrote {path} ({len(rows)} rows)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
