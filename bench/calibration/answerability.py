#!/usr/bin/env python3
"""Cross-validates answer selection's answerability bars (tuning.json selection.minKeywordAnswerable,
minHybridAnswerable, minCosineAnswerable) on the Slack-style questions of our own.

Usage (from the project root, after `mvn -q package -DskipTests`, with a corpus of corpus/ plus the documentation
pages in CORPUS, e.g. as EvalTest builds it):
    CORPUS=/tmp/cdocs python3 bench/calibration/answerability.py

It runs `explain` over the single-turn questions of slack-questions.jsonl in both modes, keeps the specific questions
the relevance gate let through (gate ok or no_answer), and for each mode reports 5-fold cross-validation of the rule
'answerable when best coverage >= a (or, hybrid, best candidate cosine >= b)': the value each fold picks on its four
training folds and the accuracy on the held-out fold, then the accuracy landscape over the whole set.
"""
import json, os, random, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
QUESTIONS = os.path.join(ROOT, 'bench', 'calibration', 'slack-questions.jsonl')
JAR = os.path.join(ROOT, 'target', 'stack-advisor.jar')


def explain(mode, questions):
    path = '/tmp/answerability-questions.txt'
    with open(path, 'w') as f:
        f.write('\n'.join(q['turns'][0].replace('\t', ' ').replace('\n', ' ') for q in questions) + '\n')
    env = dict(os.environ, ADVISOR_RETRIEVAL=mode, ADVISOR_CORPUS_DIR=os.environ.get('CORPUS', 'corpus'))
    out = subprocess.run(['java', '-jar', JAR, 'explain', path], env=env, capture_output=True, text=True).stdout
    by_text = {q['turns'][0].replace('\t', ' ').replace('\n', ' '): q for q in questions}
    rows, record = [], []
    for line in out.split('\n')[1:]:
        head = line.split('\t')[0]
        if head in by_text and len(line.split('\t')) >= 17:
            record.append(line)
    for line in record:
        f = line.split('\t')
        q = by_text[f[0]]
        if f[14] == 'SPECIFIC' and f[6] in ('ok', 'no_answer'):
            rows.append((q['expect_refusal'], float(f[15]), float(f[16]) if f[16] != 'NaN' else -1.0))
    return rows


def accuracy(rows, a, b):
    return sum(1 for refuse, cov, cos in rows if (cov >= a or cos >= b) != refuse) / len(rows)


def main():
    questions = [json.loads(l) for l in open(QUESTIONS) if l.strip()]
    single = [q for q in questions if len(q['turns']) == 1]
    grid_a = [x / 100 for x in range(10, 90, 5)]
    for mode in ('hybrid', 'keyword'):
        rows = explain(mode, single)
        grid_b = [x / 100 for x in range(30, 44, 2)] if mode == 'hybrid' else [9.0]
        random.seed(7)
        random.shuffle(rows)
        k = 5
        folds = [rows[i::k] for i in range(k)]
        held, picks = 0.0, []
        for i in range(k):
            train = [r for j in range(k) if j != i for r in folds[j]]
            best = max(((accuracy(train, a, b), -a, -b, a, b) for a in grid_a for b in grid_b))
            picks.append((best[3], best[4] if mode == 'hybrid' else None))
            held += accuracy(folds[i], best[3], best[4]) * len(folds[i])
        print(f"{mode}: {len(rows)} specific questions, {sum(r[0] for r in rows)} to refuse; folds picked {picks}; "
              f"held-out accuracy {held / len(rows):.3f}")
        for a in grid_a:
            print(f"  coverage {a:.2f}: " + ' '.join(f"{b:.2f}:{accuracy(rows, a, b):.3f}" for b in grid_b))


if __name__ == '__main__':
    sys.exit(main())
