#!/usr/bin/env python3
"""Where the CPU went during one measurement: our processes, and everything else on this shared machine.

Other people's builds steal CPU from a run and make it slower, so every figure is printed beside the share of the
cores that went to processes outside the benchmark. CPU time per request of the server and of PostgreSQL is much less
sensitive to that noise than throughput, so it is reported too.

  cpu_share.py snapshot NAME=PID...         print a snapshot (JSON): busy CPU ticks of the machine, and of each named
                                            process with all its descendants (e.g. postgres=<postmaster>)
  cpu_share.py report BEFORE AFTER SECONDS  print {"others_cpu_pct", "cpu_seconds": {NAME: …}} between two snapshots

A process's ticks include those of its children that have exited (cutime, cstime): wrk and pgbench have ended by
the second snapshot, and so have PostgreSQL backends whose client disconnected.
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
    """pid -> (ppid, utime + stime + cutime + cstime ticks) for every process still readable."""
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
        table[int(entry)] = (int(rest[1]), sum(int(x) for x in rest[11:15]))
    return table


def tree(table, root):
    found, frontier = set(), {root} if root in table else set()
    while frontier:
        found |= frontier
        frontier = {pid for pid, (ppid, _) in table.items() if ppid in frontier and pid not in found}
    return {str(pid): table[pid][1] for pid in found}


def snapshot(named_roots):
    table = processes()
    return {"busy": machine_busy_ticks(), "trees": {name: tree(table, int(pid)) for name, pid in named_roots}}


def report(before, after, seconds):
    # A process that started in between counts from zero; one that ended in between is lost (rare: pools stay open).
    def used(name):
        return sum(t - before["trees"][name].get(pid, 0) for pid, t in after["trees"][name].items()) / TICKS

    ours = {}  # by pid: the API is in both the shell's tree and its own
    for name, processes_after in after["trees"].items():
        for pid, ticks in processes_after.items():
            ours[pid] = ticks - before["trees"][name].get(pid, 0)
    other_seconds = (after["busy"] - before["busy"] - sum(ours.values())) / TICKS
    return {"others_cpu_pct": round(max(0.0, 100.0 * other_seconds / (seconds * os.cpu_count())), 1),
            "cpu_seconds": {name: round(used(name), 2) for name in after["trees"]}}


if __name__ == "__main__":
    if sys.argv[1] == "snapshot":
        print(json.dumps(snapshot([arg.split("=", 1) for arg in sys.argv[2:]])))
    elif sys.argv[1] == "report":
        with open(sys.argv[2]) as b, open(sys.argv[3]) as a:
            print(json.dumps(report(json.load(b), json.load(a), float(sys.argv[4]))))
    else:
        sys.exit(__doc__)
