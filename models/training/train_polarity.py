#!/usr/bin/python3
"""Document polarity (positive/negative) as a character CNN, exported to ONNX for the Java engine.

Trains on the committed train splits of online-shopping-10-cats and waimai-10k (eval/splits), picks the epoch on
their dev splits, and reports accuracy on their test splits. Reproducible: fixed seeds, one thread count, sorted
vocabulary. Run from the repository root with Debian's Python (python3-torch, python3-onnx, python3-numpy):

    /usr/bin/python3 models/training/train_polarity.py ../shared/data models/bundles/polarity-cnn
"""
import os
import sys
import time

import torch
import torch.nn as nn

from common import SEED, build_vocab, encode, export_onnx, read_csv, seed_everything, split_ids, write_bundle

MAX_LEN = 128
EMB, FILTERS, KERNELS = 96, 96, (2, 3, 4)
EPOCHS, BATCH, LR = 5, 64, 2e-3
DATASETS = {  # name -> (file, text column, label column)
    "online-shopping-10-cats": ("online-shopping-10-cats/online_shopping_10_cats.csv", "review", "label"),
    "waimai-10k": ("waimai-10k/waimai_10k.csv", "review", "label"),
}


def rows(data_root, name):
    path, text_col, label_col = DATASETS[name]
    return [(t, int(l)) for t, l in read_csv(os.path.join(data_root, path), text_col, label_col)]


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


def accuracy(model, x, y):
    model.eval()
    with torch.no_grad():
        pred = torch.cat([model(x[i:i + 512]).argmax(dim=1) for i in range(0, len(x), 512)])
    return (pred == y).float().mean().item()


def main(data_root, out_dir):
    seed_everything(threads=2)
    data = {n: rows(data_root, n) for n in DATASETS}
    part = {(n, s): [data[n][i] for i in split_ids(n, s)] for n in DATASETS for s in ("train", "dev", "test")}
    train = [r for n in DATASETS for r in part[(n, "train")]]
    chars, vocab = build_vocab(t for t, _ in train)
    x_train, y_train = encode([t for t, _ in train], vocab, MAX_LEN), torch.tensor([l for _, l in train])
    sets = {k: (encode([t for t, _ in v], vocab, MAX_LEN), torch.tensor([l for _, l in v]))
            for k, v in part.items() if k[1] != "train"}

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
    export_onnx(Exported(model), out_dir, torch.zeros((1, 16), dtype=torch.int64), ["ids"], ["probs"],
                {"ids": {0: "batch", 1: "length"}, "probs": {0: "batch"}})
    manifest = {
        "kind": "onnx/document-polarity",
        "maxLength": MAX_LEN,
        "trainingData": {"datasets": list(DATASETS), "splits": "eval/splits/<dataset>/train.txt (epoch chosen on dev)",
                         "licence": "online-shopping-10-cats and waimai-10k: research use (see their PROVENANCE.md)"},
        "parameters": {"architecture": f"char CNN emb {EMB}, filters {FILTERS} x kernels {list(KERNELS)}, max-pool",
                       "epochs": EPOCHS, "batch": BATCH, "lr": LR, "seed": SEED, "maxLength": MAX_LEN},
        "metrics": {"testAccuracy": test, "training": log},
    }
    write_bundle(out_dir, chars, ["negative", "positive"], manifest,
                 [os.path.join(data_root, DATASETS[n][0]) for n in DATASETS])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
