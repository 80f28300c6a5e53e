#!/usr/bin/python3
"""Aspect-conditioned review polarity for restaurant reviews (AI Challenger 2018 fine-grained sentiment, 20 aspects):
for each aspect, calibrated probabilities of (not mentioned, negative, neutral, positive), from one character CNN
read once per review and pooled by one attention query per aspect. Exported as one ONNX graph for the Java engine.

Data (../shared/data, see each PROVENANCE.md):
  aichallenger2018-fsa-subset/train2.tsv: the 1,000 labelled reviews; every choice (configuration, epochs,
      calibration) is made by 5-fold cross-validation over these reviews (seeded fold assignment, one review per row).
  aichallenger2018-fsa-subset/dev2.tsv: the Java eval harness's held-out set; scored once at the very end, for
      information only, never for a choice.
  online-shopping-10-cats and waimai-10k, committed train splits only (eval/splits/<dataset>/train.txt): document
      polarity, used to pretrain the encoder (no train2 labels involved, so it is done once, before the folds).
The aspect index -> taxonomy node mapping is the eval harness's mappings/aichallenger2018.tsv; the manifest's
"aspects" lists the 20 node ids in index order, the order of the output's second axis.

Graph: ids int64 [batch, length] (0 padding, 1 unknown) -> probs float32 [batch, 20, 4]. Every convolution output is
zeroed past the text and the attention softmax is masked, so a text's output does not depend on padding (asserted).
Output = (1 - m, m * p_neg, m * p_neu, m * p_pos): m = sigmoid(mention logit / Tm), p = softmax(polarity logits / Tp),
with Tm and Tp fitted on the out-of-fold predictions. The character table is stored as float16.

Reproducible: fixed seeds, one thread, sorted vocabulary, deterministic batching; run from the repository root with
Debian's Python (python3-torch, python3-onnx, python3-numpy):

    /usr/bin/python3 models/training/train_aspect.py ../shared/data models/bundles/restaurant-aspect-cnn
"""
import json
import math
import os
import sys
import time

import numpy as np
import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F

from common import POLARITY_FILES, SEED, batches, bootstrap_interval, build_vocab, encode, export_onnx, normalise, \
    polarity_rows, predict, seed_everything, sha256, trim, write_bundle

MAX_LEN = 512          # characters read per review (median review 274, so this covers almost all of them)
FOLDS = 5
ASPECTS = 20
LABELS = ["not_mentioned", "negative", "neutral", "positive"]
FSA_DIR = "aichallenger2018-fsa-subset"
OOF_FILE = "train2-oof.tsv"  # out-of-fold probabilities on the training reviews, for stacking (see write_oof)
MAPPING = os.path.join("eval", "src", "main", "resources", "io", "vocengine", "eval", "mappings", "aichallenger2018.tsv")

# The shipped configuration. Variants compared by 5-fold CV in a scratch harness (same data, folds, seed, one
# thread) are listed in EXPERIMENTS; the final run repeats the CV of this configuration and reports it.
CONFIG = {
    "emb": 96, "filters": 96, "dilations": [2, 4], "dropout": 0.3, "embDropout": 0.1,
    "pretrainEpochs": 2, "pretrainLen": 160, "pretrainBatch": 64, "pretrainLr": 2e-3,
    "epochs": 20, "batch": 32, "lr": 5e-3, "encoderLr": 5e-4, "mentionWeight": 1.0,
    "head": "factorised",   # mention sigmoid + 3-way polarity softmax (polarity loss on gold-mentioned cells only)
    "pretrain": True,       # encoder pretrained on document polarity (online-shopping + waimai train splits)
    "spot": True,           # mention logit += the aspect's highest attention score over the text
    "docFeatures": False,   # the pretrained document-polarity layer's margins (whole review, aspect context) as features
    "shared": False,        # a layer shared by the 20 aspects, added to the per-aspect layers
    "members": 1,           # models averaged (logits), each with its own seed
}
# Checked by running the script twice (in parallel, into two directories) and comparing model.onnx's sha256.
REPRODUCIBILITY = ("two runs of this script gave byte-identical model.onnx (sha256 f8e1e096dbabc3ffbcf9cd6c1a6af5673d2dfaed89f"
                   "d0e9cfd5185d44cb71ed1), and its CV repeated the scratch harness's figures exactly")

