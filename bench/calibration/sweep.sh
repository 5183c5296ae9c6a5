#!/usr/bin/env bash
# Eval pass rates of both dev files in both retrieval modes with one tuning value changed: what the integer and
# weight values of src/main/resources/analysis/tuning.json were checked on.
#
#   bench/calibration/sweep.sh SECTION.KEY VALUE...        e.g. sweep.sh retrieval.synonymWeight 0.2 0.3 0.5
#
# For each VALUE: a copy of tuning.json with that value (ADVISOR_TUNING_FILE), then `eval dev.jsonl
# dev-paraphrase.jsonl` per mode (one JVM each). Prints one row per value: pass counts dev / paraphrase, hybrid and
# keyword. Expects target/stack-advisor.jar; EVAL_DIR (default ../shared/eval beside the project), JAR=... to override.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAR="${JAR:-$ROOT/target/stack-advisor.jar}"
EVAL_DIR="${EVAL_DIR:-$ROOT/../shared/eval}"
[ $# -ge 2 ] || { echo "usage: $0 SECTION.KEY VALUE..." >&2; exit 2; }
KEY="$1"; shift
[ -f "$JAR" ] || { echo "sweep.sh: build $JAR first" >&2; exit 2; }
OUT="$HERE/target/sweep"; mkdir -p "$OUT"
cd "$ROOT"
printf '%-36s %-10s %-22s %-22s\n' "$KEY" value "hybrid dev / para" "keyword dev / para"
for v in "$@"; do
  file="$OUT/tuning-$KEY-$v.json"
  python3 - "$ROOT/src/main/resources/analysis/tuning.json" "$KEY" "$v" "$file" <<'PY'
import json, sys
src, key, value, dst = sys.argv[1:]
d = json.load(open(src))
section, name = key.split(".")
if name not in d.get(section, {}):
    sys.exit(f"no {key} in tuning.json")
old = d[section][name]["value"]
d[section][name]["value"] = int(value) if isinstance(old, int) and value.lstrip("-").isdigit() else float(value)
json.dump(d, open(dst, "w"), indent=1)
PY
  row=()
  for mode in hybrid keyword; do
    ADVISOR_TUNING_FILE="$file" ADVISOR_RETRIEVAL=$mode java -jar "$JAR" eval "$EVAL_DIR/dev.jsonl" \
      "$EVAL_DIR/dev-paraphrase.jsonl" > "$OUT/$KEY-$v.$mode.txt" 2>&1 || { echo "eval failed: $OUT/$KEY-$v.$mode.txt" >&2; exit 1; }
    row+=("$(grep '^overall' "$OUT/$KEY-$v.$mode.txt" | awk '{print $2}' | paste -sd' ' | sed 's/ / \/ /')")
  done
  printf '%-36s %-10s %-22s %-22s\n' "" "$v" "${row[0]}" "${row[1]}"
done
