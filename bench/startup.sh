#!/usr/bin/env bash
# Start-up time to ready: launches the jar, polls GET /ready every 50 ms, reports the wall time from launch
# to the first 200, the CPU time the server used until then, the server's own index-build time (startupMs from
# GET /health) and stops it.
#
#   bench/startup.sh CASE [RUNS]
#     CASE   cold-hybrid  hybrid, embedding cache deleted before every run (all passages embedded)
#            warm-hybrid  hybrid, embedding cache present (one unmeasured run fills it first if needed)
#            keyword      keyword retrieval (no embedding model)
#     RUNS   repetitions, 1..10 (default 3); the median is printed last
#
# Builds nothing: expects target/stack-advisor.jar (override with JAR=...). Loopback only.
# The cache is the bench's own (bench/target/startup-cache), never the project's .cache.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

CASE="${1:-}"; RUNS="${2:-3}"
case "$CASE" in cold-hybrid|warm-hybrid) MODE=hybrid ;; keyword) MODE=keyword ;;
  *) die "CASE must be cold-hybrid, warm-hybrid or keyword (usage: $0 CASE [RUNS])" ;; esac
[[ "$RUNS" =~ ^[0-9]+$ ]] && [ "$RUNS" -ge 1 ] && [ "$RUNS" -le 10 ] || die "RUNS must be 1..10"
require_jar
snapshot_jar
echo "jar under test: $JAR built $(date -r "$JAR" '+%F %T'), sha256 $(sha256sum "$RUN_JAR" | cut -c1-12)"

CACHE="$BENCH_DIR/target/startup-cache"
LOG="$BENCH_DIR/target/startup-$CASE.log"

run_once() {
  contention_start
  start_server "$MODE" "$CACHE" "$LOG"
  wait_ready 180 || { tail -20 "$LOG"; exit 1; }
  # CPU the server used to get ready (user + system, all its threads): steadier than wall time on a busy host
  CPU_MS="$(awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$SERVER_PID/stat")"
  BUSY="$(contention_stop | sed 's/^foreign CPU during the measurement: //')"
  local health internal
  health="$(curl -s --max-time 2 "http://127.0.0.1:$PORT/health")"
  internal="$(sed -n 's/.*"startupMs":\([0-9]*\).*/\1/p' <<<"$health")"
  CACHE_STATE="$(sed -n 's/.*"embeddingCache":"\([a-z]*\)".*/\1/p' <<<"$health")"
  INTERNAL_MS="${internal:-?}"
  stop_server
}

if [ "$CASE" = warm-hybrid ] && ! ls "$CACHE"/embeddings-*.json >/dev/null 2>&1; then
  echo "filling the embedding cache (unmeasured run)"
  run_once
fi

TIMES=()
for i in $(seq 1 "$RUNS"); do
  if [ "$CASE" = cold-hybrid ]; then rm -rf "$CACHE"; fi
  wait_quiet
  run_once
  TIMES+=("$READY_MS")
  echo "run $i: ready in ${READY_MS} ms (launch -> first 200 on /ready); server CPU to ready ${CPU_MS} ms; index build ${INTERNAL_MS} ms; embedding cache ${CACHE_STATE:-n/a}; foreign CPU: ${BUSY}"
done
MEDIAN="$(printf '%s\n' "${TIMES[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}')"
echo "$CASE: median ready time ${MEDIAN} ms over $RUNS runs (${TIMES[*]} ms)"