# (what, CV polarity accuracy on gold-mentioned aspects at the best epoch, CV mention F1 there); None = not run to the
# end. Single runs; the bootstrap interval of a CV accuracy is about +-0.015.
EXPERIMENTS = [
    ("A: attention pool per aspect + review max pool, per-aspect heads, encoder pretrained on document polarity "
     "(2 epochs), LR 2e-3, 15 epochs", 0.6915, 0.5564),
    ("B: A + keyword spotting (mention logit += the aspect's best attention score), head LR 5e-3, 20 epochs",
     0.7046, 0.6674),
    ("C: B without pretraining (encoder from scratch; negative recall 0.07 instead of 0.22)", 0.6918, 0.6812),
    ("D: B with encoder LR 5e-4 (shipped)", 0.7081, 0.6284),
    ("B + the pretrained document-polarity layer's margins (review, aspect context) as polarity features: folds 0-1 "
     "0.713, 0.729 vs B's 0.715, 0.731; stopped", None, None),
    ("B + a layer shared by all aspects: folds 0-1 0.711, 0.733 vs B's 0.715, 0.731; stopped", None, None),
    ("logit average of B and D (their out-of-fold logits; not shipped: twice the cost for +0.001)", 0.7088, 0.669),
    ("logit average of B, C and D (out-of-fold logits; not shipped: three times the cost and run time)", 0.7177,
     0.6957),
]


# ----------------------------------------------------------------------------------------------------------- data

def read_fsa(path):
    """(text, labels) per row; labels: 20 ints in LABELS order (0 not mentioned, 1 negative, 2 neutral, 3 positive)."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            head, text = line.split("\t", 1)
            pairs = dict(p.split("_") for p in head.split(","))
            rows.append((normalise(text), [{-2: 0, -1: 1, 0: 2, 1: 3}[int(pairs[str(a)])] for a in range(ASPECTS)]))
    return rows


def fsa_lines(path):
    """The 1-based line numbers of read_fsa's rows: the Java harness names items train2.tsv:<line>."""
    with open(path, encoding="utf-8") as f:
        return [n for n, line in enumerate(f, 1) if line.rstrip("\n")]


def aspect_nodes():
    nodes = {}
    with open(MAPPING, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                i, _, node = line.rstrip("\n").split("\t")
                nodes[int(i)] = node
    return [nodes[i] for i in range(ASPECTS)]


def fold_of(n):
    """Seeded fold assignment by review: a permutation of the rows, cut round-robin into FOLDS folds."""
    perm = np.random.default_rng(SEED).permutation(n)
    folds = np.empty(n, dtype=np.int64)
    folds[perm] = np.arange(n) % FOLDS
    return folds


# ---------------------------------------------------------------------------------------------------------- model

class Encoder(nn.Module):
    """Character embedding, a width-3 convolution and residual dilated width-3 convolutions; every position past the
    text is zeroed after each layer, so the outputs at the text's positions do not depend on padding."""

    def __init__(self, vocab_size, cfg):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, cfg["emb"], padding_idx=0)
        self.first = nn.Conv1d(cfg["emb"], cfg["filters"], 3, padding=1)
        self.dilated = nn.ModuleList(nn.Conv1d(cfg["filters"], cfg["filters"], 3, padding=d, dilation=d)
                                     for d in cfg["dilations"])
        self.emb_dropout = nn.Dropout(cfg["embDropout"])
        self.table = None  # float16 copy of the embedding table, set by freeze(): what the exported graph holds

    def freeze(self):
        with torch.no_grad():
            self.embedding.weight.copy_(self.embedding.weight.half().float())
        self.table = self.embedding.weight.detach().half()

    def forward(self, ids):
        mask = (ids > 0).unsqueeze(1).float()
        e = self.embedding(ids) if self.table is None else F.embedding(ids, self.table).float()
        h = torch.relu(self.first(self.emb_dropout(e).transpose(1, 2))) * mask
        for conv in self.dilated:
            h = (h + torch.relu(conv(h))) * mask
        return h, mask  # [B, F, L], [B, 1, L]


class DocHead(nn.Module):
    """Document polarity head used for pretraining: masked max + mean pool, linear."""

    def __init__(self, cfg):
        super().__init__()
        self.dropout = nn.Dropout(cfg["dropout"])
        self.out = nn.Linear(2 * cfg["filters"], 2)

    def forward(self, h, mask):
        mx = (h - (1 - mask) * 1e4).max(dim=2).values
        mean = h.sum(2) / mask.sum(2).clamp(min=1)
        return self.out(self.dropout(torch.cat([mx, mean], 1)))


