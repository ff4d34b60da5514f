#!/usr/bin/env python3
"""Prints the tables of one bench/run.sh run from its results.jsonl (one JSON object per measurement).

  summarize.py RESULTS_JSONL MACHINE_TXT [API_REF]

Every figure is the median over the repetitions; the per-repetition rows follow so the spread is visible. The closing
lines say which targets the working tree's API meets, and with API_REF how it compares with the API as of that ref.
"""
import json
import statistics
import sys

GET_RATIO_TARGET = 0.85  # of the equal-duty endpoint's req/s
MIXED_P99_TARGET_MS = 50
RSS_TARGET_MB = 250


TARGETS = [
    ("api", "NakamuraMisaki API (GET /api/v1/tasks/{id})"),
    ("duty", "equal-duty endpoint (bench/EqualDutyTaskEndpoint)"),
    ("raw", "raw Npgsql endpoint (bench/RawTaskEndpoint)"),
    ("pgbench", "pgbench, prepared SELECT by id (no HTTP)"),
]


def targets(api_ref):
    """TARGETS, with the API of --api-ref after the working tree's when there is one."""
    return TARGETS[:1] + ([("ref", f"the API as of {api_ref}")] if api_ref else []) + TARGETS[1:]


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
                 server_us=cpu_per_request(m, target), postgres_us=cpu_per_request(m, "postgres"),
                 bytes=bytes_per_request(m), **m.get("extra", {}))
            for m in measurements if m["phase"] == phase and m["target"] == target]


def cpu_per_request(measurement, process):
    """Microseconds of CPU the named process tree spent per request (None for pgbench, which has no server of ours)."""
    seconds = measurement["cpu"]["cpu_seconds"].get(process)
    requests = measurement["result"]["requests"]
    return seconds / requests * 1e6 if seconds is not None and requests else None


def bytes_per_request(measurement):
    """Bytes the server's runtime allocated per request (its own counter, read before and after; None for pgbench)."""
    allocated = measurement.get("allocated_bytes")
    requests = measurement["result"]["requests"]
    return allocated / requests if allocated is not None and requests else None


def fmt(rows, key, digits=0):
    values = [r[key] for r in rows if r[key] is not None]
    return f"{statistics.median(values):,.{digits}f}" if values else "-"


def met(ok):
    return "met" if ok else "NOT met"


def mixed_table(mixed_by_api, names):
    print("Mixed workload: 100 connections; 50% get, 20% list by assignee, 20% create, 10% PATCH (medians)")
    table(["API", "req/s", "p50 ms", "p95 ms", "p99 ms", "non-2xx", "socket errors", "peak DB conns",
           "idle DB conns 10 s after", "RSS peak MB", "RSS median MB", "CPU µs/req", "allocated B/req",
           "PostgreSQL CPU µs/req", "others' CPU", "load 1m per rep"],
          [[names[api], f"{median(mixed, 'rps'):,.0f}", f"{median(mixed, 'p50_ms'):.2f}", f"{median(mixed, 'p95_ms'):.2f}",
            f"{median(mixed, 'p99_ms'):.2f}", sum(x["non2xx"] for x in mixed), sum(x["socket_errors"] for x in mixed),
            max(x["peak_db_connections"] for x in mixed), median(mixed, "idle_db_connections_after"),
            f"{median(mixed, 'rss_peak_mb'):.0f}", f"{median(mixed, 'rss_median_mb'):.0f}",
            fmt(mixed, "server_us"), fmt(mixed, "bytes"), fmt(mixed, "postgres_us"), f"{median(mixed, 'others'):.0f}%",
            " / ".join(x["load"].split()[0] for x in mixed)] for api, mixed in mixed_by_api.items() if mixed])
    print()
    print("What bounds the mixed p99, per repetition: requests waiting for a pooled DB connection and the thread pool's")
    print("queue (sampled every 0.5 s from /metrics), GC collections and pause time, lock contentions (runtime counters)")
    table(["API", "rep", "p99 ms", "pool waiters peak", "pool waiters mean", "thread-pool queue peak",
           "GC gen0/1/2", "GC pause ms", "GC pause % of run", "lock contentions"],
          [[names[api], m["rep"], f"{m['p99_ms']:.1f}", f"{m.get('pool_waiters_peak', 0):.0f}",
            f"{m.get('pool_waiters_mean', 0):.1f}", f"{m.get('thread_pool_queue_peak', 0):.0f}",
            m.get("gc_collections", "-"), f"{m.get('gc_pause_ms', 0):.0f}",
            f"{100 * m.get('gc_pause_ms', 0) / 1000 / m['seconds']:.1f}%", f"{m.get('lock_contentions', 0):.0f}"]
           for api, mixed in mixed_by_api.items() for m in mixed])
    print()


