#!/usr/bin/env python3
"""Precision and coverage of attributions by rule, mention and confidence.

Runs the `parse` example over a gold sample's articles, matches quotations
as `../shared/eval/score.py` does, and for each gold speech quotation found
tells whether the speaker is right. Prints, by key (confidence class by
default; `--by prior` for the class of the rule alone, `--by rule`
or `--by feature` for the calibration table), the
quotations, how many have the right speaker, and the share of all speech
quotations of the sample they cover.

Usage (from the project's root):
    python3 eval/confidence.py --gold ../shared/eval/dev.jsonl [--by confidence|prior|rule|feature]
"""
import argparse
import collections
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))
import score  # noqa: E402  (the shared scorer: same matching, same speaker test)


def feature(q):
    a = q.get("attribution") or {}
    s = q.get("speaker") or {}
    return f"{a.get('rule')}/{a.get('mention_rule')}/{s.get('kind')}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", required=True)
    ap.add_argument("--cmd", default=str(ROOT / "target/release/examples/parse"))
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--by", default="confidence", choices=["confidence", "prior", "rule", "feature"])
    a = ap.parse_args()
    gold = [json.loads(l) for l in open(a.gold, encoding="utf-8") if l.strip()]
    files = [str(Path(a.corpus) / g["file"]) for g in gold]
    out = subprocess.run([a.cmd, *files], capture_output=True, text=True, check=False).stdout
    preds = [json.loads(l) for l in out.splitlines() if l.strip()]
    tally = collections.defaultdict(lambda: [0, 0])
    speech = 0
    for g, p in zip(gold, preds):
        gq, pq = g.get("quotes") or [], p.get("quotations") or []
        matched = dict(score.match_quotes(gq, pq))
        for i, q in enumerate(gq):
            if not q.get("speech"):
                continue
            speech += 1
            j = matched.get(i)
            if j is None:
                key = "(not found)"
                ok = False
            else:
                pred = pq[j]
                if a.by in ("confidence", "prior"):
                    key = (pred.get("attribution") or {}).get(a.by) or "(none)"
                elif a.by == "rule":
                    key = (pred.get("attribution") or {}).get("rule") or "(none)"
                else:
                    key = feature(pred)
                name = score.pred_speaker(pred)
                ok = score.speaker_matches(q.get("speaker"), name) if q.get("speaker") else name is None
            tally[key][0] += 1
            tally[key][1] += ok
    print(f"{'key':<60} {'quotes':>6} {'right':>6} {'prec':>6} {'cover':>6}")
    for key, (n, r) in sorted(tally.items(), key=lambda kv: -kv[1][0]):
        print(f"{key:<60} {n:>6} {r:>6} {r / n:>6.3f} {n / speech:>6.3f}")
    print(f"speech quotations: {speech}")


if __name__ == "__main__":
    main()