class AspectModel(nn.Module):
    """Encoder, then per aspect a masked attention pool (one query per aspect) concatenated with the review's masked
    max pool, then per-aspect linear heads: a mention logit and three polarity logits ("factorised"), or four joint
    logits ("joint")."""

    def __init__(self, vocab_size, cfg):
        super().__init__()
        self.cfg = cfg
        f = cfg["filters"]
        self.encoder = Encoder(vocab_size, cfg)
        self.attention = nn.Conv1d(f, ASPECTS, 1)
        self.dropout = nn.Dropout(cfg["dropout"])
        self.weight = nn.Parameter(torch.randn(ASPECTS, 2 * f, 4) * (1.0 / math.sqrt(2 * f)))
        self.bias = nn.Parameter(torch.zeros(ASPECTS, 4))
        if cfg["shared"]:  # one linear layer shared by all aspects, beside the per-aspect ones
            self.shared = nn.Linear(2 * f, 4)
        self.tm, self.tp = 1.0, 1.0  # temperatures (mention, polarity), fitted out of fold
        if cfg["docFeatures"]:
            # The pretrained document-polarity layer, read on the whole review and on each aspect's attended
            # context; its positive-minus-negative margins feed the polarity logits through per-aspect weights.
            self.doc = DocHead(cfg)
            self.doc_weight = nn.Parameter(torch.tensor([[-0.5, 0.0, 0.5]]).repeat(ASPECTS, 2))  # [A, 6]

    def logits(self, ids):
        h, mask = self.encoder(ids[:, :MAX_LEN])
        scores = self.attention(h) - (1 - mask) * 1e4                       # [B, A, L]
        att = torch.softmax(scores, 2)
        pooled = torch.matmul(att, h.transpose(1, 2))                          # [B, A, F]
        mx = (h - (1 - mask) * 1e4).max(dim=2).values                          # [B, F]
        x = torch.cat([pooled, mx.unsqueeze(1).expand(-1, ASPECTS, -1)], 2)   # [B, A, 2F]
        x = self.dropout(x)
        z = torch.matmul(x.transpose(0, 1), self.weight).transpose(0, 1) + self.bias  # [B, A, 4]
        if self.cfg["shared"]:
            z = z + self.shared(x)
        if self.cfg["docFeatures"]:
            g = self.doc.out(torch.cat([mx, h.sum(2) / mask.sum(2).clamp(min=1)], 1))    # [B, 2]
            loc = self.doc.out(torch.cat([pooled, pooled], 2))                          # [B, A, 2]
            g = (g[:, 1] - g[:, 0]).unsqueeze(1).unsqueeze(2)                           # [B, 1, 1]
            loc = (loc[:, :, 1] - loc[:, :, 0]).unsqueeze(2)                            # [B, A, 1]
            pol = z[:, :, 1:] + g * self.doc_weight[:, :3] + loc * self.doc_weight[:, 3:]
            z = torch.cat([z[:, :, :1], pol], 2)
        if self.cfg["spot"]:  # the aspect's best attention score also votes for its mention (a keyword spotter)
            z = torch.cat([z[:, :, :1] + scores.max(dim=2).values.unsqueeze(2), z[:, :, 1:]], 2)
        return z

    def probs(self, z):
        return to_probs(z, self.cfg, self.tm, self.tp)

    def forward(self, ids):
        return self.probs(self.logits(ids))


def aspect_loss(z, y, cfg):
    if cfg["head"] == "joint":
        return F.cross_entropy(z.reshape(-1, 4), y.reshape(-1))
    mentioned = y > 0
    loss = cfg["mentionWeight"] * F.binary_cross_entropy_with_logits(z[:, :, 0], mentioned.float())
    if mentioned.any():
        loss = loss + F.cross_entropy(z[:, :, 1:][mentioned], y[mentioned] - 1)
    return loss


# ------------------------------------------------------------------------------------------------------- training

def pretrain(vocab_size, x, y, cfg, log):
    """Encoder + document head on the polarity train splits; returns the encoder's state."""
    torch.manual_seed(SEED)
    encoder, head = Encoder(vocab_size, cfg), DocHead(cfg)
    params = list(encoder.parameters()) + list(head.parameters())
    opt = torch.optim.Adam(params, lr=cfg["pretrainLr"])
    epochs, batch = cfg["pretrainEpochs"], cfg["pretrainBatch"]
    steps = epochs * math.ceil(len(x) / batch) + epochs
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: max(0.0, 1 - s / steps))
    generator = torch.Generator().manual_seed(SEED)
    lengths = (x > 0).sum(1)
    for epoch in range(1, epochs + 1):
        started, total, right = time.time(), 0.0, 0
        encoder.train(), head.train()
        for idx in batches(lengths, batch, generator):
            opt.zero_grad()
            z = head(*encoder(trim(x[idx])))
            loss = F.cross_entropy(z, y[idx])
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item() * len(idx)
            right += (z.argmax(1) == y[idx]).sum().item()
        entry = {"epoch": epoch, "loss": round(total / len(x), 4), "trainAccuracy": round(right / len(x), 4),
                 "seconds": round(time.time() - started, 1)}
        log.append(entry)
        print(f"pretrain {entry}", flush=True)
    return {"encoder": {k: v.clone() for k, v in encoder.state_dict().items()},
            "doc": {k: v.clone() for k, v in head.state_dict().items()}}


