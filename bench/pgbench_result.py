#!/usr/bin/env python3
"""Turns one pgbench run into the same result line the wrk scripts print (bench/wrk/report.lua).

  pgbench_result.py PGBENCH_OUTPUT LOG_PREFIX

Throughput is pgbench's own "tps"; latencies come from its per-transaction logs (-l --log-prefix), whose third field
is the transaction's latency in microseconds.
"""
import glob
import json
import re
import sys


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, max(0, round(p / 100 * len(sorted_values)) - 1))
    return sorted_values[index]


def main(output_path, log_prefix):
    with open(output_path) as f:
        output = f.read()
    tps = float(re.search(r"tps = ([0-9.]+) \(without initial connection time\)", output).group(1))
    seconds = float(re.search(r"duration: ([0-9]+) s", output).group(1))
    failed = re.search(r"number of failed transactions: ([0-9]+)", output)
    latencies = []
    for path in glob.glob(log_prefix + ".*"):
        with open(path) as log:
            latencies.extend(int(line.split()[2]) / 1000 for line in log)
    latencies.sort()
    print(json.dumps({
        "requests": len(latencies), "seconds": seconds, "rps": tps,
        "p50_ms": percentile(latencies, 50), "p95_ms": percentile(latencies, 95), "p99_ms": percentile(latencies, 99),
        "max_ms": latencies[-1] if latencies else 0.0,
        "non2xx": int(failed.group(1)) if failed else 0, "socket_errors": 0,
    }))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
