"""Soak verdict: first-5-minute vs last-5-minute medians and the slope per hour (least squares after the warm-up) of
each sample column; exit 1 when RSS or GC heap grows more than 10 %/h after the warm-up, DB connections exceed the
pool, or the API answered any 5xx."""
import statistics
import sys

samples_path, pool, five_xx, warmup_s = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
cols = ["t", "rss_mb", "heap_mb", "threads", "fds", "db_used", "db_idle", "p99_ms", "requests", "errors"]
rows = [dict(zip(cols, map(float, line.split(",")))) for line in open(samples_path) if line[0].isdigit()]
if len(rows) < 4:
    sys.exit(f"only {len(rows)} samples: run longer")
t0 = rows[0]["t"]
window = min(300, (rows[-1]["t"] - t0) / 3)  # five minutes, or a third of a short run
first = [r for r in rows if r["t"] - t0 <= window]
last = [r for r in rows if rows[-1]["t"] - r["t"] <= window]
steady = [r for r in rows if r["t"] - t0 >= warmup_s] or rows


def slope_per_hour(col):
    xs = [(r["t"] - t0) / 3600 for r in steady]
    ys = [r[col] for r in steady]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return (sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else 0.0), my


print(f"| measure | first {window / 60:.0f} min (median) | last {window / 60:.0f} min (median) | slope per hour "
      f"(after {warmup_s / 60:.0f} min warm-up) | % of mean per hour |")
print("|---|---|---|---|---|")
growth = {}
for col in cols[1:8]:
    slope, mean = slope_per_hour(col)
    growth[col] = 100 * slope / mean if mean else 0.0
    print(f"| {col} | {statistics.median(r[col] for r in first):.1f} | {statistics.median(r[col] for r in last):.1f} "
          f"| {slope:+.2f} | {growth[col]:+.1f} % |")
requests = sum(r["requests"] for r in rows)
errors = sum(r["errors"] for r in rows)
peak = max(r["db_used"] + r["db_idle"] for r in rows)
print(f"\n{len(rows)} samples over {(rows[-1]['t'] - t0) / 60:.1f} min; {requests:.0f} requests "
      f"({requests / max(1, rows[-1]['t'] - t0 + 10):.0f}/s), wrk errors (non-2xx or socket) {errors:.0f}; "
      f"5xx counted by the API: {five_xx}; peak DB connections {peak:.0f} of a pool of {pool}; "
      f"worst 10-s p99 {max(r['p99_ms'] for r in rows):.1f} ms")
failures = [f"{c} grows {growth[c]:+.1f} %/h" for c in ("rss_mb", "heap_mb") if growth[c] > 10]
failures += [f"{peak:.0f} DB connections > pool {pool}"] if peak > pool else []
failures += [f"{five_xx} answers were 5xx"] if five_xx else []
print("\nVERDICT: " + ("FAIL: " + "; ".join(failures) if failures else "pass"))
sys.exit(1 if failures else 0)
