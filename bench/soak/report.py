"""Soak verdict: first-5-minute vs last-5-minute medians and the slope per hour (least squares after the warm-up) of
each sample column; with a data reset halfway (soak.sh), each half's slope and the step at the reset, which tell growth
that follows the data (it falls back when the rows go) from growth that does not (it carries on). Exit 1 when RSS or
GC heap grows more than 10 %/h after the warm-up, DB connections exceed the pool, the API answered any 5xx, or the
p99 grows more than 10 %/h in both halves without following the data.

  report.py SAMPLES_CSV POOL FIVE_XX WARMUP_SECONDS [RESET_EPOCH]"""
import statistics
import sys

samples_path, pool, five_xx, warmup_s = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
reset_at = float(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[5] else None
cols = ["t", "rss_mb", "heap_mb", "threads", "fds", "db_used", "db_idle", "p99_ms", "requests", "errors", "rows"]
rows = [dict(zip(cols, map(float, line.split(",")))) for line in open(samples_path) if line[0].isdigit()]
if len(rows) < 4:
    sys.exit(f"only {len(rows)} samples: run longer")
t0 = rows[0]["t"]
window = min(300, (rows[-1]["t"] - t0) / 3)  # five minutes, or a third of a short run
first = [r for r in rows if r["t"] - t0 <= window]
last = [r for r in rows if rows[-1]["t"] - r["t"] <= window]
steady = [r for r in rows if r["t"] - t0 >= warmup_s] or rows
# The reset is taken just before a window starts; samples are taken at the end of their window.
before_reset = [r for r in steady if reset_at is None or r["t"] < reset_at]
after_reset = [r for r in rows if reset_at is not None and r["t"] > reset_at]


def slope_per_hour(samples, col):
    """Least-squares slope per hour and the mean; (0, mean) with fewer than 2 samples."""
    ys = [r[col] for r in samples]
    if len(samples) < 2:
        return 0.0, (statistics.fmean(ys) if ys else 0.0)
    xs = [(r["t"] - t0) / 3600 for r in samples]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return (sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else 0.0), my


def percent(samples, col):
    slope, mean = slope_per_hour(samples, col)
    return 100 * slope / mean if mean else 0.0


def step_at_reset(col):
    """Median of the two minutes after the reset minus that of the two minutes before it (a third of a short half)."""
    span = min(120, (reset_at - t0) / 3, (rows[-1]["t"] - reset_at) / 3)
    before = [r[col] for r in rows if reset_at - span <= r["t"] < reset_at]
    after = [r[col] for r in after_reset if r["t"] <= reset_at + span + 10]
    return statistics.median(after) - statistics.median(before) if before and after else 0.0


def follows_the_data(col):
    """What the two halves and the step say about a column's growth."""
    first_half, second_half = percent(before_reset, col), percent(after_reset, col)
    if first_half <= 10 and second_half <= 10:
        return "not growing (≤ 10 %/h in each half)", False
    slope, _ = slope_per_hour(before_reset, col)
    grown = slope * ((before_reset[-1]["t"] - before_reset[0]["t"]) / 3600) if len(before_reset) > 1 else 0.0
    step = step_at_reset(col)
    if grown > 0 and step <= -0.5 * grown:
        return f"follows the data: fell {-step:.1f} at the reset after growing {grown:.1f} in the first half", False
    return f"does not follow the data: {step:+.1f} at the reset after {grown:+.1f} in the first half", True


headers = ["measure", f"first {window / 60:.0f} min (median)", f"last {window / 60:.0f} min (median)",
           f"slope per hour (after {warmup_s / 60:.0f} min warm-up)", "% of mean per hour"]
if reset_at:
    headers += ["%/h before the reset", "%/h after the reset", "step at the reset"]
print("| " + " | ".join(headers) + " |")
print("|" + "---|" * len(headers))
growth = {}
for col in cols[1:8] + ["rows"]:
    slope, mean = slope_per_hour(steady, col)
    growth[col] = 100 * slope / mean if mean else 0.0
    cells = [col, f"{statistics.median(r[col] for r in first):.1f}", f"{statistics.median(r[col] for r in last):.1f}",
             f"{slope:+.2f}", f"{growth[col]:+.1f} %"]
    if reset_at:
        cells += [f"{percent(before_reset, col):+.1f} %", f"{percent(after_reset, col):+.1f} %", f"{step_at_reset(col):+.1f}"]
    print("| " + " | ".join(cells) + " |")

requests = sum(r["requests"] for r in rows)
errors = sum(r["errors"] for r in rows)
peak = max(r["db_used"] + r["db_idle"] for r in rows)
print(f"\n{len(rows)} samples over {(rows[-1]['t'] - t0) / 60:.1f} min; {requests:.0f} requests "
      f"({requests / max(1, rows[-1]['t'] - t0 + 10):.0f}/s), wrk errors (non-2xx or socket) {errors:.0f}; "
      f"5xx counted by the API: {five_xx}; peak DB connections {peak:.0f} of a pool of {pool}; "
      f"worst 10-s p99 {max(r['p99_ms'] for r in rows):.1f} ms")

failures = [f"{c} grows {growth[c]:+.1f} %/h" for c in ("rss_mb", "heap_mb") if growth[c] > 10]
if reset_at and before_reset and after_reset:
    print(f"\nData reset at minute {(reset_at - t0) / 60:.1f} (rows {before_reset[-1]['rows']:.0f} → "
          f"{after_reset[0]['rows']:.0f}):")
    for col in ("rss_mb", "heap_mb", "p99_ms"):
        verdict, unexplained = follows_the_data(col)
        print(f"- {col}: {verdict}")
        if col == "p99_ms" and unexplained and percent(after_reset, col) > 10:
            failures.append("p99 grows in both halves without following the data")
else:
    print("\nNo data reset (--no-reset, or too short a run): growth is not split into data and the rest.")
failures += [f"{peak:.0f} DB connections > pool {pool}"] if peak > pool else []
failures += [f"{five_xx} answers were 5xx"] if five_xx else []
print("\nVERDICT: " + ("FAIL: " + "; ".join(failures) if failures else "pass"))
sys.exit(1 if failures else 0)
