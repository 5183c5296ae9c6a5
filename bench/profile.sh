#!/usr/bin/env bash
# Where an uncached /api/chat request's CPU goes: async-profiler (CPU samples with native frames, so ONNX Runtime
# and the tokenizer show) on a server under wrk load, on 127.0.0.1 only, bounded in time.
#
#   bench/profile.sh [CONNECTIONS] [SECONDS]      (defaults 16 and 20; 1..64 and 5..120)
#
# Starts the jar (hybrid, -XX:+DebugNonSafepoints for exact Java lines), warms it up for $WARMUP_S s (default 60)
# with bench/questions.py questions walked from the list's end, attaches async-profiler with jcmd
# (JVMTI.agent_load: no restart, the warm-up is not recorded), profiles SECONDS of the same load from the list's
# start, and writes bench/target/profile/cpu.collapsed (one line per distinct stack with its thread, "[thread];frame;...
# COUNT": for flamegraph tools or grep) and a summary: CPU samples per thread group, then the request threads'
# project frames as a tree (inclusive shares). async-profiler is not a dependency of the project: it is fetched
# once into the local Maven repository (tools.profiler:async-profiler:4.1, linux-x64) when missing.
# Needs target/stack-advisor.jar (mvn -q -B package -DskipTests), wrk, jcmd (the JDK), perf events allowed or
# async-profiler's itimer fallback (it picks itself).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

CONNS="${1:-16}"; SECONDS_PROFILED="${2:-20}"; WARMUP="${WARMUP_S:-60}"
[[ "$CONNS" =~ ^[0-9]+$ ]] && [ "$CONNS" -ge 1 ] && [ "$CONNS" -le 64 ] || die "CONNECTIONS must be 1..64"
[[ "$SECONDS_PROFILED" =~ ^[0-9]+$ ]] && [ "$SECONDS_PROFILED" -ge 5 ] && [ "$SECONDS_PROFILED" -le 120 ] || die "SECONDS must be 5..120"
[[ "$WARMUP" =~ ^[0-9]+$ ]] && [ "$WARMUP" -ge 10 ] && [ "$WARMUP" -le 300 ] || die "WARMUP_S must be 10..300"
command -v wrk >/dev/null || die "wrk is missing: apt-get update && apt-get install -y wrk"
command -v jcmd >/dev/null || die "jcmd (from the JDK) is missing"
require_jar

AP_VERSION=4.1
AP_JAR="$HOME/.m2/repository/tools/profiler/async-profiler/$AP_VERSION/async-profiler-$AP_VERSION-linux-x64.jar"
if [ ! -f "$AP_JAR" ]; then
  (cd "$ROOT" && mvn -q -B dependency:get -Dartifact="tools.profiler:async-profiler:$AP_VERSION:jar:linux-x64") \
    || die "could not fetch async-profiler $AP_VERSION from Maven Central"
fi
OUT="$BENCH_DIR/target/profile"
rm -rf "$OUT"; mkdir -p "$OUT"
(cd "$OUT" && unzip -q -o "$AP_JAR" 'linux-x64/*')
LIB="$OUT/linux-x64/libasyncProfiler.so"
[ -f "$LIB" ] || die "no libasyncProfiler.so in $AP_JAR"

snapshot_jar
QUESTIONS="$BENCH_DIR/target/questions-fresh.txt"
python3 "$BENCH_DIR/questions.py" 96000 >"$QUESTIONS"
JAVA_OPTS="${JAVA_OPTS:-} -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints" \
  start_server hybrid "$BENCH_DIR/target/profile-cache" "$OUT/server.log"
wait_ready 180 || { tail -20 "$OUT/server.log"; exit 1; }
URL="http://127.0.0.1:$PORT/api/chat"
THREADS=1; [ "$CONNS" -lt 2 ] || THREADS=2
echo "warm-up: $WARMUP s at $CONNS connections (not profiled)"
wrk -t"$THREADS" -c"$CONNS" -d"${WARMUP}s" -s "$BENCH_DIR/chat.lua" "$URL" -- "file=$QUESTIONS" end "$THREADS" | grep '^requests:'
wait_quiet
# jcmd reads NAME=VALUE as its own option: the agent's options go in double quotes
jcmd "$SERVER_PID" JVMTI.agent_load "$LIB" "\"start,event=cpu,interval=1ms,threads,file=$OUT/cpu.collapsed,collapsed\"" >/dev/null
contention_start
wrk -t"$THREADS" -c"$CONNS" -d"${SECONDS_PROFILED}s" --latency -s "$BENCH_DIR/chat.lua" "$URL" -- "file=$QUESTIONS" 0 "$THREADS" \
  | grep -E '^requests:|^non-2xx|50%|99%'
echo "$(contention_stop)"
jcmd "$SERVER_PID" JVMTI.agent_load "$LIB" "\"stop,file=$OUT/cpu.collapsed,collapsed,threads\"" >/dev/null
stop_server
[ -s "$OUT/cpu.collapsed" ] || die "async-profiler wrote no samples (see $OUT/server.log)"
python3 - "$OUT/cpu.collapsed" <<'PY'
import collections, re, sys
groups = collections.Counter(); tree = {}; total = requests = 0
def short(frame):
    return re.sub(r"\$\$Lambda\$\d+\.0x[0-9a-f]+", "$$Lambda", frame.split("/")[-1])
for line in open(sys.argv[1]):
    stack, n = line.rstrip().rsplit(" ", 1)
    n = int(n); frames = stack.split(";")
    thread = re.sub(r"[-#]?\d+$", "", re.sub(r" tid=.*", "", frames[0].strip("[]")))
    groups[thread] += n; total += n
    if not thread.startswith("JettyServerThreadPool"):
        continue
    requests += n
    node = tree
    for f in [short(f) for f in frames[1:] if f.startswith("dev/stackadvisor") or "huggingface/tokenizers" in f][:14]:
        entry = node.setdefault(f, [0, {}]); entry[0] += n; node = entry[1]
print(f"{total} CPU samples; by thread group:")
for name, n in groups.most_common(8):
    print(f"  {100 * n / total:5.1f} %  {name}")
print("request threads (JettyServerThreadPool), project frames, inclusive share of their samples (>= 1 %):")
def show(node, indent):
    for name, (n, children) in sorted(node.items(), key=lambda e: -e[1][0]):
        if 100 * n / max(requests, 1) >= 1:
            print(f"  {' ' * indent}{100 * n / requests:5.1f} %  {name}")
            show(children, indent + 2)
show(tree, 0)
PY
echo "stacks: $OUT/cpu.collapsed"