def verdicts(get, mixed, before):
    """The closing lines for one API: the three targets, then the floor."""
    label = f"{before}target: " if before else "Target: "
    rps = median(get["api_rows"], "rps")
    if get["duty"]:
        fair = rps / median(get["duty"], "rps")
        print(f"{label}GET by id ≥ {GET_RATIO_TARGET} of the equal-duty endpoint: {fair:.2f} ({met(fair >= GET_RATIO_TARGET)}); "
              f"CPU {fmt(get['api_rows'], 'server_us')} µs/req against {fmt(get['duty'], 'server_us')}, "
              f"{fmt(get['api_rows'], 'bytes')} B allocated/req against {fmt(get['duty'], 'bytes')}")
    if mixed:
        errors = sum(x["non2xx"] + x["socket_errors"] for x in mixed)
        p99 = median(mixed, "p99_ms")
        rss = median(mixed, "rss_peak_mb")
        print(f"{label}mixed p99 < {MIXED_P99_TARGET_MS} ms with 0 errors: {p99:.1f} ms, {errors} errors "
              f"({met(p99 < MIXED_P99_TARGET_MS and errors == 0)})")
        print(f"{label}RSS peak < {RSS_TARGET_MB} MB: {rss:.0f} MB ({met(rss < RSS_TARGET_MB)})")
    if get["raw"]:
        print(f"{before}floor: " if before else "Floor: ", end="")
        print(f"GET by id ÷ the raw endpoint (which does none of the duties): "
              f"{rps / median(get['raw'], 'rps'):.2f}; raw CPU {fmt(get['raw'], 'server_us')} µs/req")


def main(results_path, machine_path, api_ref=""):
    with open(results_path) as f:
        measurements = [json.loads(line) for line in f if line.strip()]
    with open(machine_path) as f:
        print(f.read().rstrip())
    print()

    listed = targets(api_ref)
    names = dict(listed)
    get = {target: results(measurements, "get", target) for target, _ in listed}
    ours = median(get["api"], "rps") if get["api"] else None
    print("GET a task by id: 10 000 seeded rows, random ids, 32 connections (medians)")
    rows = []
    for target, name in listed:
        r = get[target]
        if not r:
            continue
        ratio = f"{ours / median(r, 'rps'):.2f}" if ours else "-"
        rows.append([name, f"{median(r, 'rps'):,.0f}", f"{median(r, 'p50_ms'):.2f}", f"{median(r, 'p95_ms'):.2f}",
                     f"{median(r, 'p99_ms'):.2f}", f"{sum(x['non2xx'] + x['socket_errors'] for x in r)}",
                     ratio, fmt(r, "server_us"), fmt(r, "bytes"), fmt(r, "postgres_us"), f"{median(r, 'others'):.0f}%",
                     " / ".join(x["load"].split()[0] for x in r)])
    table(["target", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "API ÷ this", "server CPU µs/req",
           "allocated B/req", "PostgreSQL CPU µs/req", "others' CPU", "load 1m per rep"], rows)
    print()

    mixed = {api: results(measurements, "mixed", api) for api in ("api", "ref")}
    if any(mixed.values()):
        mixed_table(mixed, names)

    print("Per repetition")
    table(["phase", "target", "rep", "req/s", "p50 ms", "p99 ms", "max ms", "non-2xx", "CPU µs/req", "allocated B/req",
           "others' CPU", "load 1/5/15"],
          [[m["phase"], m["target"], m["rep"], f"{m['result']['rps']:,.0f}", f"{m['result']['p50_ms']:.2f}",
            f"{m['result']['p99_ms']:.2f}", f"{m['result']['max_ms']:.1f}", m["result"]["non2xx"],
            f"{cpu_per_request(m, m['target']) or 0:.0f}" if m["target"] != "pgbench" else "-",
            f"{bytes_per_request(m):,.0f}" if bytes_per_request(m) is not None else "-",
            f"{m['cpu']['others_cpu_pct']:.0f}%", m["load"]] for m in measurements])
    print()

    for api, before in (("api", ""), ("ref", f"Before ({api_ref}), ")):
        if get.get(api):
            verdicts(dict(get, api_rows=get[api]), mixed[api], before)


if __name__ == "__main__":
    main(*sys.argv[1:4])
