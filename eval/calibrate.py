#!/usr/bin/env python3
"""Fit the confidence model of attributions and write it as Rust.

The confidence of an attribution (`high`, `medium`, `low`) is a logistic
model over four things the parser knows once an article is read: the class
its rule and mention alone give (`prior`), the rule with the kind of
mention, how many words the speaker's name has, and whether the speaker is
the one of the speech quotation before, by kind. All are categories, so the
model is a sum of table entries; the weights are fitted here on the
annotated samples already read (the dev gold and the blind samples whose
rounds are over, listed in SAMPLES), by Newton's method with an L2 penalty,
and written, in thousandths, to `src/parse/attribution/calibration.rs`.

The class thresholds come from predictions out of sample: each sample is
predicted by a model fitted on the others, and `high` starts where those
predictions are right at least 98 times in 100; `low` is where they are
right less often than not... (see THRESHOLDS below). Prints those figures.

Usage (from the project's root, after `cargo build --release --examples`;
needs numpy):
    python3 eval/calibrate.py            # fit, print figures, write the Rust
    python3 eval/calibrate.py --check    # the parser's classes equal the model's
"""
import argparse
import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))
import score  # noqa: E402  (the shared scorer: same matching, same speaker test)

SAMPLES = [
    "../shared/eval/dev.jsonl",
    "eval/blind-2026-12-05.jsonl",
    "eval/blind-2026-12-05b.jsonl",
    "eval/blind-2026-12-06.jsonl",
    "eval/blind-2026-12-07.jsonl",
    "eval/blind-2026-12-08.jsonl",
    "eval/blind-2026-12-09.jsonl",
    "eval/blind-2026-12-10.jsonl",
]
OUT = ROOT / "src/parse/attribution/calibration.rs"
L2 = 1.0  # penalty on the squared weights (the bias is free)
HIGH_PRECISION = 0.98  # out of sample, the least share right of `high`
LOW_BELOW = 0.5  # `low`: out of sample, right less often than this (a guess)


def features(pred, before):
    """The categories of a predicted quotation; `before` is the speaker name
    of the speech quotation before it in the article (None: none, or no name)."""
    a = pred.get("attribution") or {}
    s = pred.get("speaker") or {}
    kind = s.get("kind") or "none"
    name = s.get("name")
    words = min(len(name.split()), 3) if name else 0
    same = int(bool(name) and name == before)
    return [
        f"prior={a.get('prior')}",
        f"rule={a.get('rule')}/{kind}",
        f"words={words}",
        f"same={kind}/{same}",
    ]


def rows(cmd, samples):
    """(sample, features, right, predicted class) of every gold speech
    quotation the parser found with an attribution."""
    out = []
    for path in samples:
        gold = [json.loads(l) for l in open(ROOT / path, encoding="utf-8") if l.strip()]
        files = [str(ROOT.parent / "shared" / "corpus" / g["file"]) for g in gold]
        lines = subprocess.run([cmd, *files], capture_output=True, text=True, check=True).stdout.splitlines()
        for g, line in zip(gold, lines):
            pq = json.loads(line).get("quotations") or []
            before, names = None, []
            for q in pq:
                names.append(before)
                if q.get("speech"):
                    before = (q.get("speaker") or {}).get("name")
            gq = g.get("quotes") or []
            for i, j in score.match_quotes(gq, pq):
                q, p = gq[i], pq[j]
                if not q.get("speech") or not p.get("attribution"):
                    continue
                name = score.pred_speaker(p)
                ok = score.speaker_matches(q.get("speaker"), name) if q.get("speaker") else name is None
                out.append((path, features(p, names[j]), ok, p["attribution"]["confidence"]))
    return out


def fit(X, y):
    """L2-penalised logistic regression by Newton's method; X one-hot, column 0 the bias."""
    w = np.zeros(X.shape[1])
    pen = np.full(X.shape[1], L2)
    pen[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(X @ w)))
        g = X.T @ (p - y) + pen * w
        h = (X.T * (p * (1 - p))) @ X + np.diag(pen + 1e-9)
        step = np.linalg.solve(h, g)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def matrix(rows_, vocab):
    X = np.zeros((len(rows_), len(vocab) + 1))
    X[:, 0] = 1
    for r, (_, fs, _, _) in enumerate(rows_):
        for f in fs:
            if f in vocab:
                X[r, vocab[f]] = 1
    return X


def integer_model(rows_):
    vocab = {f: k + 1 for k, f in enumerate(sorted({f for _, fs, _, _ in rows_ for f in fs}))}
    y = np.array([ok for _, _, ok, _ in rows_], dtype=float)
    w = fit(matrix(rows_, vocab), y)
    bias = round(w[0] * 1000)
    weights = {f: round(w[k] * 1000) for f, k in vocab.items() if round(w[k] * 1000) != 0}
    return bias, weights


def logit(model, fs):
    bias, weights = model
    return bias + sum(weights.get(f, 0) for f in fs)