def fine_tune(vocab_size, x, y, cfg, encoder_state, eval_x=None, stop_after=None, member=0):
    """Trains an AspectModel on (x, y) with LR decaying linearly to 0 over cfg["epochs"] epochs, stopping after
    stop_after epochs when given; returns the model and, when eval_x is given, its logits on eval_x after every
    epoch. Ensemble members differ by their seed (heads' initialisation, dropout, batch order)."""
    torch.manual_seed(SEED + 1000 * member)
    model = AspectModel(vocab_size, cfg)
    if encoder_state is not None:
        model.encoder.load_state_dict(encoder_state["encoder"])
        if cfg["docFeatures"]:
            model.doc.load_state_dict(encoder_state["doc"])
    enc = list(model.encoder.parameters())
    enc_ids = {id(p) for p in enc}
    rest = [p for p in model.parameters() if id(p) not in enc_ids]
    opt = torch.optim.Adam([{"params": enc, "lr": cfg["encoderLr"]}, {"params": rest, "lr": cfg["lr"]}])
    epochs, batch = cfg["epochs"], cfg["batch"]
    steps = epochs * math.ceil(len(x) / batch) + epochs
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: max(0.0, 1 - s / steps))
    generator = torch.Generator().manual_seed(SEED + member)
    lengths = (x > 0).sum(1)
    per_epoch = []
    for _ in range(stop_after or epochs):
        model.train()
        for idx in batches(lengths, batch, generator):
            opt.zero_grad()
            aspect_loss(model.logits(trim(x[idx])), y[idx], cfg).backward()
            opt.step()
            sched.step()
        if eval_x is not None:
            model.eval()
            per_epoch.append(predict(model.logits, eval_x, 64))
    model.eval()
    return model, per_epoch


# -------------------------------------------------------------------------------------------------------- metrics

def mention_pred(probs):
    return probs[:, :, 0] < 0.5


def per_review(probs, y):
    """Per review: (right polarities, gold-mentioned aspects, true-positive, predicted, gold mentions)."""
    pol = probs[:, :, 1:].argmax(2) + 1
    gold_m = y > 0
    pred_m = mention_pred(probs)
    right = ((pol == y) & gold_m).sum(1)
    return list(zip(right.tolist(), gold_m.sum(1).tolist(), (pred_m & gold_m).sum(1).tolist(),
                    pred_m.sum(1).tolist(), gold_m.sum(1).tolist()))


def accuracy(items):
    return sum(i[0] for i in items) / max(1, sum(i[1] for i in items))


def mention_f1(items):
    tp, pred, gold = (sum(i[k] for i in items) for k in (2, 3, 4))
    return 2 * tp / max(1, pred + gold)


def summary(probs, y):
    items = per_review(probs, y)
    pol = probs[:, :, 1:].argmax(2) + 1
    gold_m = y > 0
    by_class = {}
    f1s = []
    for c, name in ((1, "negative"), (2, "neutral"), (3, "positive")):
        g = gold_m & (y == c)
        p = gold_m & (pol == c)
        tp = (g & p).sum().item()
        f1 = 2 * tp / max(1, g.sum().item() + p.sum().item())
        f1s.append(f1)
        by_class[name] = {"gold": int(g.sum()), "recall": round(tp / max(1, g.sum().item()), 4), "f1": round(f1, 4)}
    per_aspect = {}
    for a in range(ASPECTS):
        m = gold_m[:, a]
        per_aspect[a] = round(((pol[:, a] == y[:, a]) & m).sum().item() / max(1, m.sum().item()), 4)
    return {
        "polarityAccuracyOnMentioned": round(accuracy(items), 4),
        "alwaysPositiveBaseline": round((y == 3).sum().item() / max(1, gold_m.sum().item()), 4),
        "polarityAccuracyInterval95": bootstrap_interval(items, accuracy),
        "polarityMacroF1OnMentioned": round(sum(f1s) / 3, 4),
        "polarityByClass": by_class,
        "mentionF1": round(mention_f1(items), 4),
        "mentionF1Interval95": bootstrap_interval(items, mention_f1),
        "mentionedCells": int(gold_m.sum()),
        "polarityAccuracyByAspect": per_aspect,
        "confusionOnMentioned": {g: {p_: int(((y == gi) & (pol == pi)).sum()) for pi, p_ in enumerate(LABELS[1:], 1)}
                                 for gi, g in enumerate(LABELS[1:], 1)},
        "negativeRecallInOverallPositiveReviews": round(
            ((pol == 1) & (y == 1) & (y[:, 18:19] == 3)).sum().item() / max(1, ((y == 1) & (y[:, 18:19] == 3)).sum().item()), 4),
        "negativeCellsInOverallPositiveReviews": int(((y == 1) & (y[:, 18:19] == 3)).sum()),
        "ece": round(ece(probs, y), 4),
    }


def ece(probs, y, bins=10):
    """ECE of the polarity argmax on gold-mentioned cells, its probability renormalised over the three polarities."""
    m = y > 0
    p = probs[:, :, 1:][m]
    p = p / p.sum(1, keepdim=True)
    conf, pred = p.max(1)
    right = (pred + 1 == y[m]).float()
    b = torch.clamp((conf * bins).long(), max=bins - 1)
    return float(sum((b == k).sum().item() * abs(right[b == k].mean().item() - conf[b == k].mean().item())
                     for k in range(bins) if (b == k).any()) / max(1, len(right)))


