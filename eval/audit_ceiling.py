#!/usr/bin/env python3
"""make eval, audit part: how far profile-only fields can go on the hand-labelled SRF Instagram
followers (../shared/data/audit/srf-instagram-2017). A logistic regression on every field the file
has (log following, log followers, log posts, their log ratio, no picture, private, digits in the
user name) is fitted to SRF itself and scored by 5-fold cross-validation: an upper reference for
any rule set that, like tracker's verdict, is not fitted to this data."""
import csv
import math
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("TRACKER_SHARED", os.path.join(ROOT, "..", "shared"))
FILE = os.path.join(SHARED, "data", "audit", "srf-instagram-2017", "labelled_1000_inclprivate.csv")


def features(row):
    posts, following, followers = (int(row[k]) for k in ("Number.of.posts", "Number.of.people.they.follow", "Number.of.followers"))
    digits = sum(c.isdigit() for c in row["Username"])
    return [1.0, math.log1p(following), math.log1p(followers), math.log1p(posts), math.log1p(following) - math.log1p(followers),
            float(row["has_profile_picture"] != "TRUE"), float(row["Private.account"] == "TRUE"), min(digits, 6) / 6]


def fit(xs, ys, rounds=400, rate=0.5):
    w = [0.0] * len(xs[0])
    for _ in range(rounds):
        grad = [0.0] * len(w)
        for x, y in zip(xs, ys):
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, sum(a * b for a, b in zip(w, x))))))
            for j, value in enumerate(x):
                grad[j] += (p - y) * value
        w = [a - rate * g / len(xs) for a, g in zip(w, grad)]
    return w


def mcc(predicted, actual):
    tp = sum(p and a for p, a in zip(predicted, actual))
    fp = sum(p and not a for p, a in zip(predicted, actual))
    fn = sum(a and not p for p, a in zip(predicted, actual))
    tn = len(actual) - tp - fp - fn
    d = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    return (tp * tn - fp * fn) / d if d else 0.0


def main():
    rows = list(csv.DictReader(open(FILE)))
    xs, ys = [features(r) for r in rows], [r["rating"] == "TRUE" for r in rows]
    order = list(range(len(rows)))
    random.Random(1).shuffle(order)
    folds = [order[i::5] for i in range(5)]
    scores = [0.0] * len(rows)
    for fold in folds:
        held = set(fold)
        train = [i for i in order if i not in held]
        w = fit([xs[i] for i in train], [ys[i] for i in train])
        for i in fold:
            scores[i] = 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, xs[i]))))
    best = max((mcc([s > cut for s in scores], ys), cut) for cut in (0.2, 0.3, 0.4, 0.5))
    print(f"audit ceiling: logistic regression fitted to SRF itself, 5-fold cross-validated: MCC {best[0]:.3f} (cut {best[1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
