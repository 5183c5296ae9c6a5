# Shared helpers for load.sh and startup.sh (sourced, not run). Loopback only; nothing here builds anything.
# Every server started here is remembered in SERVER_PID and stopped by its PID (stop_server / the EXIT trap).

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
JAR="${JAR:-$ROOT/target/stack-advisor.jar}"
SERVER_PID=""

die() { echo "error: $*" >&2; exit 2; }

require_jar() {
  [ -f "$JAR" ] || die "$JAR is missing: build it first with (cd $ROOT && mvn -q -B package -DskipTests)"
  command -v curl >/dev/null || die "curl is required"
}

# The main jar can be rebuilt by someone else while a benchmark runs; a JVM whose jar is replaced under it
# fails on the next class it loads. Run from a private copy instead.
snapshot_jar() {
  mkdir -p "$BENCH_DIR/target"
  RUN_JAR="$BENCH_DIR/target/stack-advisor-under-test-$$.jar"   # per run: concurrent runs do not share it
  cp "$JAR" "$RUN_JAR"
}

# A free TCP port on 127.0.0.1 (the kernel picks it; the tiny race before the server binds is acceptable here).
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# start_server MODE CACHE_DIR LOG: starts the jar on a free loopback port; sets SERVER_PID, PORT, START_MS.
# The corpus is $ROOT/corpus unless CORPUS_DIR names another directory. The warm-up before /ready (up to 180 s by
# the server's default) is off unless ADVISOR_WARMUP_SECONDS says otherwise: warmup.sh and jit_windows.sh measure it;
# the other benchmarks measure a steady state (after their own load) or the start-up itself.
start_server() {
  local mode="$1" cache="$2" log="$3"
  PORT="$(free_port)"
  START_MS="$(now_ms)"
  HOST=127.0.0.1 PORT="$PORT" ADVISOR_WARMUP_SECONDS="${ADVISOR_WARMUP_SECONDS:-0}" ADVISOR_RETRIEVAL="$mode" ADVISOR_CORPUS_DIR="${CORPUS_DIR:-$ROOT/corpus}" \
    ADVISOR_PROMPTS_DIR="$ROOT/prompts" ADVISOR_CACHE_DIR="$cache" \
    java ${JAVA_OPTS:-} -jar "$RUN_JAR" serve >"$log" 2>&1 &
  SERVER_PID=$!
}

# wait_ready TIMEOUT_S: polls GET /ready every 50 ms until 200; sets READY_MS (ms since start_server).
wait_ready() {
  local timeout_ms=$(( ${1:-120} * 1000 )) code
  while :; do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$PORT/ready" || true)"
    if [ "$code" = "200" ]; then
      READY_MS=$(( $(now_ms) - START_MS ))
      return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited before ready" >&2; return 1; }
    [ $(( $(now_ms) - START_MS )) -lt "$timeout_ms" ] || { echo "not ready after ${1:-120}s" >&2; return 1; }
    sleep 0.05
  done
}

# VmHWM (peak resident set) of the server, in MiB; read before stopping it.
peak_rss_mib() {
  awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status"
}

# Other work on this 2-core machine (builds, test runs, someone else's benchmark) skews every number.
# cpuwatch.py tells our process tree (this script and everything it started) from the rest.
ROOT_PID=$$

# wait_quiet: before measuring, wait (up to $QUIET_WAIT s, default 600; 0 = don't wait) until foreign
# processes have used under 10 % of one core for 10 s in a row.
wait_quiet() {
  [ "${QUIET_WAIT:-600}" -gt 0 ] || return 0
  python3 "$BENCH_DIR/cpuwatch.py" wait "$ROOT_PID" 10 "${QUIET_WAIT:-600}"
}

# contention_start / contention_stop: watch foreign CPU use while we measure; contention_stop prints
# "foreign CPU during the measurement: busy N of M s, X CPU-s (top commands)".
contention_start() {
  CONTENTION_FILE="$(mktemp)"
  python3 "$BENCH_DIR/cpuwatch.py" watch "$ROOT_PID" >"$CONTENTION_FILE" 2>/dev/null &
  CONTENTION_PID=$!
}
contention_stop() {
  [ -n "${CONTENTION_PID:-}" ] || return 0
  kill "$CONTENTION_PID" 2>/dev/null || true
  # the watcher prints its summary on SIGTERM; wait for the file, not the PID (callers may be in a subshell)
  for _ in $(seq 1 50); do [ -s "$CONTENTION_FILE" ] && break; sleep 0.1; done
  wait "$CONTENTION_PID" 2>/dev/null || true
  CONTENTION_PID=""
  cat "$CONTENTION_FILE"
  rm -f "$CONTENTION_FILE"
}

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -9 "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
cleanup() { contention_stop >/dev/null 2>&1 || true; stop_server; [ -z "${RUN_JAR:-}" ] || rm -f "$RUN_JAR"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
