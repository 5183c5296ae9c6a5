#!/usr/bin/env bash
# What runtime ingestion costs: starts the jar on a copy of corpus/ (its own directory under bench/target, so
# corpus/ is never changed) with an admin key, then RUNS times uploads a 7-sentence article and deletes it,
# printing each re-index's duration as the server reports it (reindexMs: write, load, index, swap), the passages
# embedded for the upload (GET /health embeddedPassages), and at the end the server's advisor_reindex_seconds.
#
#   bench/ingest.sh [MODE] [RUNS]     MODE hybrid (default) or keyword; RUNS 1..20 (default 5)
#
# Builds nothing: expects target/stack-advisor.jar (override with JAR=...). Loopback only. The embedding cache is
# the startup bench's (bench/target/startup-cache), warm after bench/startup.sh warm-hybrid.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

MODE="${1:-hybrid}"; RUNS="${2:-5}"
case "$MODE" in hybrid|keyword) ;; *) die "MODE must be hybrid or keyword (usage: $0 [MODE] [RUNS])" ;; esac
[[ "$RUNS" =~ ^[0-9]+$ ]] && [ "$RUNS" -ge 1 ] && [ "$RUNS" -le 20 ] || die "RUNS must be 1..20"
require_jar
snapshot_jar
echo "jar under test: $JAR built $(date -r "$JAR" '+%F %T'); load: $(cut -d' ' -f1-3 /proc/loadavg)"

export CORPUS_DIR="$BENCH_DIR/target/ingest-corpus"
rm -rf "$CORPUS_DIR" && mkdir -p "$CORPUS_DIR" && cp "$ROOT"/corpus/* "$CORPUS_DIR"/
KEY="bench-admin-$$"
export ADVISOR_ADMIN_KEYS="$KEY"
start_server "$MODE" "$BENCH_DIR/target/startup-cache" "$BENCH_DIR/target/ingest.log"
wait_ready 180 || { tail -20 "$BENCH_DIR/target/ingest.log"; exit 1; }
BASE="http://127.0.0.1:$PORT"

BODY="$(python3 - <<'PY'
import json
text = """Request coalescing for Fastify APIs

Quillpipe for Fastify
Quillpipe is a Fastify plugin that coalesces identical concurrent GET requests into one handler call.
In our load test a burst of 500 identical requests reached the database only once with Quillpipe enabled.
Quillpipe suits read-heavy Fastify APIs such as product catalogues and public dashboards.
Do not enable Quillpipe on routes whose responses depend on the caller's session.

When to reach for it
Teams with cache stampedes on hot endpoints see the largest gains.
It adds no value to write-heavy services, where requests rarely repeat.
"""
print(json.dumps({"id": "bench_ingest", "title": "Request coalescing for Fastify APIs", "format": "txt", "text": text}))
PY
)"
field() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p"; }
for i in $(seq 1 "$RUNS"); do
  up="$(curl -s --max-time 60 -X POST "$BASE/api/documents" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d "$BODY")"
  embedded="$(curl -s --max-time 2 "$BASE/health" | field embeddedPassages)"
  down="$(curl -s --max-time 60 -X DELETE "$BASE/api/documents/bench_ingest" -H "Authorization: Bearer $KEY")"
  echo "run $i: upload reindexMs $(field reindexMs <<<"$up") (passages $(field passages <<<"$up"), embedded now ${embedded:-?}); delete reindexMs $(field reindexMs <<<"$down")"
done
curl -s --max-time 2 "$BASE/metrics" | grep '^advisor_reindex_seconds' || true
stop_server
rm -rf "$CORPUS_DIR"
