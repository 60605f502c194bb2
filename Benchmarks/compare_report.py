#!/usr/bin/env python3
"""Medians, ratios (peer time / Segmenta time), memory, result quality and the issue's targets from
run_compare.sh's raw.jsonl (markdown on stdout).

    compare_report.py RAW.jsonl [--runs runs.tsv] [--sysinfo SYSINFO.json] [--machine machine.txt]

Cases are grouped by workload/size/variant (the case id without its peer part). In each group every Segmenta
implementation is compared with every peer: ratio = median peer time / median Segmenta time, so > 1 means
Segmenta is faster. Peak RSS is /usr/bin/time -v's maximum resident set size of the whole process (from runs.tsv;
ru_maxrss of the line otherwise), so it includes the interpreter or runtime and the loaded table.
"""
import argparse
import json
import statistics
from collections import defaultdict


def quality(workload, r):
    res = r.get("result", {}) or {}
    p = r.get("params", {}) or {}
    if workload == "load_csv":
        return f"{res.get('mb_per_s', 0):.1f} MB/s, checksum {res.get('checksum_sum', 0):.7e}"
    if workload in ("kmeans", "kmeans_fixedinit", "minibatch_kmeans"):
        it = res.get("n_steps", res.get("n_iter"))
        return f"inertia {res.get('inertia', float('nan')):.10g}, iter/steps {it}, ARI {res.get('ari', float('nan')):.3f}"
    if workload in ("silhouette", "calinski_harabasz", "davies_bouldin"):
        return f"value {res.get('value', float('nan')):.10g}"
    if workload == "ward":
        top = res.get("top_heights")
        return f"ARI {res.get('ari', float('nan')):.3f}" + (f", top merge {top[-1]:.8g}" if top else "")
    if workload == "dbscan":
        return (f"eps {p.get('eps', float('nan')):.4g}, {res.get('n_clusters')} cluster(s), noise "
                f"{100 * res.get('noise_frac', 0):.1f}%, ARI {res.get('ari', float('nan')):.3f}, eps search "
                f"{r.get('eps_select_s', float('nan')):.3g} s")
    if workload == "hdbscan":
        return (f"{res.get('n_clusters')} cluster(s), noise {100 * res.get('noise_frac', 0):.1f}%, "
                f"ARI {res.get('ari', float('nan')):.3f}")
    if workload == "gmm":
        return (f"{'converged' if res.get('converged') else 'NOT converged'}, iter {res.get('n_iter')}, lower bound "
                f"{res.get('lower_bound', float('nan')):.6g}, ARI {res.get('ari', float('nan')):.3f}")
    if workload == "kprototypes":
        return (f"cost {res.get('cost', float('nan')):.8g}, iter {res.get('n_iter')}, gamma "
                f"{res.get('gamma', float('nan')):.3g}, ARI {res.get('ari', float('nan')):.3f}")
    return ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("raw")
    ap.add_argument("--runs")
    ap.add_argument("--sysinfo")
    ap.add_argument("--machine")
    args = ap.parse_args()
    rss = defaultdict(list)
    loads = []
    if args.runs:
        with open(args.runs) as f:
            next(f)
            for line in f:
                case, rep, rc, wall, maxrss, load = (line.rstrip("\n").split("\t") + [""] * 6)[:6]
                if maxrss:
                    rss[case].append(int(maxrss))
                if load:
                    loads.append(float(load))
    runs = defaultdict(list)
    physlimit = None
    with open(args.raw) as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            r = json.loads(line)
            if r.get("status") != "ok":
                continue
            if r["workload"] == "physlimit":
                physlimit = r
                continue
            workload, peer, size, *variant = r["case"].split("/")
            runs[(workload, size, variant[0] if variant else "-", peer)].append(r)

    print("# Segmenta beside the peers (Benchmarks/run_compare.sh)\n")
    if args.sysinfo:
        with open(args.sysinfo) as f:
            result = json.load(f).get("result", {})
        info, versions = result.get("info", {}), result.get("versions", {})
        print(f"- machine: {info.get('cpu', '?')}, {info.get('cpu_count', '?')} logical CPUs (affinity "
              f"{info.get('affinity', '?')}), SIMD {', '.join(info.get('simd', []))}; {info.get('platform', '?')}")
        print("- peers: " + ", ".join(f"{k} {v}" for k, v in versions.items() if v) + f"; Python {info.get('python', '?')}")
    if args.machine:
        with open(args.machine) as f:
            for line in f:
                print(f"- {line.strip()}")
    if loads:
        print(f"- 1-minute load average at the start of each run: min {min(loads):.2f}, median "
              f"{statistics.median(loads):.2f}, max {max(loads):.2f} (shared machine: other jobs compete for the "
              "2 cores, so absolute times are inflated; compare ratios from this run only)")
    threads = sorted({str(r.get("threads", {}).get("threads")) for rs in runs.values() for r in rs
                      if r.get("threads", {}).get("threads") is not None})
    reps = max(len(rs) for rs in runs.values()) if runs else 0
    print(f"- threads {', '.join(threads)}; up to {reps} repetition(s) per case (medians); implementations "
          "alternate within each repetition\n")

    print("| workload | n | variant | implementation | median s | spread | peer s / Segmenta s | load s "
          "| peak RSS MiB | result |")
    print("|---|---:|---|---|---:|---:|---|---:|---:|---|")
    order = ["load_csv", "kmeans", "kmeans_fixedinit", "minibatch_kmeans", "silhouette", "calinski_harabasz",
             "davies_bouldin", "ward", "dbscan", "hdbscan", "gmm", "kprototypes", "session"]
    sizes = {"1k": 1, "10k": 2, "10k_de": 3, "20k": 4, "100k": 5, "1m": 6}
    groups = sorted({key[:3] for key in runs},
                    key=lambda g: (order.index(g[0]) if g[0] in order else 99, sizes.get(g[1], 9), g[2]))
    medians = {}
    for group in groups:
        peers = {key[3]: rs for key, rs in runs.items() if key[:3] == group}
        med = {p: statistics.median(r["seconds"] for r in rs) for p, rs in peers.items()}
        medians[group] = (med, peers)
        others = [p for p in peers if not p.startswith("segmenta")]
        for peer in sorted(peers, key=lambda p: (p.startswith("segmenta"), p)):
            rs = peers[peer]
            secs = [r["seconds"] for r in rs]
            ratio = "–"
            if peer.startswith("segmenta") and others:
                ratio = ", ".join(f"{o} {med[o] / med[peer]:.2f}" for o in sorted(others))
            mem = rss.get(rs[0]["case"]) or [r.get("ru_maxrss_kb", 0) for r in rs]
            load_s = rs[0].get("load_s")
            n = rs[0].get("n")
            variant = group[1] if group[2] == "-" else f"{group[1]}/{group[2]}"
            print(f"| {group[0]} | {n:,} | {variant} | {peer} | {med[peer]:.3g} | {max(secs) / min(secs):.2f} | "
                  f"{ratio} | {'–' if load_s is None else f'{load_s:.3g}'} | {statistics.median(mem) / 1024:.0f} | "
                  f"{quality(group[0], rs[0])} |" if n is not None else
                  f"| {group[0]} | – | {group[1]}/{group[2]} | {peer} | {med[peer]:.3g} | "
                  f"{max(secs) / min(secs):.2f} | – | – | {statistics.median(mem) / 1024:.0f} | wall time of "
                  f"`segmenta run`: {rs[0].get('params', {}).get('session', '')} |")

    # ---------------------------------------------------------------- targets --
    def ratio(workload, size, variant, peer, seg=None):
        g = medians.get((workload, size, variant))
        if not g:
            return None
        med, peers = g
        segs = [p for p in med if p.startswith("segmenta")] if seg is None else [seg]
        segs = [s for s in segs if s in med]
        if peer not in med or not segs:
            return None
        best = min(segs, key=lambda s: med[s])
        return med[peer] / med[best], best, peers

    print("\n## Targets (ratio = peer time / Segmenta time, best Segmenta variant)\n")
    print("| target | measured | met? |")
    print("|---|---|---|")

    def row(label, got, need, extra="", quality_ok=True):
        if got is None:
            print(f"| {label} | not measured | – |")
            return
        r, best, _ = got
        met = "yes" if r >= need and quality_ok else ("no (quality)" if r >= need else "no")
        print(f"| {label} | {r:.2f}× ({best}){extra} | {met} |")

    def kmeans_row(size, ni, peer, seg=None, label_suffix=""):
        got = ratio("kmeans", size, ni, peer, seg)
        extra = ""
        ok = True
        if got:
            _, best, peers = got
            si, pi = peers[best][0]["result"]["inertia"], peers[peer][0]["result"]["inertia"]
            ok = si <= pi * (1 + 1e-12)
            extra = f"; inertia {si:.10g} vs {pi:.10g} ({'≤' if ok else f'+{(si - pi) / pi:.1e} relative'})"
        who = seg or "best Segmenta variant"
        row(f"k-means {size} {ni} {who} ≥ 2× {peer}, inertia ≤{label_suffix}", got, 2.0, extra, ok)

    # The target names 1M × 8 and each variant: Segmenta's Lloyd against scikit-learn's Lloyd, its Elkan
    # and Hamerly (the bounded variants) against scikit-learn's Elkan and, stricter, against its faster Lloyd.
    for ni in ("ninit1", "ninit10"):
        kmeans_row("1m", ni, "sklearn_lloyd", "segmenta_lloyd")
        for seg in ("segmenta_elkan", "segmenta_hamerly"):
            kmeans_row("1m", ni, "sklearn_elkan", seg)
            kmeans_row("1m", ni, "sklearn_lloyd", seg)
    for ni in ("ninit1", "ninit10"):
        for peer in ("sklearn_lloyd", "sklearn_elkan"):
            kmeans_row("100k", ni, peer, label_suffix=" (100k: beyond the target, which names 1M)")
    for size, need in (("20k", 2.0), ("100k", 2.0)):
        row(f"silhouette exact {size} ≥ {need:g}× sklearn", ratio("silhouette", size, "full", "sklearn"), need)
    row("ward 20k ≥ 1× fastcluster_vector", ratio("ward", "20k", "-", "fastcluster_vector"), 1.0)
    for v in ("knee_log", "p50"):
        row(f"dbscan 100k {v} > 1× sklearn", ratio("dbscan", "100k", v, "sklearn"), 1.0)
    for p in ("hdbscan", "sklearn"):
        row(f"hdbscan 100k > 1× {p}", ratio("hdbscan", "100k", "-", p), 1.0)
    row("gmm full k=6 100k ≥ 2× sklearn", ratio("gmm", "100k", "-", "sklearn"), 2.0)
    for v in ("ninit1", "ninit10"):
        row(f"kprototypes 10k {v} ≥ 10× kmodes", ratio("kprototypes", "10k", v, "kmodes"), 10.0)
    row("load_csv 1m > 1× pandas", ratio("load_csv", "1m", "-", "pandas"), 1.0)
    g = medians.get(("load_csv", "1m", "-"))
    if g and "segmenta" in g[1]:
        case = g[1]["segmenta"][0]["case"]
        mem = statistics.median(rss.get(case) or [r["ru_maxrss_kb"] for r in g[1]["segmenta"]]) / 1024
        payload = 1_000_000 * 9 * 8 / 2**20
        print(f"| load_csv 1m peak RSS ≤ 2× numeric payload ({payload:.0f} MiB: 1M × 9 numeric × 8 B) | "
              f"{mem:.0f} MiB = {mem / payload:.1f}× | {'yes' if mem <= 2 * payload else 'no'} |")

    if physlimit:
        res = physlimit["result"]
        gflops = res["gemm_float64"]["gflops_best"]
        read = res["read_xsize_1m_f64"]["gbs_best"]
        n, d, k = 1_000_000, 8, 6
        t_mem = n * d * 8 / (read * 1e9)
        t_flop = 3 * n * k * d / (gflops * 1e9)
        print(f"\n**Machine limit for one Lloyd iteration at 1M × 8, k = 6** (peers.py physlimit, same run): reading X "
              f"({n * d * 8 / 1e6:.0f} MB) at {read:.1f} GB/s (numpy sum, 1 thread) takes {1e3 * t_mem:.1f} ms; the "
              f"{3 * n * k * d / 1e6:.0f} M flops of the exact distances at {gflops:.1f} GFLOP/s (float64 GEMM, all threads) "
              f"take {1e3 * t_flop:.1f} ms; limit ≈ {1e3 * max(t_mem, t_flop):.1f} ms.")
        for peer in ("segmenta_lloyd", "segmenta_hamerly", "segmenta_elkan", "sklearn_lloyd"):
            rs = runs.get(("kmeans_fixedinit", "1m", "iter20", peer))
            if rs:
                spi = statistics.median(r["result"]["s_per_iter"] for r in rs)
                print(f"- {peer}: {1e3 * spi:.1f} ms per iteration = {spi / max(t_mem, t_flop):.1f}× the limit "
                      f"(target ≤ 2×)")


if __name__ == "__main__":
    main()
