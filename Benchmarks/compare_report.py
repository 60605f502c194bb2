#!/usr/bin/env python3
"""Medians, Segmenta/scikit-learn ratios and result checks from run_compare.sh's raw.jsonl (markdown on stdout).

    compare_report.py RAW.jsonl [--sysinfo SYSINFO.json] [--toolchain TEXT]

Ratios are time(Segmenta) / time(scikit-learn) of medians from the same run (< 1: Segmenta faster). Each
Segmenta case is compared with scikit-learn's Lloyd and Elkan for the same workload, size and variant.
kmeans_fixedinit must reproduce scikit-learn's inertia and iteration count exactly (same start, tol=0);
k-means++ runs use different random generators, so only their inertia quality is comparable.
"""
import argparse
import json
import statistics
from collections import defaultdict


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("raw")
    ap.add_argument("--sysinfo")
    ap.add_argument("--toolchain", help="Swift toolchain line (swift --version)")
    args = ap.parse_args()
    runs = defaultdict(list)
    with open(args.raw) as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            r = json.loads(line)
            if r.get("status") != "ok":
                continue
            workload, peer, size, *variant = r["case"].split("/")
            runs[(workload, size, variant[0] if variant else "-", peer)].append(r)

    print("# Segmenta vs scikit-learn: k-means (run_compare.sh)\n")
    if args.sysinfo:
        with open(args.sysinfo) as f:
            result = json.load(f).get("result", {})
        info, versions = result.get("info", {}), result.get("versions", {})
        print(f"- machine: {info.get('cpu', '?')}, {info.get('cpu_count', '?')} logical CPUs (affinity "
              f"{info.get('affinity', '?')}), SIMD {', '.join(info.get('simd', []))}; {info.get('platform', '?')}")
        print(f"- peers: scikit-learn {versions.get('scikit-learn', '?')}, numpy {versions.get('numpy', '?')}, "
              f"Python {info.get('python', '?')}")
    if args.toolchain:
        print(f"- Segmenta: {args.toolchain}, `swift build -c release`")
    loads = [r["loadavg_1m_start"] for rs in runs.values() for r in rs if r.get("loadavg_1m_start") is not None]
    if loads:
        print(f"- 1-minute load average at run start: min {min(loads):.2f}, median {statistics.median(loads):.2f}, "
              f"max {max(loads):.2f}")
    threads = sorted({r.get("threads", {}).get("threads") for rs in runs.values() for r in rs})
    reps = max(len(rs) for rs in runs.values()) if runs else 0
    print(f"- threads {threads}, up to {reps} repetitions per case (medians), alternating implementations\n")

    print("| workload | n | variant | implementation | median s | spread | × sklearn lloyd | × sklearn elkan "
          "| peak RSS MiB | inertia | iter/steps | ARI |")
    print("|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    groups = sorted({key[:3] for key in runs}, key=lambda g: (g[0], g[1] != "100k", g[1], g[2]))
    checks = []
    for group in groups:
        peers = {key[3]: rs for key, rs in runs.items() if key[:3] == group}
        medians = {p: statistics.median(r["seconds"] for r in rs) for p, rs in peers.items()}
        reference = {p: medians.get(p) for p in ("sklearn_lloyd", "sklearn_elkan", "sklearn")}
        for peer in sorted(peers, key=lambda p: (not p.startswith("sklearn"), p)):
            rs = peers[peer]
            seconds = [r["seconds"] for r in rs]
            result = rs[0]["result"]
            iters = result.get("n_iter") if "n_steps" not in result else result["n_steps"]
            ratios = []
            for ref in ("sklearn_lloyd", "sklearn_elkan") if group[0] != "minibatch_kmeans" else ("sklearn", None):
                base = reference.get(ref) if ref else None
                ratios.append(f"{medians[peer] / base:.2f}" if base and peer.startswith("segmenta") else "–")
            rss = statistics.median(r.get("ru_maxrss_kb", 0) for r in rs) / 1024
            print(f"| {group[0]} | {rs[0]['n']:,} | {group[2]} | {peer} | {medians[peer]:.3g} | "
                  f"{max(seconds) / min(seconds):.2f} | {ratios[0]} | {ratios[1]} | {rss:.0f} | {result['inertia']:.10g} | "
                  f"{iters} | {result.get('ari', float('nan')):.3f} |")
        if group[0] == "kmeans_fixedinit" and "sklearn_lloyd" in peers:
            ref = peers["sklearn_lloyd"][0]["result"]
            for peer, rs in sorted(peers.items()):
                res = rs[0]["result"]
                rel = abs(res["inertia"] - ref["inertia"]) / ref["inertia"]
                same_iter = res["n_iter"] == ref["n_iter"]
                checks.append(f"- kmeans_fixedinit {group[1]} {peer}: inertia {res['inertia']!r} vs sklearn_lloyd "
                              f"{ref['inertia']!r} (relative difference {rel:.1e}), iterations "
                              f"{res['n_iter']} {'=' if same_iter else '≠'} {ref['n_iter']}")
    if checks:
        print("\n## Exact check (kmeans_fixedinit: first 6 rows as start, tol 0, 20 iterations)\n")
        print("\n".join(checks))


if __name__ == "__main__":
    main()
