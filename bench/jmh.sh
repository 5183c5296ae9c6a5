#!/usr/bin/env bash
# Runs the JMH benchmarks in bench/target/benchmarks.jar, one benchmark (and retrieval mode) per JMH run,
# each started only once the machine is quiet (wait_quiet in lib.sh), each retried up to $JMH_RETRIES times
# (default 3) when other processes used the CPU during it (cpuwatch.py); the cleanest attempt is kept. Prints one table.
#
#   bench/jmh.sh                 all benchmarks
#   bench/jmh.sh REGEX [PARAMS]  only those matching REGEX (and whose parameters contain PARAMS),
#                                e.g. bench/jmh.sh ChatBenchmark retrieval=hybrid
#
# Build first:  (cd /work/main && mvn -q -B install -DskipTests) && (cd /work/main/bench && mvn -q -B package)
# BENCH_JAR=PATH runs another copy of the jar (e.g. one pinned to a commit, safe from concurrent rebuilds).
# Results: bench/target/jmh/<benchmark>-<mode>.{log,json} (JMH_OUT=DIR for another directory). JMH settings
# come from the annotations (1 fork, 3 warm-up iterations of 1 s, 5 measurement iterations of 1 s, average
# time); JMH_ARGS adds JMH options, e.g. JMH_ARGS="-wi 20" for a longer warm-up.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
BENCH_JAR="${BENCH_JAR:-target/benchmarks.jar}"   # relative to bench/
[ -f "$BENCH_DIR/$BENCH_JAR" ] || [ -f "$BENCH_JAR" ] || die "build bench/target/benchmarks.jar first (see the comment at the top)"
cd "$BENCH_DIR"
OUT="${JMH_OUT:-target/jmh}"
mkdir -p "$OUT"

# benchmark and its JMH parameters (comma-separated name=value, or - for none)
RUNS=(
  "ChatBenchmark.chat retrieval=keyword,caches=off"
  "ChatBenchmark.chat retrieval=hybrid,caches=off"
  "ChatBenchmark.chat retrieval=keyword,caches=server"
  "ChatBenchmark.chat retrieval=hybrid,caches=server"
  "EmbeddingBenchmark.embedQuery -"
  "BatchEmbeddingBenchmark.embed padding=grouped"
  "BatchEmbeddingBenchmark.embed padding=one"
  "KeywordSearchBenchmark.search -"
  "KeywordSearchBenchmark.analyzeAndSearch -"
  "FusionBenchmark.fuseTwo30ItemLists -"
  "PipelineBenchmark.retrieve retrieval=keyword"
  "PipelineBenchmark.retrieve retrieval=hybrid"
  "PipelineBenchmark.compose retrieval=keyword"
  "PipelineBenchmark.compose retrieval=hybrid"
)
if [ $# -ge 1 ]; then
  SELECTED=()
  for r in "${RUNS[@]}"; do
    read -r name param <<<"$r"
    [[ "$name" =~ $1 ]] || continue
    [ -z "${2:-}" ] || [[ "$param" == *"$2"* ]] || continue
    SELECTED+=("$r")
  done
  RUNS=("${SELECTED[@]}")
fi

SUMMARY=$OUT/summary.txt
: >"$SUMMARY"
for r in "${RUNS[@]}"; do
  read -r name param <<<"$r"
  tag="$name"; [ "$param" = "-" ] || tag="$name-$(sed 's/[a-z]*=//g; s/,/-/g' <<<"$param")"
  best=""; best_busy=999
  for attempt in $(seq 1 "${JMH_RETRIES:-3}"); do
    echo "== $name ${param#-} (attempt $attempt)"
    wait_quiet
    contention_start
    args=("^dev\.stackadvisor\.bench\.$name\$" -rf json -rff "$OUT/$tag-$attempt.json")
    if [ "$param" != "-" ]; then
      IFS=, read -ra kv <<<"$param"
      for p in "${kv[@]}"; do args+=(-p "$p"); done
    fi
    # shellcheck disable=SC2206
    [ -z "${JMH_ARGS:-}" ] || args+=(${JMH_ARGS})
    java -jar "$BENCH_JAR" "${args[@]}" >"$OUT/$tag-$attempt.log" 2>&1
    c="$(contention_stop)"; echo "$c"
    busy="$(sed -n 's/.*busy \([0-9]*\) of.*/\1/p' <<<"$c")"
    busy="${busy:-999}"
    grep -E ' (avgt|thrpt|sample|ss) ' "$OUT/$tag-$attempt.log" | tail -1 || true
    if [ "$busy" -lt "$best_busy" ]; then best="$attempt"; best_busy="$busy"; fi
    [ "$busy" -eq 0 ] && break
  done
  cp "$OUT/$tag-$best.json" "$OUT/$tag.json"; cp "$OUT/$tag-$best.log" "$OUT/$tag.log"
  printf '%s  (attempt %s; foreign CPU busy %s s)\n' "$(grep -E ' (avgt|thrpt|sample|ss) ' "$OUT/$tag.log" | tail -1)" "$best" "$best_busy" >>"$SUMMARY"
done
echo
echo "Results (parameter columns as JMH prints them):"
cat "$SUMMARY"
