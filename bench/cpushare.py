#!/usr/bin/env python3
"""Where a server's CPU goes during a measurement: its threads' CPU time from /proc/PID/task/*/stat, by group
(the kernel keeps 15 characters of a thread's name: "embedding-batch", "JettyServerThre").

  cpushare.py snap PID FILE           write every thread's name and CPU ticks (user + system) to FILE
  cpushare.py diff BEFORE AFTER N     one line: CPU ms per request (N requests in between) of the MiniLM batcher
                                      threads ("embedding-batcher-*": ONNX Runtime inference, padding, pooling),
                                      the request threads (Jetty's pool: HTTP, JSON, tokenizer, question analysis,
                                      retrieval, answer), the JIT compilers, and the rest (GC, timers), and in total

A thread that ended between the two snapshots is not counted; one that started counts from zero.
"""
import json
import os
import sys

TICK_MS = 1000.0 / os.sysconf("SC_CLK_TCK")
GROUPS = (("batcher", "embedding-batch"), ("requests", "JettyServerThre"), ("jit", "C1 CompilerThre"),
          ("jit", "C2 CompilerThre"))


def snap(pid):
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                s = f.read()
        except OSError:
            continue  # the thread ended meanwhile
        name = s[s.index("(") + 1:s.rindex(")")]
        fields = s[s.rindex(")") + 2:].split()
        out[tid] = [name, int(fields[11]) + int(fields[12])]
    return out


def group(name):
    for g, prefix in GROUPS:
        if name.startswith(prefix):
            return g
    return "other"


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "snap":
        with open(sys.argv[3], "w") as f:
            json.dump(snap(sys.argv[2]), f)
    elif len(sys.argv) == 5 and sys.argv[1] == "diff":
        with open(sys.argv[2]) as f:
            before = json.load(f)
        with open(sys.argv[3]) as f:
            after = json.load(f)
        requests = int(sys.argv[4])
        if requests <= 0:
            print("no requests")
            return
        ms = {"batcher": 0.0, "requests": 0.0, "jit": 0.0, "other": 0.0}
        for tid, (name, ticks) in after.items():
            ms[group(name)] += (ticks - before.get(tid, [name, 0])[1]) * TICK_MS
        total = sum(ms.values())
        print("CPU ms/request: " + ", ".join(f"{k} {v / requests:.2f}" for k, v in ms.items())
              + f", total {total / requests:.2f}")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
