#!/usr/bin/env python3
"""CPU used on this machine by processes outside one process tree, from /proc, once a second.

The benchmarks here run on a 2-core box that other work shares (builds, test runs, other benchmark runs);
anything else using the CPU while we measure skews the numbers. "Ours" is the tree under ROOT_PID (the
benchmark script: the server it started, JMH and its forks, wrk, this watcher); everything else is foreign.

  cpuwatch.py wait ROOT_PID [CALM_S=10] [MAX_S=600]
      return once foreign CPU has stayed under 10 % of one core for CALM_S seconds in a row (or after MAX_S);
      prints how long it waited
  cpuwatch.py watch ROOT_PID
      sample until SIGTERM, then print one line: seconds sampled, seconds in which foreign processes used
      >= 10 % of one core, foreign CPU-seconds in total, and the busiest foreign commands
"""
import os
import signal
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")
BUSY = 0.10  # of one core


def snapshot():
    """pid -> (ppid, cpu ticks, command)"""
    procs = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        procs[int(name)] = (int(fields[1]), int(fields[11]) + int(fields[12]), comm)
    return procs


def ours(pid, procs, root):
    seen = 0
    while pid > 1 and seen < 64:
        if pid == root:
            return True
        pid = procs.get(pid, (0,))[0]
        seen += 1
    return pid == root


def foreign_usage(before, after, root):
    """CPU ticks used by foreign processes between two snapshots, and by command."""
    total, by_comm = 0, {}
    for pid, (ppid, ticks, comm) in after.items():
        if ours(pid, after, root):
            continue
        used = ticks - before[pid][1] if pid in before else 0  # new processes: counted from their next second
        if used > 0:
            total += used
            by_comm[comm] = by_comm.get(comm, 0) + used
    return total, by_comm


def main():
    mode, root = sys.argv[1], int(sys.argv[2])
    if mode == "wait":
        calm_s = int(sys.argv[3]) if len(sys.argv) > 3 else 10
        max_s = int(sys.argv[4]) if len(sys.argv) > 4 else 600
        start, calm, before = time.time(), 0, snapshot()
        while time.time() - start < max_s and calm < calm_s:
            time.sleep(1)
            after = snapshot()
            used, _ = foreign_usage(before, after, root)
            calm = calm + 1 if used / TICK < BUSY else 0
            before = after
        print(f"quiet check: waited {time.time() - start:.0f} s, "
              f"{'quiet' if calm >= calm_s else 'NOT quiet (gave up)'}")
        return
    stop = []
    signal.signal(signal.SIGTERM, lambda *a: stop.append(1))
    seconds, busy, ticks, by_comm, before = 0, 0, 0, {}, snapshot()
    while not stop:
        time.sleep(1)
        after = snapshot()
        used, comms = foreign_usage(before, after, root)
        seconds += 1
        busy += used / TICK >= BUSY
        ticks += used
        for c, t in comms.items():
            by_comm[c] = by_comm.get(c, 0) + t
        before = after
    top = ", ".join(f"{c} {t / TICK:.1f}s" for c, t in sorted(by_comm.items(), key=lambda e: -e[1])[:3])
    print(f"foreign CPU during the measurement: busy {busy} of {seconds} s, {ticks / TICK:.1f} CPU-s"
          + (f" ({top})" if top else ""))


if __name__ == "__main__":
    main()
