#!/usr/bin/python3
"""Document polarity (positive/negative) as a character CNN, exported to ONNX for the Java engine.

Trains on the committed train splits of online-shopping-10-cats and waimai-10k (eval/splits), picks the epoch on
their dev splits, and reports accuracy on their test splits. Reproducible: fixed seeds, one thread count, sorted
vocabulary. Run from the repository root with Debian's Python (python3-torch, python3-onnx, python3-numpy):

    /usr/bin/python3 models/training/train_polarity.py ../shared/data models/bundles/polarity-cnn
"""
import csv
import hashlib
import json
import os
import random
import sys
import time
import unicodedata

import numpy as np
import torch
import torch.nn as nn

SEED = 20261122
MAX_LEN = 128
EMB, FILTERS, KERNELS = 96, 96, (2, 3, 4)
EPOCHS, BATCH, LR = 5, 64, 2e-3
DATASETS = {  # name -> (file, text column, label column)
    "online-shopping-10-cats": ("online-shopping-10-cats/online_shopping_10_cats.csv", "review", "label"),
    "waimai-10k": ("waimai-10k/waimai_10k.csv", "review", "label"),
}


def normalise(text):
    """What the Java side does before lookup: NFKC, lower case (PolarityModel.normalise)."""
    return unicodedata.normalize("NFKC", text).lower()


def rows(data_root, name):
    path, text_col, label_col = DATASETS[name]
    with open(os.path.join(data_root, path), encoding="utf-8", newline="") as f:
        return [(normalise(r[text_col]), int(r[label_col])) for r in csv.DictReader(f)]


def split_ids(name, split):
    with open(os.path.join("eval", "splits", name, split + ".txt"), encoding="utf-8") as f:
        return [int(line) for line in f if line.strip()]


class CharCnn(nn.Module):
    def __init__(self, vocab_size):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, EMB, padding_idx=0)
        self.convs = nn.ModuleList(nn.Conv1d(EMB, FILTERS, k) for k in KERNELS)
        self.dropout = nn.Dropout(0.3)
        self.out = nn.Linear(FILTERS * len(KERNELS), 2)

    def forward(self, ids):
        x = self.embedding(ids).transpose(1, 2)  # batch, emb, len
        pooled = [torch.relu(c(x)).max(dim=2).values for c in self.convs]
        return self.out(self.dropout(torch.cat(pooled, dim=1)))


class Exported(nn.Module):
    """The deployed graph: token ids in, class probabilities out."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, ids):
        return torch.softmax(self.model(ids), dim=1)


def encode(texts, vocab):
    ids = np.zeros((len(texts), MAX_LEN), dtype=np.int64)
    for i, t in enumerate(texts):
        for j, ch in enumerate(t[:MAX_LEN]):
            ids[i, j] = vocab.get(ch, 1)
    return torch.from_numpy(ids)


def accuracy(model, x, y):
    model.eval()
    with torch.no_grad():
        pred = torch.cat([model(x[i:i + 512]).argmax(dim=1) for i in range(0, len(x), 512)])
    return (pred == y).float().mean().item()


def main(data_root, out_dir):
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    data = {n: rows(data_root, n) for n in DATASETS}
    part = {(n, s): [data[n][i] for i in split_ids(n, s)] for n in DATASETS for s in ("train", "dev", "test")}
    train = [r for n in DATASETS for r in part[(n, "train")]]
    counts = {}
    for text, _ in train:
        for ch in text:
            counts[ch] = counts.get(ch, 0) + 1
    chars = sorted(c for c, k in counts.items() if k >= 2)
    vocab = {c: i + 2 for i, c in enumerate(chars)}  # 0 padding, 1 unknown
    x_train, y_train = encode([t for t, _ in train], vocab), torch.tensor([l for _, l in train])
    sets = {k: (encode([t for t, _ in v], vocab), torch.tensor([l for _, l in v])) for k, v in part.items() if k[1] != "train"}

    model = CharCnn(len(vocab) + 2)
    optimiser = torch.optim.Adam(model.parameters(), lr=LR)
    loss_fn = nn.CrossEntropyLoss()
    best, best_state, log = -1.0, None, []
    generator = torch.Generator().manual_seed(SEED)
    for epoch in range(1, EPOCHS + 1):
        model.train()
        started = time.time()
        order = torch.randperm(len(x_train), generator=generator)
        for i in range(0, len(order), BATCH):
            idx = order[i:i + BATCH]
            optimiser.zero_grad()
            loss = loss_fn(model(x_train[idx]), y_train[idx])
            loss.backward()
            optimiser.step()
        dev = {n: accuracy(model, *sets[(n, "dev")]) for n in DATASETS}
        mean_dev = sum(dev.values()) / len(dev)
        log.append({"epoch": epoch, "dev": dev, "seconds": round(time.time() - started, 1)})
        print(f"epoch {epoch}: dev {dev} ({time.time() - started:.0f} s)", flush=True)
        if mean_dev > best:
            best, best_state = mean_dev, {k: v.clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    test = {n: round(accuracy(model, *sets[(n, "test")]), 4) for n in DATASETS}
    print(f"test accuracy {test}", flush=True)

    os.makedirs(out_dir, exist_ok=True)
    exported = Exported(model).eval()
    onnx_path = os.path.join(out_dir, "model.onnx")
    torch.onnx.export(exported, torch.zeros((1, 16), dtype=torch.int64), onnx_path, input_names=["ids"],
                      output_names=["probs"], dynamic_axes={"ids": {0: "batch", 1: "length"}, "probs": {0: "batch"}},
                      opset_version=13)
    with open(os.path.join(out_dir, "vocab.txt"), "w", encoding="utf-8") as f:
        for c in chars:
            f.write(c + "\n")
    with open(os.path.join(out_dir, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(["negative", "positive"], f)

    def sha(path):
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()

    files = {name: sha(os.path.join(out_dir, name)) for name in ("model.onnx", "vocab.txt", "labels.json")}
    data_hash = hashlib.sha256("".join(sha(os.path.join(data_root, DATASETS[n][0])) for n in DATASETS).encode()).hexdigest()
    manifest = {
        "name": os.path.basename(os.path.normpath(out_dir)),
        "kind": "onnx/document-polarity",
        "version": files["model.onnx"][:12],
        "labels": ["negative", "positive"],
        "maxLength": MAX_LEN,
        "normalisation": "NFKC, lower case, one id per character (vocab.txt line n = id n + 2; 0 padding, 1 unknown)",
        "trainingData": {"datasets": list(DATASETS), "splits": "eval/splits/<dataset>/train.txt (epoch chosen on dev)",
                         "sha256": data_hash,
                         "licence": "online-shopping-10-cats and waimai-10k: research use (see their PROVENANCE.md)"},
        "parameters": {"architecture": f"char CNN emb {EMB}, filters {FILTERS} x kernels {list(KERNELS)}, max-pool",
                       "epochs": EPOCHS, "batch": BATCH, "lr": LR, "seed": SEED, "maxLength": MAX_LEN},
        "metrics": {"testAccuracy": test, "training": log},
        "files": files,
    }
    with open(os.path.join(out_dir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
