#!/usr/bin/python3
"""Reference of the harness's stream orders (data/stream/SplitMix64, DirichletOrder, run/tta/StreamPlan).

  dirichlet_stream_reference.py OUT.txt

Written from the public TTA benchmark (mariodoebler/test-time-adaptation, classification/datasets/data_loading.py:
get_test_loader shuffles each domain's samples with a generator seeded by RNG_SEED, then sort_by_dirichlet orders
them), independently of the Java code. The benchmark draws from numpy's legacy Mersenne Twister (np.random.shuffle,
np.random.dirichlet); porting numpy's legacy gamma and bounded-integer routines would tie the harness to numpy's
internals, so both sides run the same sampling on an explicit generator written out here: SplitMix64 (Steele et al.
2014), uniform doubles from the top 53 bits, Marsaglia's polar normal, Marsaglia-Tsang gamma in log space (with the
shape-below-one boost) and Fisher-Yates shuffles with j = floor(u * (i + 1)). Sums are sequential.

The labels are those of the first CIFAR-10 test images (datasets/cifar10/test_batch.bin). Each scenario writes one
line: `<tag> <index> <index> ...`, the order in which the stream presents the items.

Run with /usr/bin/python3 (numpy) from the repository root.
"""
import math
import sys

import numpy as np

MASK = (1 << 64) - 1
MIN_CHUNK = 10


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next_long(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def next_double(self):
        return (self.next_long() >> 11) * 2.0 ** -53

    def next_int(self, bound):
        return int(self.next_double() * bound)

    def gaussian(self):
        while True:
            u = 2 * self.next_double() - 1
            v = 2 * self.next_double() - 1
            s = u * u + v * v
            if 0 < s < 1:
                return u * math.sqrt(-2 * math.log(s) / s)

    def log_gamma(self, shape):
        if shape < 1:
            boosted = self.log_gamma(shape + 1)
            u = self.next_double()
            while u == 0:
                u = self.next_double()
            return boosted + math.log(u) / shape
        d = shape - 1.0 / 3
        c = 1 / math.sqrt(9 * d)
        while True:
            x = self.gaussian()
            v = 1 + c * x
            if v <= 0:
                continue
            v = v * v * v
            u = self.next_double()
            if u > 0 and math.log(u) < 0.5 * x * x + d - d * v + d * math.log(v):
                return math.log(d) + math.log(v)

    def dirichlet(self, alpha, k):
        logs = [self.log_gamma(alpha) for _ in range(k)]
        top = max(logs)
        out = [math.exp(v - top) for v in logs]
        total = 0.0
        for v in out:
            total += v
        return [v / total for v in out]

    def shuffle(self, values):
        for i in range(len(values) - 1, 0, -1):
            j = self.next_int(i + 1)
            values[i], values[j] = values[j], values[i]


def sort_by_dirichlet(labels, delta, rng):
    """data_loading.sort_by_dirichlet on the explicit generator; returns positions into labels."""
    n = len(labels)
    num_classes = int(np.max(labels)) + 1
    while True:
        idx_batch = [[] for _ in range(num_classes)]
        idx_batch_cls = [[] for _ in range(num_classes)]
        for k in range(num_classes):
            idx_k = [int(i) for i in np.where(labels == k)[0]]
            rng.shuffle(idx_k)
            proportions = rng.dirichlet(delta, num_classes)
            # balance: a chunk holding N / K items already gets no more
            proportions = [p * (len(idx_j) < n / num_classes) for p, idx_j in zip(proportions, idx_batch)]
            total = 0.0
            for p in proportions:
                total += p
            proportions = [p / total for p in proportions]
            cuts, running = [], 0.0
            for p in proportions:
                running += p
                cuts.append(int(running * len(idx_k)))
            parts = np.split(np.array(idx_k, dtype=np.int64), cuts[:-1])
            idx_batch = [idx_j + part.tolist() for idx_j, part in zip(idx_batch, parts)]
            for idx_j, part in zip(idx_batch_cls, parts):
                idx_j.append(part.tolist())
        if min(len(idx_j) for idx_j in idx_batch) >= MIN_CHUNK:
            break
    order = []
    for chunk in idx_batch_cls:
        cls_seq = list(range(num_classes))
        rng.shuffle(cls_seq)
        for cls in cls_seq:
            order.extend(chunk[cls])
    return order


def shuffled_then_correlated(labels, delta, seed):
    """One stream segment: shuffle the items (the loader's random.shuffle), then the Dirichlet order of that list."""
    rng = SplitMix64(seed)
    items = list(range(len(labels)))
    rng.shuffle(items)
    if delta is None:
        return items
    order = sort_by_dirichlet(labels[items], delta, rng)
    return [items[i] for i in order]


def cifar_test_labels(count):
    with open("datasets/cifar10/test_batch.bin", "rb") as f:
        raw = np.frombuffer(f.read(), dtype=np.uint8)
    return raw.reshape(-1, 3073)[:count, 0].astype(np.int64)


def main(out_path):
    lines = []
    for seed in (0, 1, 2):
        rng = SplitMix64(seed)
        lines.append((f"splitmix-{seed}", [rng.next_long() for _ in range(4)]))
    for count, delta, seed in ((1000, 0.1, 1), (1000, 0.1, 2), (1000, 0.01, 1), (2000, 1.0, 3), (300, 0.1, 5)):
        labels = cifar_test_labels(count)
        lines.append((f"dirichlet-{count}-{delta}-{seed}", shuffled_then_correlated(labels, delta, seed)))
    lines.append(("shuffle-300-7", shuffled_then_correlated(cifar_test_labels(300), None, 7)))
    with open(out_path, "w") as f:
        f.write("# benchmarks/python/dirichlet_stream_reference.py: stream orders over the first CIFAR-10 test labels\n")
        for tag, values in lines:
            f.write(tag + " " + " ".join(str(v) for v in values) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
