#!/usr/bin/env bash
# Repeats the measurements behind the cosine and coverage thresholds of src/main/resources/analysis/tuning.json:
# runs `stack-advisor.jar explain` (one row per question: gate verdict, best passage coverage and cosine, nearest
# example phrasing, closest sentence about a named framework) over the question files here and the first turns of
# the dev eval set, in hybrid and keyword mode, and prints the ranges each threshold sits between.
#
#   bench/calibration/calibrate.sh [EVAL_JSONL]      (default ../shared/eval/dev.jsonl beside the project)
#
# Builds nothing: expects target/stack-advisor.jar (mvn -B -q package -DskipTests). JAR=... for another jar.
# Raw rows: bench/calibration/target/<file>.<mode>.tsv.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAR="${JAR:-$ROOT/target/stack-advisor.jar}"
EVAL="${1:-$ROOT/../shared/eval/dev.jsonl}"
OUT="$HERE/target"
[ -f "$JAR" ] || { echo "calibrate.sh: build $JAR first" >&2; exit 2; }
[ -f "$EVAL" ] || { echo "calibrate.sh: no eval file $EVAL" >&2; exit 2; }
mkdir -p "$OUT"
# in-domain: first turns of the dev cases that are not meant to be refused
python3 - "$EVAL" > "$OUT/in-domain.txt" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    if line.strip():
        c = json.loads(line)
        if not c.get("expect_refusal") and c.get("kind") not in ("followup",):
            print(c["turns"][0])
PY
cd "$ROOT"
for mode in hybrid keyword; do
  for f in in-domain off-topic named-in-scope named-out-of-scope aspects-without-cue-words intent-without-cues; do
    src="$HERE/$f.txt"; [ -f "$src" ] || src="$OUT/$f.txt"
    ADVISOR_RETRIEVAL=$mode java -jar "$JAR" explain "$src" 2>/dev/null | grep -v -E '^[0-9:.]+ (INFO|WARN)' > "$OUT/$f.$mode.tsv"
  done
done
python3 - "$OUT" <<'PY'
import csv, sys, os
out = sys.argv[1]
def rows(name, mode):
    with open(os.path.join(out, f"{name}.{mode}.tsv")) as f:
        return list(csv.DictReader(f, delimiter="\t"))
def rng(values):
    v = sorted(x for x in values if x == x)
    return f"{v[0]:.3f}-{v[-1]:.3f} (n={len(v)})" if v else "none"
def num(r, k):
    try: return float(r[k])
    except ValueError: return float("nan")
def separation(threshold, mode, column):
    """in-domain questions naming no framework against off-topic ones, on one column of one mode"""
    print(f"{threshold} ({mode}, column '{column}', questions naming no framework):")
    ind = [r for r in rows("in-domain", mode) if r["frameworks"] == "[]"]
    off = rows("off-topic", mode)
    print("  in-domain", rng(num(r, column) for r in ind), "| off-topic", rng(num(r, column) for r in off))
    print("  off-topic refused:", sum(r["gate"] != "ok" for r in off), "of", len(off),
          "| in-domain let through:", sum(r["gate"] == "ok" for r in ind), "of", len(ind))
separation("gate.minDense / minDenseWithWords", "hybrid", "passage cos")
separation("gate.minKeywordCoverage", "keyword", "coverage")
print("gate.minMeaning (hybrid, column 'sentence cos', of the questions the words alone refuse: unknown_terms in keyword mode):")
for name in ("named-in-scope", "named-out-of-scope"):
    words = {r["question"]: r["gate"] for r in rows(name, "keyword")}
    hyb = rows(name, "hybrid")
    refused = [r for r in hyb if words.get(r["question"]) == "unknown_terms"]
    print(f"  {name}: words alone refuse {len(refused)} of {len(hyb)}, their sentence cos", rng(num(r, "sentence cos") for r in refused),
          "| hybrid gate ok:", sum(r["gate"] == "ok" for r in hyb))
print("  keyword mode (words only): named-in-scope passed", sum(r["gate"] == "ok" for r in rows("named-in-scope", "keyword")),
      "| named-out-of-scope refused", sum(r["gate"] != "ok" for r in rows("named-out-of-scope", "keyword")))
print("analysis.prototypeMinSimilarity (hybrid, aspects-without-cue-words.txt, column 'phrasing cos', aspect given):")
for r in rows("aspects-without-cue-words", "hybrid"):
    print(f"  {num(r, 'phrasing cos'):.3f}  aspect={r['aspect']:<9} {r['question']}")
print("analysis.intentMinSimilarity (hybrid, intent-without-cues.txt: the first 8 ask what to build with):")
for i, r in enumerate(rows("intent-without-cues", "hybrid")):
    want = "SCENARIO" if i < 8 else "CONCEPT"
    print(f"  {num(r, 'intent cos'):.3f}  intent={r['intent']:<8} {'ok ' if r['intent'] == want else 'BAD'} {r['question']}")
PY
