#!/usr/bin/env python3
"""How much of the machine's CPU went to processes outside the benchmark during one measurement.

The machine is shared: other people's builds steal CPU from a run and make it slower. Recording that share beside
every figure says how far to trust it.

  cpu_share.py snapshot PID...                 print a snapshot (JSON): busy CPU ticks of the machine and of the
                                               given processes and all their descendants (the postmaster's backends)
  cpu_share.py others BEFORE AFTER SECONDS     print the percentage of all cores used by other processes between two
                 [EXTRA_CPU_SECONDS]           snapshots; EXTRA is CPU our short-lived load generator used (wrk, pgbench)
"""
import json
import os
import sys

TICKS = os.sysconf("SC_CLK_TCK")


def machine_busy_ticks():
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle, iowait = fields[3], fields[4]
    return sum(fields[:8]) - idle - iowait


def processes():
    """pid -> (ppid, utime + stime ticks) for every process still readable."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        rest = stat[stat.rindex(")") + 2:].split()  # after "pid (comm) "
        table[int(entry)] = (int(rest[1]), int(rest[11]) + int(rest[12]))
    return table


def snapshot(roots):
    table = processes()
    ours, frontier = set(), {r for r in roots if r in table}
    while frontier:
        ours |= frontier
        frontier = {pid for pid, (ppid, _) in table.items() if ppid in frontier and pid not in ours}
    return {"busy": machine_busy_ticks(), "ours": {str(pid): table[pid][1] for pid in ours}}


def others_percent(before, after, seconds, extra_cpu_seconds):
    busy = after["busy"] - before["busy"]
    # A process that started in between counts from zero; one that ended in between is lost (rare: pools stay open).
    ours = sum(ticks - before["ours"].get(pid, 0) for pid, ticks in after["ours"].items())
    other_seconds = (busy - ours) / TICKS - extra_cpu_seconds
    return max(0.0, 100.0 * other_seconds / (seconds * os.cpu_count()))


if __name__ == "__main__":
    if sys.argv[1] == "snapshot":
        print(json.dumps(snapshot([int(p) for p in sys.argv[2:]])))
    elif sys.argv[1] == "others":
        with open(sys.argv[2]) as b, open(sys.argv[3]) as a:
            extra = float(sys.argv[5]) if len(sys.argv) > 5 else 0.0
            print(f"{others_percent(json.load(b), json.load(a), float(sys.argv[4]), extra):.1f}")
    else:
        sys.exit(__doc__)
