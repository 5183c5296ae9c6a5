#!/usr/bin/env bash
# Issue 14 in one sitting: query-embedding batching "before" (ADVISOR_EMBEDDING_BATCH=1: every question its own
# inference) against "after" (the defaults), alternated on two warm servers, on 127.0.0.1 only, bounded in time.
#
#   bench/issue14.sh
#
# 1. ratio: uncached POST /api/chat throughput (hybrid, every question new: bench/questions.py, as load.sh's
#    "fresh") against the one-at-a-time MiniLM ceiling (JMH EmbeddingBenchmark -p model=server, 2 threads, the same
#    questions), for both servers, $ROUNDS rounds of (ceiling, $SLICE_S s of load on each server at each of
#    $RATIO_CONNECTIONS connections), the servers' order swapped every round; per slice the batch-size
#    distribution from /metrics and the server's CPU per request by thread group (cpushare.py).
# 2. latency: p50 / p99 at 1, 8 and 32 connections, $ROUNDS slices of $SLICE_S s per server and connection count,
#    alternated the same way.
# 3. JMH: BatchEmbeddingBenchmark, embeddings per second at batch 1, 4, 8, 16, 32 for short questions
#    (bench/questions.py's, framework names removed as the server embeds them), 2 threads.
# Every measurement line carries the load average and the foreign CPU during it (cpuwatch.py).
#
# Environment: ROUNDS (2, 1..6), SLICE_S (15, 5..60), RATIO_CONNECTIONS (connection counts of step 1, "16"; each
# 1..128, e.g. "16 32 64"), WARMUP_S (60 per server, 10..300), QUIET_WAIT (lib.sh's wait
# for a quiet machine before the series and before JMH; 600 s, 0 = don't wait), JMH_ARGS (extra JMH options for
# step 3, default "-wi 2 -i 3"), JAR (the server jar). Builds nothing: needs target/stack-advisor.jar and
# bench/target/benchmarks.jar (mvn -q -B install -DskipTests && (cd bench && mvn -q -B clean package): "clean", or
# the bench classes compiled against an older main jar stay and fail with NoSuchMethodError).
# Takes about 8 + 2 x ROUNDS minutes with the defaults (15 with RATIO_CONNECTIONS="16 32 64"). Exit status 1 when a
# request failed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ROUNDS="${ROUNDS:-2}"; SLICE_S="${SLICE_S:-15}"; WARMUP="${WARMUP_S:-60}"
[[ "$ROUNDS" =~ ^[0-9]+$ ]] && [ "$ROUNDS" -ge 1 ] && [ "$ROUNDS" -le 6 ] || die "ROUNDS must be 1..6"
[[ "$SLICE_S" =~ ^[0-9]+$ ]] && [ "$SLICE_S" -ge 5 ] && [ "$SLICE_S" -le 60 ] || die "SLICE_S must be 5..60"
[[ "$WARMUP" =~ ^[0-9]+$ ]] && [ "$WARMUP" -ge 10 ] && [ "$WARMUP" -le 300 ] || die "WARMUP_S must be 10..300"
RATIO_CONNECTIONS="${RATIO_CONNECTIONS:-16}"
for c in $RATIO_CONNECTIONS; do
  [[ "$c" =~ ^[0-9]+$ ]] && [ "$c" -ge 1 ] && [ "$c" -le 128 ] || die "RATIO_CONNECTIONS must be counts of 1..128"
done
command -v wrk >/dev/null || die "wrk is missing: apt-get update && apt-get install -y wrk"
require_jar
[ -f "$BENCH_DIR/target/benchmarks.jar" ] || die "bench/target/benchmarks.jar is missing (see the comment at the top)"
snapshot_jar
echo "jar under test: $JAR built $(date -r "$JAR" '+%F %T'), sha256 $(sha256sum "$RUN_JAR" | cut -c1-12); $(nproc) cores"
echo "started $(date -u '+%F %T') UTC; load average $(cut -d' ' -f1-3 /proc/loadavg)"

QUESTIONS="$BENCH_DIR/target/questions-fresh.txt"
python3 "$BENCH_DIR/questions.py" 96000 >"$QUESTIONS"

load_avg() { cut -d' ' -f1 /proc/loadavg; }