def fit_temperatures(z, y, cfg):
    """Temperatures in [0.5, 3] (steps of 0.05) minimising the out-of-fold log loss of the mention sigmoid and of the
    polarity softmax on gold-mentioned cells (joint head: one temperature for the 4-way softmax)."""
    grid = np.round(np.arange(0.5, 3.0001, 0.05), 2)
    if cfg["head"] == "joint":
        losses = [F.cross_entropy(z.reshape(-1, 4) / t, y.reshape(-1)).item() for t in grid]
        return 1.0, float(grid[int(np.argmin(losses))])
    mentioned = y > 0
    lm = [F.binary_cross_entropy_with_logits(z[:, :, 0] / t, mentioned.float()).item() for t in grid]
    lp = [F.cross_entropy(z[:, :, 1:][mentioned] / t, y[mentioned] - 1).item() for t in grid]
    return float(grid[int(np.argmin(lm))]), float(grid[int(np.argmin(lp))])


def to_probs(z, cfg, tm=1.0, tp=1.0):
    if cfg["head"] == "joint":
        return torch.softmax(z / tp, 2)
    m = torch.sigmoid(z[:, :, :1] / tm)
    return torch.cat([1 - m, m * torch.softmax(z[:, :, 1:] / tp, 2)], 2)


class Ensemble(nn.Module):
    """The members' logits averaged, then the calibrated output of AspectModel.probs."""

    def __init__(self, members, cfg):
        super().__init__()
        self.members = nn.ModuleList(members)
        self.cfg = cfg
        self.tm, self.tp = 1.0, 1.0

    def freeze(self):
        for m in self.members:
            m.encoder.freeze()

    def logits(self, ids):
        z = self.members[0].logits(ids)
        for m in self.members[1:]:
            z = z + m.logits(ids)
        return z / len(self.members)

    def forward(self, ids):
        return to_probs(self.logits(ids), self.cfg, self.tm, self.tp)


def train_members(vocab_size, x, y, cfg, encoder_state, eval_x=None, stop_after=None):
    """cfg["members"] models; returns the Ensemble and its averaged logits on eval_x after every epoch."""
    models, per_epoch = [], None
    for k in range(cfg["members"]):
        model, logits = fine_tune(vocab_size, x, y, cfg, encoder_state, eval_x, stop_after, member=k)
        models.append(model)
        per_epoch = logits if per_epoch is None else [a + b for a, b in zip(per_epoch, logits)]
    return Ensemble(models, cfg).eval(), [z / cfg["members"] for z in per_epoch]


def cross_validate(vocab_size, x, y, cfg, encoder_state, folds, name=""):
    """Out-of-fold logits after every epoch; returns (per-epoch OOF accuracy and mention F1, OOF logits per epoch)."""
    oof = [torch.zeros(len(x), ASPECTS, 4) for _ in range(cfg["epochs"])]
    for k in range(FOLDS):
        started = time.time()
        tr, va = np.where(folds != k)[0], np.where(folds == k)[0]
        _, per_epoch = train_members(vocab_size, x[tr], y[tr], cfg, encoder_state, eval_x=x[va])
        for e, z in enumerate(per_epoch):
            oof[e][va] = z
        items = per_review(to_probs(per_epoch[-1], cfg), y[va])
        print(f"{name} fold {k}: last-epoch accuracy {accuracy(items):.4f} mention F1 {mention_f1(items):.4f} "
              f"({time.time() - started:.0f} s)", flush=True)
    curve = []
    for e in range(cfg["epochs"]):
        items = per_review(to_probs(oof[e], cfg), y)
        curve.append({"epoch": e + 1, "accuracy": round(accuracy(items), 4), "mentionF1": round(mention_f1(items), 4)})
    print(f"{name} CV curve: " + " ".join(f"{c['epoch']}:{c['accuracy']:.4f}/{c['mentionF1']:.4f}" for c in curve),
          flush=True)
    return curve, oof


# ------------------------------------------------------------------------------------------------------------ main

class Exported(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, ids):
        return self.model(ids)


def prepare(data_root, cfg):
    train = read_fsa(os.path.join(data_root, FSA_DIR, "train2.tsv"))
    pol = [r for n in POLARITY_FILES for r in polarity_rows(data_root, n, "train")]  # the vocabulary always includes them, so every configuration has the same ids
    chars, vocab = build_vocab([t for t, _ in train] + [t for t, _ in pol])
    x = encode([t for t, _ in train], vocab, MAX_LEN)
    y = torch.tensor([l for _, l in train])
    return train, pol, chars, vocab, x, y


def pretrained_state(vocab, pol, cfg, log):
    if not cfg["pretrain"]:
        return None
    px = encode([t for t, _ in pol], vocab, cfg["pretrainLen"])
    py = torch.tensor([l for _, l in pol])
    return pretrain(len(vocab) + 2, px, py, cfg, log)