def thresholds(scored):
    """`high` from the top of the out-of-sample ranking down to where it
    stays right HIGH_PRECISION of the time; `low` below the logit of LOW_BELOW."""
    scored = sorted(scored, key=lambda t: -t[0])
    right, high = 0, None
    for n, (z, ok) in enumerate(scored, 1):
        right += ok
        # Cut only between different scores.
        if right / n >= HIGH_PRECISION and (n == len(scored) or scored[n][0] < z):
            high = z
    low = round(math.log(LOW_BELOW / (1 - LOW_BELOW)) * 1000)
    return high, low


def classify(z, high, low):
    return "high" if z >= high else "medium" if z >= low else "low"


def table(name, scored, high, low):
    tally = {c: [0, 0] for c in ("high", "medium", "low")}
    for z, ok in scored:
        t = tally[classify(z, high, low)]
        t[0] += 1
        t[1] += ok
    n = len(scored)
    print(f"{name}: " + ", ".join(f"{c} {t[1] / max(t[0], 1):.3f} right over {t[0] / n:.3f}" for c, t in tally.items()))


def rust_name(snake):
    return "".join(p.capitalize() for p in snake.split("_"))


def write_rust(model, high, low, n, samples):
    bias, weights = model
    def arms(prefix, key):
        out = []
        for f, v in sorted(weights.items()):
            if f.startswith(prefix):
                out.append(f"        {key(f[len(prefix):])} => {v},")
        return "\n".join(out)
    def prior(v):
        return f"C::{rust_name(v)}" if v != "None" else None
    def rule_kind(v):
        rule, kind = v.split("/")
        k = "None" if kind == "none" else f"Some(K::{rust_name(kind)})"
        return f"(R::{rust_name(rule)}, {k})"
    def same(v):
        kind, s = v.split("/")
        k = "None" if kind == "none" else f"Some(K::{rust_name(kind)})"
        return f"({k}, {'true' if s == '1' else 'false'})"
    prior_rest = "" if sum(f.startswith("prior=") for f in weights) == 3 else "\n        _ => 0,"
    names = "\n".join(f"//! - `{s}`" for s in samples)
    body = f"""//! The confidence model, generated by `python3 eval/calibrate.py` (do not
//! edit by hand) from {n} speech quotations of the annotated samples:
{names}
//!
//! Weights in thousandths of a logit.

use crate::{{AttributionRule as R, Confidence as C, MentionKind as K}};

/// The logit of the speaker being right, in thousandths, and the class it
/// falls in: `prior` the class of the rule and mention alone, `words` the
/// words of the speaker's name (0 to 3, 3 for more), `same` whether the
/// speech quotation before has the same speaker.
pub(super) fn logit(prior: C, rule: R, kind: Option<K>, words: usize, same: bool) -> i32 {{
    let prior = match prior {{
{arms('prior=', prior)}{prior_rest}
    }};
    let rule_kind = match (rule, kind) {{
{arms('rule=', rule_kind)}
        _ => 0,
    }};
    let words = match words {{
{arms('words=', lambda v: v)}
        _ => 0,
    }};
    let same = match (kind, same) {{
{arms('same=', same)}
        _ => 0,
    }};
    {bias} + prior + rule_kind + words + same
}}

/// The least logit of `high`: out of sample, right at least {HIGH_PRECISION} of the time.
pub(super) const HIGH: i32 = {high};
/// The least logit of `medium`: below it, right less often than not.
pub(super) const MEDIUM: i32 = {low};
"""
    OUT.write_text(body)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cmd", default=str(ROOT / "target/release/examples/parse"))
    ap.add_argument("--check", action="store_true", help="compare the parser's classes with the model's")
    a = ap.parse_args()
    data = rows(a.cmd, SAMPLES)
    print(f"speech quotations with an attribution: {len(data)}")
    # Out of sample: each sample predicted by a model fitted on the others.
    oos = []
    for s in SAMPLES:
        m = integer_model([r for r in data if r[0] != s])
        oos += [(logit(m, fs), ok, s) for smp, fs, ok, _ in data if smp == s]
    high, low = thresholds([(z, ok) for z, ok, _ in oos])
    print(f"thresholds (thousandths of a logit): high >= {high}, medium >= {low}")
    table("out of sample, all", [(z, ok) for z, ok, _ in oos], high, low)
    for s in SAMPLES:
        table(f"  {Path(s).name}", [(z, ok) for z, ok, smp in oos if smp == s], high, low)
    model = integer_model(data)
    table("in sample (the model written)", [(logit(model, fs), ok) for _, fs, ok, _ in data], high, low)
    if a.check:
        bad = [(fs, c) for _, fs, _, c in data if classify(logit(model, fs), high, low) != c]
        print(f"parser's class differs from the model's: {len(bad)} of {len(data)}")
        for fs, c in bad[:10]:
            print("  ", c, fs)
        sys.exit(1 if bad else 0)
    write_rust(model, high, low, len(data), SAMPLES)
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
