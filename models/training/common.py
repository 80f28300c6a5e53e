"""What every training script shares: data reading, the committed splits, the character vocabulary and encoding the
Java side mirrors, seeding, bootstrap intervals and bundle writing (model.onnx + vocab.txt + labels.json +
manifest.json with sha256 of each file). Run the scripts with Debian's /usr/bin/python3."""
import csv
import hashlib
import json
import os
import random
import unicodedata

import numpy as np
import torch

SEED = 20261122
MIN_LEN = 8  # the Java side pads shorter inputs to this (OnnxTextModel.MIN_LENGTH)
NORMALISATION = "NFKC, lower case, one id per character (vocab.txt line n = id n + 2; 0 padding, 1 unknown)"


def seed_everything(threads=1):
    """Fixed seeds and a fixed thread count: the same data gives the same bytes."""
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(threads)


def normalise(text):
    """What the Java side does before lookup (OnnxTextModel.encode): NFKC, lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def read_csv(path, text_col, label_col):
    with open(path, encoding="utf-8", newline="") as f:
        return [(normalise(r[text_col]), r[label_col]) for r in csv.DictReader(f)]


def split_ids(name, split):
    """The committed id list eval/splits/<name>/<split>.txt (shared with the Java eval harness)."""
    with open(os.path.join("eval", "splits", name, split + ".txt"), encoding="utf-8") as f:
        return [int(line) for line in f if line.strip()]


POLARITY_FILES = {  # the document-polarity datasets (columns "review", "label" 0/1), by name
    "online-shopping-10-cats": "online-shopping-10-cats/online_shopping_10_cats.csv",
    "waimai-10k": "waimai-10k/waimai_10k.csv",
}


def polarity_rows(data_root, name, split=None):
    """(normalised review, 0/1 label) of one polarity dataset: every row, or the rows of a committed split."""
    rows = [(t, int(l)) for t, l in read_csv(os.path.join(data_root, POLARITY_FILES[name]), "review", "label")]
    return rows if split is None else [rows[i] for i in split_ids(name, split)]


def build_vocab(texts, min_count=2):
    """Characters seen at least min_count times, sorted, so the ids do not depend on data order. Whitespace other
    than the space and control characters are left out: vocab.txt is one character per line, and a line break in it
    would shift every later id on the Java side."""
    counts = {}
    for text in texts:
        for ch in text:
            counts[ch] = counts.get(ch, 0) + 1
    chars = sorted(c for c, k in counts.items()
                   if k >= min_count and (c == " " or not (c.isspace() or unicodedata.category(c) == "Cc")))
    return chars, {c: i + 2 for i, c in enumerate(chars)}


def encode(texts, vocab, max_len):
    ids = np.zeros((len(texts), max_len), dtype=np.int64)
    for i, t in enumerate(texts):
        for j, ch in enumerate(t[:max_len]):
            ids[i, j] = vocab.get(ch, 1)
    return torch.from_numpy(ids)


def trim(x):
    """The batch cut to its longest text (at least MIN_LEN): the models are padding-invariant, so this only saves
    time."""
    return x[:, :max(MIN_LEN, int((x > 0).sum(1).max()))]


def predict(fn, x, batch):
    """fn(ids) for every row, in batches of similar length; returns fn's outputs in row order."""
    order = torch.argsort((x > 0).sum(1), stable=True)
    out = None
    with torch.no_grad():
        for i in range(0, len(x), batch):
            idx = order[i:i + batch]
            y = fn(trim(x[idx]))
            if out is None:
                out = torch.empty((len(x),) + tuple(y.shape[1:]), dtype=y.dtype)
            out[idx] = y
    return out


def batches(lengths, batch, generator):
    """Shuffled batches of similar length: shuffle, sort chunks of 50 batches by length, cut, shuffle the batches."""
    order = torch.randperm(len(lengths), generator=generator)
    out, chunk = [], batch * 50
    for i in range(0, len(order), chunk):
        c = order[i:i + chunk]
        c = c[torch.argsort(lengths[c], stable=True)]
        out += [c[j:j + batch] for j in range(0, len(c), batch)]
    return [out[k] for k in torch.randperm(len(out), generator=generator)]


def bootstrap_interval(per_item, metric, resamples=1000):
    """95% percentile interval of metric(sample) over item resamples (seeded), as the Java harness computes it."""
    rng = np.random.default_rng(SEED)
    n = len(per_item)
    values = sorted(metric([per_item[i] for i in rng.integers(0, n, n)]) for _ in range(resamples))
    return [round(values[int(0.025 * resamples)], 4), round(values[int(0.975 * resamples) - 1], 4)]


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def export_onnx(module, out_dir, example_inputs, input_names, output_names, dynamic_axes):
    torch.onnx.export(module.eval(), example_inputs, os.path.join(out_dir, "model.onnx"), input_names=input_names,
                      output_names=output_names, dynamic_axes=dynamic_axes, opset_version=13)


def write_bundle(out_dir, chars, labels, manifest, data_files, extra_files=()):
    """Writes vocab.txt and labels.json beside an exported model.onnx, then the manifest with every file's sha256
    (extra_files: more files already in out_dir), the training data's hash and a version taken from the model's
    hash; returns the manifest as written."""
    with open(os.path.join(out_dir, "vocab.txt"), "w", encoding="utf-8") as f:
        for c in chars:
            f.write(c + "\n")
    with open(os.path.join(out_dir, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, ensure_ascii=False)
    files = {name: sha256(os.path.join(out_dir, name)) for name in ("model.onnx", "vocab.txt", "labels.json") + tuple(extra_files)}
    manifest = dict(manifest)
    manifest["name"] = os.path.basename(os.path.normpath(out_dir))
    manifest["version"] = files["model.onnx"][:12]
    manifest["labels"] = labels
    manifest["normalisation"] = NORMALISATION
    manifest["trainingData"]["sha256"] = hashlib.sha256("".join(sha256(p) for p in data_files).encode()).hexdigest()
    manifest["files"] = files
    ordered = {k: manifest[k] for k in ("name", "kind", "version") if k in manifest}
    ordered.update({k: v for k, v in manifest.items() if k not in ordered})
    with open(os.path.join(out_dir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(ordered, f, ensure_ascii=False, indent=2)
        f.write("\n")
    return ordered