def main(data_root, out_dir):
    started = time.time()
    seed_everything(threads=1)
    cfg = dict(CONFIG)
    train, pol, chars, vocab, x, y = prepare(data_root, cfg)
    vocab_size = len(vocab) + 2
    folds = fold_of(len(x))
    pre_log = []
    state = pretrained_state(vocab, pol, cfg, pre_log)
    pretrain_seconds = round(time.time() - started)

    # Cross-validation: epoch and temperatures chosen on the out-of-fold predictions.
    curve, oof = cross_validate(vocab_size, x, y, cfg, state, folds, name="final")
    best = max(curve, key=lambda c: (c["accuracy"], c["epoch"]))["epoch"]
    tm, tp = fit_temperatures(oof[best - 1], y, cfg)
    cv = summary(to_probs(oof[best - 1], cfg, tm, tp), y)
    cv["eceBeforeTemperature"] = summary(to_probs(oof[best - 1], cfg), y)["ece"]
    print(f"CV (epoch {best}, Tm {tm}, Tp {tp}): accuracy {cv['polarityAccuracyOnMentioned']} "
          f"{cv['polarityAccuracyInterval95']}, mention F1 {cv['mentionF1']} {cv['mentionF1Interval95']}", flush=True)
    cv_seconds = round(time.time() - started) - pretrain_seconds

    # Final model on all 1,000 reviews: the CV schedule, stopped after the chosen epoch.
    model, _ = train_members(vocab_size, x, y, cfg, state, stop_after=best)
    model.freeze()
    model.tm, model.tp = tm, tp
    model.eval()

    # dev2: scored once, for information.
    dev = read_fsa(os.path.join(data_root, FSA_DIR, "dev2.tsv"))
    dx, dy = encode([t for t, _ in dev], vocab, MAX_LEN), torch.tensor([l for _, l in dev])
    dev_metrics = summary(predict(model, dx, 64), dy)
    print(f"dev2: accuracy {dev_metrics['polarityAccuracyOnMentioned']} {dev_metrics['polarityAccuracyInterval95']}, "
          f"mention F1 {dev_metrics['mentionF1']}", flush=True)

    os.makedirs(out_dir, exist_ok=True)
    write_oof(out_dir, to_probs(oof[best - 1], cfg, tm, tp), os.path.join(data_root, FSA_DIR, "train2.tsv"), best)
    exported = Exported(model).eval()
    export_onnx(exported, out_dir, torch.ones((1, 16), dtype=torch.int64), ["ids"], ["probs"],
                {"ids": {0: "batch", 1: "length"}, "probs": {0: "batch"}})
    graph = onnx.load(os.path.join(out_dir, "model.onnx"))
    onnx.checker.check_model(graph)
    # Padding invariance: the Java side pads a batch to its longest text and short texts to MIN_LEN.
    xs = dx[:32]
    with torch.no_grad():
        a, b = exported(trim(xs)), exported(F.pad(trim(xs), (0, 40)))
        one = torch.cat([exported(trim(xs[i:i + 1])) for i in range(len(xs))])
    assert (a - b).abs().max().item() < 1e-5 and (a - one).abs().max().item() < 1e-4, "the graph depends on padding"
    check_output_shape(graph)

    parameters = sum(p.numel() for p in model.parameters())
    metrics = {
        "cv": cv,
        "cvCurve": curve,
        "dev2": dev_metrics,
        "calibration": {"mentionTemperature": tm, "polarityTemperature": tp,
                        "method": "temperatures minimising the out-of-fold log loss (grid 0.5-3, step 0.05)"},
        "bootstrap": {"resamples": 1000, "seed": SEED, "interval": "95% percentile", "unit": "review"},
        "experiments": [{"what": w, "cvPolarityAccuracy": a_, "cvMentionF1": f} for w, a_, f in EXPERIMENTS],
        "pretraining": pre_log,
        "reproducibility": REPRODUCIBILITY,
        "seconds": {"pretraining": pretrain_seconds, "crossValidation": cv_seconds,
                    "total": round(time.time() - started)},
    }
    manifest = {
        "kind": "onnx/aspect-polarity",
        "maxLength": MAX_LEN,
        "aspects": aspect_nodes(),
        "trainingData": {
            "datasets": [FSA_DIR + "/train2.tsv"] + (list(POLARITY_FILES) if cfg["pretrain"] else []),
            "splits": f"train2.tsv: all 1,000 reviews; choices by {FOLDS}-fold cross-validation over reviews (fold = "
                      f"position in numpy default_rng({SEED}).permutation(1000) mod {FOLDS}); dev2.tsv scored once "
                      f"at the end, never used for a choice"
                      + ("; encoder pretrained on document polarity, eval/splits/<dataset>/train.txt of "
                         "online-shopping-10-cats and waimai-10k" if cfg["pretrain"] else ""),
            "licence": "AI Challenger 2018 (fsauor2018) download agreement: non-commercial scientific research or "
                       "teaching only, no commercial use (protocol.txt); online-shopping-10-cats and waimai-10k: no "
                       "licence, provenance unknown, research use only",
        },
        "parameters": dict(cfg, architecture=(
            f"char embedding {cfg['emb']} (float16 in the graph), conv3 {cfg['filters']}, residual dilated conv3 x "
            f"{cfg['dilations']}, every layer masked to the text; per aspect: masked attention pool (one query per "
            f"aspect) + masked max pool, per-aspect linear heads ({cfg['head']}); reads the first {MAX_LEN} chars"),
            chosenEpochs=best, parameterCount=parameters, seed=SEED, threads=1, folds=FOLDS),
        "metrics": metrics,
    }
    write_bundle(out_dir, chars, LABELS, manifest, [os.path.join(data_root, FSA_DIR, "train2.tsv")]
                 + ([os.path.join(data_root, p) for p in POLARITY_FILES.values()] if cfg["pretrain"] else []), [OOF_FILE])
    write_model_card(out_dir)
    print(f"done in {time.time() - started:.0f} s; {parameters} parameters; model.onnx "
          f"{os.path.getsize(os.path.join(out_dir, 'model.onnx'))} bytes, sha256 "
          f"{sha256(os.path.join(out_dir, 'model.onnx'))}", flush=True)


