#!/usr/bin/env python3
"""Prints the tables of one bench/run.sh run from its results.jsonl (one JSON object per measurement).

  summarize.py RESULTS_JSONL MACHINE_TXT

Every figure is the median over the repetitions; the per-repetition rows follow so the spread is visible.
"""
import json
import statistics
import sys

TARGETS = [
    ("api", "NakamuraMisaki API (GET /api/v1/tasks/{id})"),
    ("duty", "equal-duty endpoint (bench/EqualDutyTaskEndpoint)"),
    ("raw", "raw Npgsql endpoint (bench/RawTaskEndpoint)"),
    ("pgbench", "pgbench, prepared SELECT by id (no HTTP)"),
]


def median(rows, key):
    return statistics.median(r[key] for r in rows)


def table(header, rows):
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]
    line = lambda cells: "| " + " | ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths))) + " |"
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print(line(row))


def results(measurements, phase, target):
    return [dict(m["result"], rep=m["rep"], load=m["load"], others=m["cpu"]["others_cpu_pct"],
                 server_us=cpu_per_request(m, target), postgres_us=cpu_per_request(m, "postgres"), **m.get("extra", {}))
            for m in measurements if m["phase"] == phase and m["target"] == target]


def cpu_per_request(measurement, process):
    """Microseconds of CPU the named process tree spent per request (None for pgbench, which has no server of ours)."""
    seconds = measurement["cpu"]["cpu_seconds"].get(process)
    requests = measurement["result"]["requests"]
    return seconds / requests * 1e6 if seconds is not None and requests else None


def us(rows, key):
    values = [r[key] for r in rows if r[key] is not None]
    return f"{statistics.median(values):.0f}" if values else "-"


def main(results_path, machine_path):
    with open(results_path) as f:
        measurements = [json.loads(line) for line in f if line.strip()]
    with open(machine_path) as f:
        print(f.read().rstrip())
    print()

    get = {target: results(measurements, "get", target) for target, _ in TARGETS}
    ours = median(get["api"], "rps") if get["api"] else None
    print("GET a task by id: 10 000 seeded rows, random ids, 32 connections (medians)")
    rows = []
    for target, name in TARGETS:
        r = get[target]
        if not r:
            continue
        ratio = f"{ours / median(r, 'rps'):.2f}" if ours else "-"
        rows.append([name, f"{median(r, 'rps'):,.0f}", f"{median(r, 'p50_ms'):.2f}", f"{median(r, 'p95_ms'):.2f}",
                     f"{median(r, 'p99_ms'):.2f}", f"{sum(x['non2xx'] + x['socket_errors'] for x in r)}",
                     ratio, us(r, "server_us"), us(r, "postgres_us"), f"{median(r, 'others'):.0f}%",
                     " / ".join(x["load"].split()[0] for x in r)])
    table(["target", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "API ÷ this", "server CPU µs/req",
           "PostgreSQL CPU µs/req", "others' CPU", "load 1m per rep"], rows)
    print()

    mixed = results(measurements, "mixed", "api")
    if mixed:
        print("Mixed workload on the API: 100 connections; 50% get, 20% list by assignee, 20% create, 10% PATCH (medians)")
        table(["req/s", "p50 ms", "p95 ms", "p99 ms", "non-2xx", "socket errors", "peak DB conns",
               "idle DB conns 10 s after", "API RSS peak MB", "API RSS median MB", "API CPU µs/req",
               "PostgreSQL CPU µs/req", "others' CPU", "load 1m per rep"],
              [[f"{median(mixed, 'rps'):,.0f}", f"{median(mixed, 'p50_ms'):.2f}", f"{median(mixed, 'p95_ms'):.2f}",
                f"{median(mixed, 'p99_ms'):.2f}", sum(x["non2xx"] for x in mixed), sum(x["socket_errors"] for x in mixed),
                max(x["peak_db_connections"] for x in mixed), median(mixed, "idle_db_connections_after"),
                f"{median(mixed, 'rss_peak_mb'):.0f}", f"{median(mixed, 'rss_median_mb'):.0f}",
                us(mixed, "server_us"), us(mixed, "postgres_us"), f"{median(mixed, 'others'):.0f}%", " / ".join(x["load"].split()[0] for x in mixed)]])
        print()

    print("Per repetition")
    table(["phase", "target", "rep", "req/s", "p50 ms", "p99 ms", "max ms", "non-2xx", "others' CPU", "load 1/5/15"],
          [[m["phase"], m["target"], m["rep"], f"{m['result']['rps']:,.0f}", f"{m['result']['p50_ms']:.2f}",
            f"{m['result']['p99_ms']:.2f}", f"{m['result']['max_ms']:.1f}", m["result"]["non2xx"],
            f"{m['cpu']['others_cpu_pct']:.0f}%", m["load"]] for m in measurements])
    print()

    if get["api"] and get["raw"] and mixed:
        ratio = ours / median(get["raw"], "rps")
        errors = sum(x["non2xx"] + x["socket_errors"] for x in mixed)
        p99 = median(mixed, "p99_ms")
        if get["duty"]:
            fair = ours / median(get["duty"], "rps")
            print(f"Target: GET by id ≥ 0.85 of the equal-duty endpoint: {fair:.2f} ({'met' if fair >= 0.85 else 'NOT met'})")
        print(f"Floor: GET by id ÷ the raw endpoint (which does none of the duties): {ratio:.2f}")
        print(f"Target: mixed run with 0 errors: {errors} ({'met' if errors == 0 else 'NOT met'}); "
              f"p99 < 50 ms: {p99:.1f} ms ({'met' if p99 < 50 else 'NOT met'})")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
