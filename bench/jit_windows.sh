#!/usr/bin/env bash
# Issue 22, where the first minute's CPU goes: one hybrid server (warm-up budget $WARMUP_BUDGET, default 180; 0 = off),
# on 127.0.0.1 only, bounded in time (~2 min plus the warm-up). After /ready: optionally $IDLE_S s with no traffic, then windows of
# uncached POST /api/chat (every question new: bench/questions.py, as warmup.sh) at 16 connections — 10 s, 4 x 15 s,
# 10 s. Per window: req/s, and the server's CPU split by thread (/proc/PID/task/*/stat) into the JIT compiler threads,
# the GC threads and the rest, per request. Shows whether what makes the first seconds slow is the JIT still compiling
# (and whether its queue was already empty at /ready: run with IDLE_S=10).
#
#   [WARMUP_BUDGET=30] [IDLE_S=0] bench/jit_windows.sh
#
# Builds nothing: needs target/stack-advisor.jar. Exit status 1 when a request failed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

WARMUP_BUDGET="${WARMUP_BUDGET:-180}"; IDLE_S="${IDLE_S:-0}"
[[ "$WARMUP_BUDGET" =~ ^[0-9]+$ ]] && [ "$WARMUP_BUDGET" -le 600 ] || die "WARMUP_BUDGET must be 0..600"
[[ "$IDLE_S" =~ ^[0-9]+$ ]] && [ "$IDLE_S" -le 60 ] || die "IDLE_S must be 0..60"
command -v wrk >/dev/null || die "wrk is missing: apt-get update && apt-get install -y wrk"
require_jar
snapshot_jar
trap cleanup EXIT
echo "jar under test: $JAR built $(date -r "$JAR" '+%F %T'); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

QUESTIONS="$BENCH_DIR/target/questions-fresh.txt"
python3 "$BENCH_DIR/questions.py" 96000 >"$QUESTIONS"
CACHE="$BENCH_DIR/target/warmup-cache"   # warmup.sh's: embedded once, then loaded
mkdir -p "$CACHE"
ADVISOR_WARMUP_SECONDS="$WARMUP_BUDGET" start_server hybrid "$CACHE" "$BENCH_DIR/target/jit-windows.log"
wait_ready 300 || { tail -20 "$BENCH_DIR/target/jit-windows.log"; exit 1; }
echo "ready after $READY_MS ms; warm-up: $(curl -s --max-time 5 "http://127.0.0.1:$PORT/health" \
  | python3 -c 'import json,sys; w=json.load(sys.stdin)["warmup"]; print(" ".join(f"{k}={w[k]}" for k in ("state","questions","elapsedMs","jitShare","stoppedBy")))')"

# CPU ms used so far by the server's JIT compiler threads, GC threads and the rest: "jit gc other"
cpu_split() {
  python3 - "$SERVER_PID" <<'PY'
import os, sys
pid = sys.argv[1]; hz = os.sysconf('SC_CLK_TCK'); out = {'jit': 0, 'gc': 0, 'other': 0}
for t in os.listdir(f'/proc/{pid}/task'):
    try:
        s = open(f'/proc/{pid}/task/{t}/stat').read()
    except OSError:
        continue  # the thread ended
    name = s[s.index('(') + 1:s.rindex(')')]; f = s[s.rindex(')') + 2:].split()
    kind = 'jit' if 'Compiler' in name else 'gc' if ('GC' in name or 'G1' in name) else 'other'
    out[kind] += (int(f[11]) + int(f[12])) * 1000 // hz
print(out['jit'], out['gc'], out['other'])
PY
}
if [ "$IDLE_S" -gt 0 ]; then
  read -r j0 g0 o0 < <(cpu_split); sleep "$IDLE_S"; read -r j1 g1 o1 < <(cpu_split)
  echo "idle ${IDLE_S} s after ready: CPU ms jit $((j1 - j0)), gc $((g1 - g0)), other $((o1 - o0))"
fi
NEXT=0
FAILED=0
for secs in 10 15 15 15 15 10; do
  read -r j0 g0 o0 < <(cpu_split)
  out="$(wrk -t2 -c16 -d"${secs}s" --timeout 10s -s "$BENCH_DIR/chat.lua" "http://127.0.0.1:$PORT/api/chat" \
    -- "file=$QUESTIONS" "$NEXT" 2 2>&1)"
  read -r j1 g1 o1 < <(cpu_split)
  grep -q '^non-2xx: 0$' <<<"$out" || FAILED=1
  n="$(sed -n 's/^requests: \([0-9]*\) .*/\1/p' <<<"$out")"; NEXT=$(( NEXT + n ))
  awk -v s="$secs" -v n="$n" -v j=$((j1 - j0)) -v g=$((g1 - g0)) -v o=$((o1 - o0)) 'BEGIN {
    printf "%2d s: %6.1f req/s; CPU ms per request: JIT %.2f, GC %.2f, rest %.2f, all %.2f\n",
      s, n / s, j / n, g / n, o / n, (j + g + o) / n }'
done
exit "$FAILED"