def write_oof(out_dir, probs, train_path, epoch):
    """The out-of-fold probabilities of every train2 review, for a model stacked on this one (the Java aspect-polarity
    trainer): its features on a training review must come from a network that never saw that review's labels."""
    with open(os.path.join(out_dir, OOF_FILE), "w", encoding="utf-8") as f:
        f.write(f"# out-of-fold probabilities ({FOLDS} folds, epoch {epoch}, calibrated) of train2.tsv sha256 "
                f"{sha256(train_path)}; columns: line, then per aspect (manifest order) {' '.join(LABELS)}\n")
        for line, p in zip(fsa_lines(train_path), probs.reshape(len(probs), -1).tolist()):
            f.write(str(line) + "\t" + "\t".join(f"{v:.4f}" for v in p) + "\n")


def write_model_card(out_dir):
    """MODEL_CARD.md from the manifest's figures (so the card never disagrees with the bundle)."""
    with open(os.path.join(out_dir, "manifest.json"), encoding="utf-8") as f:
        m = json.load(f)
    p, met = m["parameters"], m["metrics"]
    cv, dev = met["cv"], met["dev2"]

    def classes(s):
        return ", ".join(f"{k} recall {v['recall']} (F1 {v['f1']}, {v['gold']} cells)"
                         for k, v in s["polarityByClass"].items())

    nodes = m["aspects"]
    worst = sorted(cv["polarityAccuracyByAspect"].items(), key=lambda kv: kv[1])[:5]
    lines = [
        f"# {m['name']} (version {m['version']})",
        "",
        "Aspect-conditioned polarity for restaurant reviews: for each of the 20 AI Challenger 2018 aspects, calibrated "
        "probabilities of (not mentioned, negative, neutral, positive). Input `ids` int64 [batch, length] (character "
        "ids of vocab.txt), output `probs` float32 [batch, 20, 4]; the aspect axis follows the manifest's `aspects`. "
        f"Reads the first {m['maxLength']} characters; padding-invariant (masked convolutions, masked attention and "
        "max pooling), asserted at export.",
        "",
        "## Model",
        f"{p['architecture']}. Mention probability m = sigmoid(logit / {met['calibration']['mentionTemperature']}), "
        f"polarity p = softmax(logits / {met['calibration']['polarityTemperature']}); output (1 - m, m p). "
        f"{p['parameterCount']:,} parameters; model.onnx {m['files'] and os.path.getsize(os.path.join(out_dir, 'model.onnx')):,} bytes.",
        "",
        "## Data, folds, seed",
        f"- Training: `{FSA_DIR}/train2.tsv`, all 1,000 reviews (20 aspects each, labels -2/-1/0/1)."
        + (" Encoder and document-polarity layer pretrained first on the committed train splits of "
           "online-shopping-10-cats and waimai-10k (document polarity; "
           f"{p['pretrainEpochs']} epochs, first {p['pretrainLen']} characters)." if p["pretrain"] else ""),
        f"- Every choice (configuration, epochs = {p['chosenEpochs']} of a {p['epochs']}-epoch linear-decay schedule, "
        f"temperatures) by {p['folds']}-fold cross-validation over train2 reviews, fold = position in numpy "
        f"default_rng({p['seed']}).permutation(1000) mod {p['folds']} (the CV curve by epoch is in the manifest).",
        f"- Seed {p['seed']}, one thread; the final model is trained on all 1,000 reviews with the CV schedule.",
        f"- `{OOF_FILE}`: the out-of-fold probabilities of every train2 review (chosen epoch, calibrated), keyed by "
        "line number, with the training file's sha256 in its header: what a model stacked on this one trains on.",
        "- `dev2.tsv` (1,000 reviews, the Java eval harness's held-out set) was scored once at the end, for "
        "information; nothing was chosen on it.",
        "",
        "## Results",
        "Metric: accuracy of argmax over (negative, neutral, positive) on the aspects the gold marks as mentioned; "
        "mention F1: mentioned (p(not mentioned) < 0.5) vs not, micro over cells. Intervals: 95% bootstrap over "
        "reviews (1,000 resamples, seed above).",
        "",
        "| | polarity accuracy (mentioned) | 95% interval | polarity macro-F1 | mention F1 | 95% interval | ECE |",
        "|---|---|---|---|---|---|---|",
        f"| CV (out of fold, {cv['mentionedCells']} cells) | **{cv['polarityAccuracyOnMentioned']}** | "
        f"{cv['polarityAccuracyInterval95']} | {cv['polarityMacroF1OnMentioned']} | {cv['mentionF1']} | "
        f"{cv['mentionF1Interval95']} | {cv['ece']} |",
        f"| dev2 (once, {dev['mentionedCells']} cells) | **{dev['polarityAccuracyOnMentioned']}** | "
        f"{dev['polarityAccuracyInterval95']} | {dev['polarityMacroF1OnMentioned']} | {dev['mentionF1']} | "
        f"{dev['mentionF1Interval95']} | {dev['ece']} |",
        "",
        f"By class, CV: {classes(cv)}. dev2: {classes(dev)}.",
        "",
        f"Always answering positive scores {cv['alwaysPositiveBaseline']} (CV) and {dev['alwaysPositiveBaseline']} "
        "(dev2). The engine does not use this network alone: the restaurant aspect-polarity model (a logistic "
        "regression over the rules' clause features, in Java) reads its verdict on the tag's aspect as features, "
        f"trained on `{OOF_FILE}` (stacking); its dev2 figures are in the README. ECE: of the polarity argmax on gold-mentioned cells, its "
        "probability renormalised over the three polarities (10 bins).",
        "",
        "Experiments (5-fold CV, polarity accuracy on mentioned / mention F1):",
        "",
        "| configuration | CV accuracy | CV mention F1 |",
        "|---|---|---|",
    ] + [f"| {e['what']} | {e['cvPolarityAccuracy'] or '–'} | {e['cvMentionF1'] or '–'} |"
         for e in met["experiments"]] + [
        "",
        "## Known failure modes",
        "- The model leans to positive (65% of mentioned cells). Out of fold, the commonest errors are neutral read as "
        f"positive ({cv['confusionOnMentioned']['neutral']['positive']} cells) and negative read as positive "
        f"({cv['confusionOnMentioned']['negative']['positive']}); a negative aspect in a review whose overall "
        f"experience is positive is almost never found (recall {cv['negativeRecallInOverallPositiveReviews']}, "
        f"{cv['negativeCellsInOverallPositiveReviews']} cells). Out-of-fold confusion (gold -> predicted): "
        + "; ".join(f"{g}: " + ", ".join(f"{p_} {n}" for p_, n in row.items()) for g, row in cv["confusionOnMentioned"].items())
        + ".",
        "- Weakest aspects (CV accuracy): " + ", ".join(f"{nodes[int(a)]} {v}" for a, v in worst) + ".",
        "- Mention detection is far below the rules (leaf-mention F1 0.835 on dev2); use the rules for mentions and "
        "this model's polarity for the tags they find.",
        "- Reads only the first "
        f"{m['maxLength']} characters; text after that is ignored. Trained on Dianping restaurant reviews only.",
        "- Trained and cross-validated on the raw review text (NFKC, lower case); the engine passes the cleaned text "
        "(traditional to simplified, personal data masked, slang read), a small shift its figures do not cover.",
        "- 1,000 training reviews: figures carry the intervals above; single seed.",
        "",
        "## Licence",
        "AI Challenger 2018 data: the download agreement (protocol.txt) allows non-commercial scientific research or "
        "teaching only; no commercial use. This model is derived from it and carries the same restriction. "
        "online-shopping-10-cats / waimai-10k: no licence, provenance unknown; research use only.",
        "",
        "## Rebuild",
        "From the repository root: `/usr/bin/python3 models/training/train_aspect.py ../shared/data "
        "models/bundles/restaurant-aspect-cnn` (deterministic: fixed seeds, one thread; "
        f"about {round(met['seconds']['total'] / 60)} minutes); {met['reproducibility']}.",
        "",
    ]
    with open(os.path.join(out_dir, "MODEL_CARD.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def check_output_shape(graph):
    """The graph declares its output as [batch, ASPECTS, 4], the layout the Java side checks on load (the padding
    checks above run the torch module; the Java tests run the exported graph through onnxruntime)."""
    out = graph.graph.output[0]
    dims = [d.dim_param or d.dim_value for d in out.type.tensor_type.shape.dim]
    assert dims[1:] == [ASPECTS, 4], dims


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
