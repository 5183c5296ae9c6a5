#!/usr/bin/env python3
"""Sweeps one or more tuning values over an eval-format question file and cross-validates the choice by eval passes.

Usage (from the project root, after `mvn -q package -DskipTests`):
    CORPUS=/tmp/cdocs python3 bench/calibration/sweep_selection.py MODE FILE.jsonl selection.leadMargin 0.2 0.35 0.5 1.0

For each value it writes a copy of src/main/resources/analysis/tuning.json with the value changed, runs
`eval FILE --verbose` with ADVISOR_TUNING_FILE pointing at it, and records which cases pass; then 5-fold
cross-validation: each fold picks the value with the most training passes (ties to the middle value) and is scored
on its held-out cases.
"""
import json, os, random, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    mode, questions, key, *values = sys.argv[1:]
    section, name = key.split('.')
    base = json.load(open(os.path.join(ROOT, 'src', 'main', 'resources', 'analysis', 'tuning.json')))
    runs = {}
    for v in values:
        t = json.loads(json.dumps(base))
        t[section][name]['value'] = float(v) if '.' in v else int(v)
        with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
            json.dump(t, f)
        env = dict(os.environ, ADVISOR_RETRIEVAL=mode, ADVISOR_TUNING_FILE=f.name,
                   ADVISOR_CORPUS_DIR=os.environ.get('CORPUS', 'corpus'))
        out = subprocess.run(['java', '-jar', os.path.join(ROOT, 'target', 'stack-advisor.jar'), 'eval', questions,
                              '--verbose'], env=env, capture_output=True, text=True).stdout
        runs[v] = {m.group(2): m.group(1) == 'PASS' for m in re.finditer(r'^(PASS|FAIL) (\S+) ', out, re.M)}
        print(f"{mode} {key}={v}: {sum(runs[v].values())}/{len(runs[v])} pass", flush=True)
    ids = sorted(next(iter(runs.values())))
    random.seed(11)
    random.shuffle(ids)
    k = 5
    folds = [ids[i::k] for i in range(k)]
    middle = values[len(values) // 2]
    held, picks = 0, []
    for i in range(k):
        train = [x for j in range(k) if j != i for x in folds[j]]
        best = max(values, key=lambda v: (sum(runs[v][x] for x in train), v == middle))
        picks.append(best)
        held += sum(runs[best][x] for x in folds[i])
    print(f"folds picked {picks}; held-out {held}/{len(ids)} = {held / len(ids):.3f}")


if __name__ == '__main__':
    sys.exit(main())
