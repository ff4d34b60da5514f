#!/usr/bin/env python3
"""Draws one bench/run.sh run as a PNG with gnuplot: p50/p95/p99 latency of GET by id for the API and each yardstick
measured in the same run (equal-duty endpoint, raw Npgsql endpoint, pgbench), and of the API's mixed workload.
Medians over the repetitions, as summarize.py prints them.

  chart.py RESULTS_JSONL MACHINE_TXT OUT_PNG
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import summarize  # noqa: E402  (the same medians as the printed tables)

QUANTILES = ("p50_ms", "p95_ms", "p99_ms")
SHORT_NAMES = {"api": "API", "duty": "equal-duty", "raw": "raw Npgsql", "pgbench": "pgbench (no HTTP)"}


def rows(measurements):
    """(label, p50, p95, p99) per bar group: GET by id per target, then the mixed workload on the API."""
    out = []
    for target, _ in summarize.TARGETS:
        r = summarize.results(measurements, "get", target)
        if r:
            out.append((f"GET: {SHORT_NAMES[target]}", *(summarize.median(r, q) for q in QUANTILES)))
    mixed = summarize.results(measurements, "mixed", "api")
    if mixed:
        out.append(("mixed: API", *(summarize.median(mixed, q) for q in QUANTILES)))
    return out


def main(results_path, machine_path, png_path):
    with open(results_path) as f:
        measurements = [summarize.json.loads(line) for line in f if line.strip()]
    with open(machine_path) as f:
        title = f.readline().lstrip("# ").strip()
    data = rows(measurements)
    if not data:
        sys.exit("no measurements to chart")
    with tempfile.NamedTemporaryFile("w", suffix=".dat", delete=False) as dat:
        for label, *values in data:
            dat.write(f'"{label}" ' + " ".join(f"{v:.3f}" for v in values) + "\n")
    script = f"""
set terminal pngcairo size 1100,560 font "sans,10"
set output "{png_path}"
set title "{title}\\nlatency in ms (medians over repetitions; lower is better)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set ylabel "ms"
set yrange [0:*]
set grid ytics
set key top left
set xtics nomirror
plot "{dat.name}" using 2:xtic(1) title "p50", "" using 3 title "p95", "" using 4 title "p99"
"""
    try:
        subprocess.run(["gnuplot"], input=script, text=True, check=True)
    finally:
        os.unlink(dat.name)


if __name__ == "__main__":
    main(*sys.argv[1:])
