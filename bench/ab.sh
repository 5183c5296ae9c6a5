#!/usr/bin/env bash
# Two builds side by side: warmed, uncached POST /api/chat throughput of JAR_BEFORE against JAR_AFTER (hybrid, every
# question new: bench/questions.py, as load.sh's "fresh"), on 127.0.0.1 only, bounded in time.
#
#   JAR_BEFORE=path/to/old.jar [JAR_AFTER=target/stack-advisor.jar] bench/ab.sh
#
# Starts one server per jar (same corpus, same embedding cache), warms each for $WARMUP_S s (default 60) under the
# load itself, then $ROUNDS rounds (default 3) of $SLICE_S s (default 15) on each server at $CONNECTIONS connections
# (default 16), the order swapped every round so that the machine's drift hits both alike; every slice asks questions
# no earlier slice asked. Prints requests/s per slice, the mean of each and the ratio after/before, with the
# foreign CPU during each slice (cpuwatch.py). Builds nothing. Exit status 1 when a request failed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

[ -n "${JAR_BEFORE:-}" ] && [ -f "$JAR_BEFORE" ] || die "JAR_BEFORE must name the jar to compare against"
JAR_AFTER="${JAR_AFTER:-$ROOT/target/stack-advisor.jar}"
[ -f "$JAR_AFTER" ] || die "$JAR_AFTER is missing"
ROUNDS="${ROUNDS:-3}"; SLICE_S="${SLICE_S:-15}"; WARMUP="${WARMUP_S:-60}"; CONNECTIONS="${CONNECTIONS:-16}"
[[ "$ROUNDS" =~ ^[0-9]+$ ]] && [ "$ROUNDS" -ge 1 ] && [ "$ROUNDS" -le 6 ] || die "ROUNDS must be 1..6"
[[ "$SLICE_S" =~ ^[0-9]+$ ]] && [ "$SLICE_S" -ge 5 ] && [ "$SLICE_S" -le 60 ] || die "SLICE_S must be 5..60"
[[ "$WARMUP" =~ ^[0-9]+$ ]] && [ "$WARMUP" -ge 10 ] && [ "$WARMUP" -le 300 ] || die "WARMUP_S must be 10..300"
[[ "$CONNECTIONS" =~ ^[0-9]+$ ]] && [ "$CONNECTIONS" -ge 1 ] && [ "$CONNECTIONS" -le 64 ] || die "CONNECTIONS must be 1..64"
command -v wrk >/dev/null || die "wrk is missing: apt-get update && apt-get install -y wrk"
mkdir -p "$BENCH_DIR/target"
QUESTIONS="$BENCH_DIR/target/questions-fresh.txt"
python3 "$BENCH_DIR/questions.py" 96000 >"$QUESTIONS"
echo "started $(date -u '+%F %T') UTC; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

declare -A PORTS PIDS JARS OFFSET
JARS[before]="$BENCH_DIR/target/ab-before-$$.jar"; cp "$JAR_BEFORE" "${JARS[before]}"
JARS[after]="$BENCH_DIR/target/ab-after-$$.jar"; cp "$JAR_AFTER" "${JARS[after]}"
stop_all() {
  for name in "${!PIDS[@]}"; do SERVER_PID="${PIDS[$name]}"; stop_server; done
  rm -f "${JARS[before]}" "${JARS[after]}"
}
trap stop_all EXIT
for name in before after; do
  RUN_JAR="${JARS[$name]}"
  start_server hybrid "$BENCH_DIR/target/ab-cache" "$BENCH_DIR/target/ab-$name.log"
  PIDS[$name]="$SERVER_PID"; PORTS[$name]="$PORT"
  wait_ready 180 || { tail -20 "$BENCH_DIR/target/ab-$name.log"; exit 1; }
  echo "$name ready in ${READY_MS} ms on port $PORT"
done

# slice NAME SECONDS: wrk on one server from this server's next unused question; prints requests/s
next=0
slice() {
  local name="$1" seconds="$2" out
  out="$(wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s -s "$BENCH_DIR/chat.lua" \
    "http://127.0.0.1:${PORTS[$name]}/api/chat" -- "file=$QUESTIONS" "$next" 1 2>&1)"
  next=$(( next + 12000 ))
  if echo "$out" | grep -q "Non-2xx or 3xx\|non-2xx: [1-9]"; then echo "$out" >&2; FAILED=1; fi
  echo "$out" | awk '/Requests\/sec/ { print $2 }'
}
FAILED=0
for name in before after; do
  echo "warm-up $name: $(slice "$name" "$WARMUP") req/s"
done
declare -A SUM
SUM[before]=0; SUM[after]=0
for round in $(seq 1 "$ROUNDS"); do
  order="before after"; [ $(( round % 2 )) -eq 0 ] && order="after before"
  for name in $order; do
    contention_start
    rps="$(slice "$name" "$SLICE_S")"
    foreign="$(contention_stop)"
    SUM[$name]="$(python3 -c "print(${SUM[$name]} + $rps)")"
    echo "round $round $name: $rps req/s ($foreign)"
  done
done
python3 -c "b=${SUM[before]}/$ROUNDS; a=${SUM[after]}/$ROUNDS; print(f'mean before {b:.1f} req/s, after {a:.1f} req/s, after/before {a/b:.3f}')"
exit "$FAILED"
