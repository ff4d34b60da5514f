"""One soak sample: prints a CSV line of the API's RSS (MB), GC heap (MB, from its own /metrics: the System.Runtime
meter's dotnet.gc.last_collection.heap.size summed over generations), threads, open fds, DB connections used/idle
and the rows in the tables the load adds to (the psql line: used,idle,rows), and the window's p99/requests/non-2xx from wrk's
BENCH line."""
import json
import re
import sys
import time
import urllib.request

pid, metrics_url, bench_file, conns = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]


def status(field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def heap_mb():
    text = urllib.request.urlopen(metrics_url, timeout=5).read().decode()
    total = sum(float(m.group(1)) for m in
                re.finditer(r"^dotnet_gc_last_collection_heap_size_bytes\{[^}]*\} (\S+)", text, re.M))
    return total / 2**20


import os
fds = len(os.listdir(f"/proc/{pid}/fd"))
bench = {}
with open(bench_file) as f:
    for line in f:
        if line.startswith("BENCH "):
            bench = json.loads(line[6:])
used, idle, data_rows = (conns.split(",") + ["0", "0", "0"])[:3]
print(",".join(str(v) for v in [
    int(time.time()), round(status("VmRSS") / 1024, 1), round(heap_mb(), 1), status("Threads"), fds,
    int(used or 0), int(idle or 0), bench.get("p99_ms", 0), bench.get("requests", 0),
    bench.get("non2xx", 0) + bench.get("socket_errors", 0), int(data_rows or 0)]))
