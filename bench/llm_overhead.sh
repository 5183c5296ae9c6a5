#!/usr/bin/env bash
# The overhead Stack Advisor adds around an LLM call: wrk against an instant OpenAI-compatible stand-in
# (bench/llm_standin.py) alone, then against POST /api/chat with LLM_PROVIDER=openai pointed at it.
# overhead = /api/chat latency - stand-in latency (question analysis, retrieval, prompt, citation check, HTTP).
# Loopback only, bounded: DURATION_S seconds each (default 20), 1 connection (latency, not throughput).
#
#   bench/llm_overhead.sh [MODE] [DURATION_S]      MODE = keyword | hybrid (default hybrid)
# Expects target/stack-advisor.jar (mvn -q -B package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-hybrid}"; DURATION="${2:-20}"
case "$MODE" in keyword|hybrid) ;; *) echo "MODE must be keyword or hybrid" >&2; exit 2;; esac
[[ "$DURATION" =~ ^[0-9]+$ ]] && [ "$DURATION" -ge 1 ] && [ "$DURATION" -le 120 ] || { echo "DURATION_S must be 1..120" >&2; exit 2; }
[ -f target/stack-advisor.jar ] || { echo "build target/stack-advisor.jar first" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
LLM_PORT=$(free_port); PORT=$(free_port)
python3 bench/llm_standin.py "$LLM_PORT" & LLM_PID=$!
mkdir -p bench/target
PORT=$PORT ADVISOR_WARMUP_SECONDS=0 ADVISOR_RETRIEVAL=$MODE ADVISOR_CACHE_DIR=bench/target/load-cache LLM_PROVIDER=openai \
  LLM_BASE_URL="http://127.0.0.1:$LLM_PORT/v1" LLM_MODEL=standin LLM_API_KEY=none \
  java -jar target/stack-advisor.jar > bench/target/llm-overhead-server.log 2>&1 & SERVER_PID=$!
trap 'kill $SERVER_PID $LLM_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 1800); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/ready")" = 200 ] && break; sleep 0.1
done
curl -s "http://127.0.0.1:$PORT/api/chat" -H 'Content-Type: application/json' -d '{"message":"fastify vs nestjs?"}' \
  | grep -q '"mode":"llm"' || { echo "the server does not answer with the LLM" >&2; exit 1; }

cat > bench/target/standin.lua <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"model":"standin","messages":[{"role":"user","content":"hi"}]}'
LUA
echo "== the stand-in alone (POST /v1/chat/completions), 1 connection, ${DURATION}s"
wrk -t1 -c1 -d"${DURATION}s" --latency -s bench/target/standin.lua "http://127.0.0.1:$LLM_PORT/v1/chat/completions"
echo "== POST /api/chat with the LLM (unique questions, retrieval=$MODE), 1 connection, ${DURATION}s"
wrk -t1 -c1 -d"${DURATION}s" --latency -s bench/chat.lua "http://127.0.0.1:$PORT/api/chat" -- unique
echo "LLM calls: $(curl -s "http://127.0.0.1:$PORT/metrics" | grep '^advisor_llm_calls_total' | tr '\n' ' ')"
