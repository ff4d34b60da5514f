#!/usr/bin/python3
"""Reads load.py's answers and the kill time; prints the drill's figures. Argument: answers file, kill time (s)."""
import collections, sys

answers = [line.split() for line in open(sys.argv[1])]
killed = float(sys.argv[2])
writes = [(float(a[0]), int(a[1])) for a in answers if a[2] == "write"]
ok_before = max((t for t, s in writes if s == 201 and t < killed), default=killed)
ok_after = min((t for t, s in writes if s == 201 and t > killed), default=None)
print(f"requests: {len(answers)} ({len(writes)} writes, {len(answers) - len(writes)} reads)")
if ok_after is None:
    print("writes never succeeded again")
else:
    print(f"write unavailability: {ok_after - ok_before:.1f} s (last 201 before the kill to the first after it)")
slowest = max((float(a[4]), a[2]) for a in answers if float(a[0]) > killed)
print(f"slowest answer after the kill: {slowest[0]:.1f} s ({slowest[1]})")
failed = collections.Counter((a[2], a[1]) for a in answers if a[1] not in ("200", "201"))
print("failed requests by kind and status (0 = no HTTP answer): " +
      (", ".join(f"{kind} {status} x{n}" for (kind, status), n in sorted(failed.items())) or "none"))