# Two servers, one per configuration, started with lib.sh's start_server (which sets SERVER_PID and PORT: copied here)
declare -A PORTS PIDS NEXT WARMED
start_one() { # NAME [VAR=VALUE]: the environment assignment reaches the server's java process
  local name="$1"
  if [ $# -gt 1 ]; then env_name="${2%%=*}"; export "$env_name=${2#*=}"; fi
  start_server hybrid "$BENCH_DIR/target/issue14-cache" "$BENCH_DIR/target/issue14-$name.log"
  [ $# -le 1 ] || unset "$env_name"
  PIDS[$name]="$SERVER_PID"; PORTS[$name]="$PORT"
  wait_ready 180 || { tail -20 "$BENCH_DIR/target/issue14-$name.log"; exit 1; }
}
stop_all() {
  for name in "${!PIDS[@]}"; do SERVER_PID="${PIDS[$name]}"; stop_server; done
}
trap 'stop_all; cleanup' EXIT

# the embedding cache is shared by both servers: build it once, before either starts
echo "before: ADVISOR_EMBEDDING_BATCH=1 (one question per inference); after: the defaults"
start_one before ADVISOR_EMBEDDING_BATCH=1
start_one after
SERVER_PID=""
for name in before after; do
  sample="$(curl -s -w '\n%{http_code}' --max-time 10 -H 'Content-Type: application/json' \
    -d '{"message": "fastify vs nestjs?"}' "http://127.0.0.1:${PORTS[$name]}/api/chat")"
  [ "$(tail -n1 <<<"$sample")" = 200 ] && grep -q '"grounded":true' <<<"$sample" || { echo "$name: sanity request failed: $sample" >&2; exit 1; }
done
echo "servers: before pid ${PIDS[before]} port ${PORTS[before]}, after pid ${PIDS[after]} port ${PORTS[after]}; sanity requests 200, grounded"

# Each server gets every question at most once: warm-up walks the list from its end, slices from its start on.
NEXT[before]=0; NEXT[after]=0
FAILED=0
request_count() { sed -n 's/^requests: \([0-9]*\) .*/\1/p'; }
request_rate() { sed -n 's/^requests: [0-9]* in [0-9.]* s = \([0-9.]*\) req\/s$/\1/p'; }
# wrk's "50%  5.62ms" as milliseconds
percentile_ms() { awk -v p="$1%" '$1 == p { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
  f = (u == "us" ? 0.001 : (u == "s" ? 1000 : (u == "m" ? 60000 : 1))); printf "%.2f", v * f }'; }
embedding_stats() { curl -s --max-time 5 "http://127.0.0.1:$1/metrics" | grep -E '^advisor_embedding_batch_size_(bucket|count|sum)' || true; }
# batch_report BEFORE AFTER: "mean M (size:inferences ...)" of the inferences in between
batch_report() {
  awk 'NR == FNR { b[$1] = $2; next } { d[$1] = $2 - b[$1]; o[++n] = $1 }
    END { prev = 0; line = ""
      for (i = 1; i <= n; i++) { k = o[i]; if (k !~ /bucket/) continue
        le = k; sub(/.*le="/, "", le); sub(/".*/, "", le); c = d[k] - prev; prev = d[k]
        if (c > 0) line = line sprintf(" %s:%d", (le == "+Inf" ? ">256" : int(le)), c) }
      s = "advisor_embedding_batch_size_"
      if (d[s "count"] > 0) printf "mean %.2f (%s)", d[s "sum"] / d[s "count"], substr(line, 2); else printf "no inferences" }' \
    <(echo "$1") <(echo "$2")
}
# slice NAME CONNECTIONS SECONDS: wrk against one server from its next unasked question; sets S_RPS S_P50 S_P99 S_LINE
slice() {
  local name="$1" conns="$2" secs="$3" threads=1 out before after foreign load cpu
  [ "$conns" -lt 2 ] || threads=2
  load="$(load_avg)"
  before="$(embedding_stats "${PORTS[$name]}")"
  python3 "$BENCH_DIR/cpushare.py" snap "${PIDS[$name]}" "$BENCH_DIR/target/issue14-cpu-before.json"
  contention_start
  out="$(wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 10s --latency -s "$BENCH_DIR/chat.lua" \
    "http://127.0.0.1:${PORTS[$name]}/api/chat" -- "file=$QUESTIONS" "${NEXT[$name]}" "$threads" 2>&1)"
  foreign="$(contention_stop | sed 's/^foreign CPU during the measurement: //')"
  python3 "$BENCH_DIR/cpushare.py" snap "${PIDS[$name]}" "$BENCH_DIR/target/issue14-cpu-after.json"
  after="$(embedding_stats "${PORTS[$name]}")"
  cpu="$(python3 "$BENCH_DIR/cpushare.py" diff "$BENCH_DIR/target/issue14-cpu-before.json" \
    "$BENCH_DIR/target/issue14-cpu-after.json" "$(request_count <<<"$out")")"
  NEXT[$name]=$(( NEXT[$name] + $(request_count <<<"$out") ))
  grep -q '^non-2xx: 0$' <<<"$out" && grep -q '^socket errors: connect 0, read 0, write 0, timeout 0$' <<<"$out" \
    || { FAILED=1; echo "  $name: FAILED requests: $(grep -E '^(non-2xx|socket errors)' <<<"$out" | tr '\n' ' ')"; }
  S_RPS="$(request_rate <<<"$out")"; S_P50="$(percentile_ms 50 <<<"$out")"; S_P99="$(percentile_ms 99 <<<"$out")"
  S_LINE="$(printf '%-6s -c%-2d %7.1f req/s  p50 %7.2f ms  p99 %7.2f ms  batches: %s  %s  [load %s; foreign CPU %s]' \
    "$name" "$conns" "$S_RPS" "$S_P50" "$S_P99" "$(batch_report "$before" "$after")" "$cpu" "$load" "$foreign")"
}
# ceiling: JMH's one-at-a-time MiniLM embeddings per second on the same questions, 2 threads (as load.sh)
ceiling() {
  (cd "$BENCH_DIR" && java -jar target/benchmarks.jar EmbeddingBenchmark -p model=server -p questions="$QUESTIONS" \
    -t 2 -bm thrpt -tu s -f 1 -wi 2 -i 4 2>&1 | grep -E '^EmbeddingBenchmark' | tail -1 | awk '{ print $(NF-3) }')
}

echo
echo "== warm-up: $WARMUP s per server at 16 connections, questions from the list's end (not measured)"
for name in before after; do
  w="$(wrk -t2 -c16 -d"${WARMUP}s" -s "$BENCH_DIR/chat.lua" "http://127.0.0.1:${PORTS[$name]}/api/chat" -- "file=$QUESTIONS" end 2 2>&1)"
  WARMED[$name]="$(request_count <<<"$w")"
  echo "  $name: $(grep '^requests:' <<<"$w")"
done
wait_quiet

echo
echo "== 1. ratio: uncached /api/chat ($RATIO_CONNECTIONS connections, $SLICE_S s slices) / one-at-a-time MiniLM ceiling (JMH EmbeddingBenchmark -p model=server -t 2 -wi 2 -i 4)"
declare -A SUM_RPS N_RPS
CEIL_SUM=0; CEIL_N=0
for r in $(seq 1 "$ROUNDS"); do
  order="before after"; [ $(( r % 2 )) -eq 1 ] || order="after before"
  load="$(load_avg)"; c="$(ceiling)"
  [ -n "$c" ] || { echo "the ceiling benchmark gave no result" >&2; exit 1; }
  echo "  round $r: ceiling $c embeddings/s [load $load]"
  CEIL_SUM="$(awk -v a="$CEIL_SUM" -v b="$c" 'BEGIN { print a + b }')"; CEIL_N=$(( CEIL_N + 1 ))
  for conns in $RATIO_CONNECTIONS; do
    for name in $order; do
      slice "$name" "$conns" "$SLICE_S"; echo "  round $r: $S_LINE"
      key="$name $conns"
      SUM_RPS[$key]="$(awk -v a="${SUM_RPS[$key]:-0}" -v b="$S_RPS" 'BEGIN { print a + b }')"; N_RPS[$key]=$(( ${N_RPS[$key]:-0} + 1 ))
    done
  done
done
load="$(load_avg)"; c="$(ceiling)"; echo "  closing ceiling $c embeddings/s [load $load]"
[ -z "$c" ] || { CEIL_SUM="$(awk -v a="$CEIL_SUM" -v b="$c" 'BEGIN { print a + b }')"; CEIL_N=$(( CEIL_N + 1 )); }
for conns in $RATIO_CONNECTIONS; do
  for name in before after; do
    key="$name $conns"
    awk -v n="$name" -v c="$conns" -v s="${SUM_RPS[$key]}" -v k="${N_RPS[$key]}" -v cs="$CEIL_SUM" -v cn="$CEIL_N" 'BEGIN {
      printf "  ratio %-6s -c%-3d: %.1f req/s (mean of %d slices) / %.1f embeddings/s (mean of %d ceilings) = %.2f\n", n, c, s / k, k, cs / cn, cn, (s / k) / (cs / cn) }'
  done
done

echo
echo "== 2. latency: p50 / p99 per slice ($SLICE_S s), alternated"
for conns in 1 8 32; do
  for r in $(seq 1 "$ROUNDS"); do
    order="before after"; [ $(( r % 2 )) -eq 1 ] || order="after before"
    for name in $order; do slice "$name" "$conns" "$SLICE_S"; echo "  $S_LINE"; done
  done
done
TOTAL_Q="$(wc -l <"$QUESTIONS")"
for name in before after; do
  asked=$(( NEXT[$name] + ${WARMED[$name]:-0} ))
  if [ "$asked" -le "$TOTAL_Q" ]; then verdict="none repeated"; else verdict="WARNING: some repeated (cache hits): fewer ROUNDS or connection counts"; fi
  echo "  questions asked by $name: ${NEXT[$name]} measured + ${WARMED[$name]:-?} warm-up (from the other end) of $TOTAL_Q: $verdict"
done
stop_all

echo
echo "== 3. JMH BatchEmbeddingBenchmark (grouped), -t 2, short questions (bench/questions.py, framework names removed by the benchmark as the server does), ${JMH_ARGS:--wi 2 -i 3}"
wait_quiet
echo "  load average before JMH: $(cut -d' ' -f1-3 /proc/loadavg)"
contention_start
(cd "$BENCH_DIR" && java -jar target/benchmarks.jar BatchEmbeddingBenchmark -p padding=grouped -p questions="$QUESTIONS" \
  -t 2 -f 1 ${JMH_ARGS:--wi 2 -i 3} 2>&1 | grep -E '^Benchmark|^BatchEmbeddingBenchmark.embed:embeddings' | sed 's/^/  /')
echo "  $(contention_stop)"
echo "  load average after JMH: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "finished $(date -u '+%F %T') UTC"
[ "$FAILED" -eq 0 ]
