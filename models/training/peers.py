#!/usr/bin/python3
"""The issue's peer baseline, re-measured on the committed splits: an untuned TF-IDF character 1-2-gram logistic
regression (scikit-learn defaults, and with balanced class weights), trained on everything but the test split and
scored on the same test sets as `voc eval`, with the same bootstrap intervals. Our models are compared with it in
the README. Needs Debian's python3-sklearn beside the training packages; run from the repository root:

    /usr/bin/python3 models/training/peers.py ../shared/data models/peers.json
"""
import json
import sys
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from common import POLARITY_FILES, SEED, bootstrap_interval, polarity_rows, split_ids
from train_emotion import load

NEUTRAL = "neutral"
TEST_SETS = {"online-shopping-10-cats": "online-shopping-test", "waimai-10k": "waimai-test"}  # voc eval's names


def macro_f1(pairs, labels):
    f1s = []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        f1s.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return sum(f1s) / len(f1s)


def figures(gold, pred, emotion):
    pairs = list(zip(gold, pred))
    labels = sorted(set(gold))
    out = {"items": len(pairs)}
    metrics = {"accuracy": lambda s: sum(g == p for g, p in s) / len(s), "macroF1": lambda s: macro_f1(s, labels)}
    if emotion:
        metrics["emotionMacroF1"] = lambda s: macro_f1(s, [l for l in labels if l != NEUTRAL])
    for name, metric in metrics.items():
        out[name] = round(metric(pairs), 4)
        out[name + "Interval95"] = bootstrap_interval(pairs, metric)
    return out


def peer(train, test, balanced):
    vectoriser = TfidfVectorizer(analyzer="char", ngram_range=(1, 2))
    x = vectoriser.fit_transform([t for t, _ in train])
    model = LogisticRegression(max_iter=2000, class_weight="balanced" if balanced else None, random_state=SEED)
    model.fit(x, [l for _, l in train])
    return list(model.predict(vectoriser.transform([t for t, _ in test])))


def polarity_sets(data_root):
    out = {}
    for name in POLARITY_FILES:
        data = polarity_rows(data_root, name)
        train = [data[i] for s in ("train", "dev") for i in split_ids(name, s)]
        out[TEST_SETS[name]] = (train, [data[i] for i in split_ids(name, "test")], False)
    return out


def emotion_sets(data_root):
    d = load(data_root)
    smp_train = d["smp-virus-train"] + d["smp-usual-train"] + d["smp-dev"]  # COVID train + the general eval file
    return {
        "smp2020-general-test": (smp_train, d["smp-usual-test"], True),
        "smp2020-covid-test": (smp_train, d["smp-virus-test"], True),
        "nlpcc2013-test": (d["nlpcc-train"] + d["nlpcc-dev"], d["nlpcc-test"], True),
    }


def main(data_root, out_path):
    np.random.seed(SEED)
    report = {"what": "TF-IDF character 1-2-gram logistic regression (scikit-learn " + __import__("sklearn").__version__
                      + " defaults: L2, C=1, lbfgs), trained on every non-test row of the committed splits (polarity,"
                      " NLPCC: train + dev; SMP: the COVID train and eval files + the general eval file), scored on"
                      " the test sets voc eval uses; 95% bootstrap intervals, 1,000 resamples, seed " + str(SEED),
              "sets": {}}
    for name, (train, test, emotion) in {**polarity_sets(data_root), **emotion_sets(data_root)}.items():
        gold = [l for _, l in test]
        started = time.time()
        report["sets"][name] = {"train": len(train)}
        for variant, balanced in (("default", False), ("balanced", True)):
            report["sets"][name][variant] = figures(gold, peer(train, test, balanced), emotion)
        print(name, json.dumps(report["sets"][name]), f"({time.time() - started:.0f} s)", flush=True)
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
