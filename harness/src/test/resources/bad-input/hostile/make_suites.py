#!/usr/bin/env python3
"""Writes the hostile suite files of the bad-input corpus (deterministic; run from this folder)."""
R = "../../../../../.."
ARITH = f"""suite: s
family: reasoning
dataset: {{name: arith, levels: [1, 2], per-level: 2, seed: 7}}
model: {{backend: embedded, weights: {R}/datasets/models/arith-tiny.bin}}
"""
TTA = f"""suite: s
family: tta
dataset: {{name: cifar10-c, base: {R}/datasets/cifar10/test_batch.bin, corruptions: [fog], severities: [5], limit: 10}}
model: {{name: resnet20, checkpoint: {R}/datasets/models/resnet20-12fca82f.th}}
"""

SUITES = {
    # silent wrong results: numbers that would run as something else
    "seed-2p64-plus-1.yaml": ARITH + "seeds: [18446744073709551617]\nmethods: [greedy]\n",
    "seed-2p63.yaml": ARITH + "seeds: [9223372036854775808]\nmethods: [greedy]\n",
    "seed-1-and-1.0.yaml": ARITH + "seeds: [1, 1.0]\nmethods: [greedy]\n",
    "seed-minus-0.0-and-0.yaml": ARITH + "seeds: [-0.0, 0]\nmethods: [greedy]\n",
    "seed-fraction.yaml": ARITH + "seeds: [1.5]\nmethods: [greedy]\n",
    "seed-exponent.yaml": ARITH + "seeds: [1e3]\nmethods: [greedy]\n",
    "seed-hex-huge.yaml": ARITH + "seeds: [0xFFFFFFFFFFFFFFFFFF]\nmethods: [greedy]\n",
    "seed-negative-huge.yaml": ARITH + "seeds: [-9223372036854775809]\nmethods: [greedy]\n",
    "dataset-seed-2p64.yaml": TTA.replace("limit: 10}", "limit: 10, seed: 18446744073709551616}") + "methods: [source]\n",
    "arith-seed-float.yaml": ARITH.replace("seed: 7", "seed: 7.0") + "methods: [greedy]\n",
    "n-2p32-plus-2.yaml": ARITH + "methods: [{sample: {n: 4294967298}}]\n",
    "n-1e10.yaml": ARITH + "methods: [{sample: {n: 1e10}}]\n",
    "n-zero.yaml": ARITH + "methods: [{self-consistency: {n: 0}}]\n",
    "n-2.0.yaml": ARITH + "methods: [{sample: {n: 2.0}}]\n",
    "n-string.yaml": ARITH + "methods: [{sample: {n: '16'}}]\n",
    "top-k-2p32.yaml": ARITH + "methods: [{sample: {top-k: 4294967296}}]\n",
    "top-k-negative.yaml": ARITH + "methods: [{sample: {top-k: -1}}]\n",
    "method-max-tokens-2p32.yaml": ARITH + "methods: [{greedy: {max-tokens: 4294967296}}]\n",
    "window-2p32.yaml": ARITH + "methods: [{deepconf: {window: 4294967296}}]\n",
    "temperature-nan.yaml": ARITH + "methods: [{sample: {temperature: .nan}}]\n",
    "temperature-inf.yaml": ARITH + "methods: [{sample: {temperature: .inf}}]\n",
    "temperature-minus-inf.yaml": ARITH + "methods: [{sample: {temperature: -.inf}}]\n",
    "temperature-overflow.yaml": ARITH + "methods: [{sample: {temperature: 1e999}}]\n",
    "top-p-nan.yaml": ARITH + "methods: [{sample: {top-p: .NaN}}]\n",
    "keep-zero.yaml": ARITH + "methods: [{deepconf: {keep: 0}}]\n",
    "lr-nan.yaml": TTA + "methods: [{tent: {lr: .nan}}]\n",
    "lr-huge.yaml": TTA + "methods: [{tent: {lr: 1e300}}]\n",
    "fisher-samples-2p32.yaml": TTA + "methods: [{eata: {fisher-samples: 4294967296}}]\n",
    "patch-grid-zero.yaml": TTA + "methods: [{deyo: {patch-grid: 0}}]\n",
    "momentum-one.yaml": TTA + "methods: [{sar: {momentum: 1.0}}]\n",
    "entropy-temperature-inf.yaml": ARITH + "protocol: {entropy-temperature: .inf}\nmethods: [greedy]\n",
    "max-failed-share-nan.yaml": ARITH + "protocol: {max-failed-share: .nan}\nmethods: [greedy]\n",
    "batch-2p31.yaml": TTA + "protocol: {batch: 2147483648}\nmethods: [source]\n",
    "limit-1e4.yaml": TTA.replace("limit: 10}", "limit: 1e4}") + "methods: [source]\n",
    "per-level-2p32.yaml": ARITH.replace("per-level: 2", "per-level: 4294967296") + "methods: [greedy]\n",
    "version-2p31.yaml": ARITH + "version: 2147483648\nmethods: [greedy]\n",
    "step-2p63.yaml": f"""suite: s
family: reasoning
dataset: {{name: arith, levels: [1], per-level: 2}}
models:
  - {{label: a, step: 9223372036854775808, backend: embedded, weights: {R}/datasets/models/arith-tiny.bin}}
methods: [greedy]
""",
    "gate-confidence-nan.yaml": ARITH + "methods: [greedy]\nmetrics: [accuracy]\ngates: [{metric: accuracy, worse-by-at-most: 1pp, confidence: .nan}]\n",
    "gate-tolerance-inf.yaml": ARITH + "methods: [greedy]\nmetrics: [accuracy]\ngates: [{metric: accuracy, worse-by-at-most: .inf}]\n",
    # gates on what the suite cannot produce
    "gate-pass-at-64-of-2.yaml": ARITH + "methods: [{sample: {n: 2}}]\nmetrics: [accuracy, pass@64]\ngates: [{metric: pass@64, worse-by-at-most: 2pp}]\n",
    "gate-pass-at-8-greedy.yaml": ARITH + "methods: [greedy, {sample: {n: 8}}]\nmetrics: [pass@8]\ngates: [{metric: pass@8, worse-by-at-most: 2pp}]\n",
    "gate-maj-at-16-of-8.yaml": ARITH + "methods: [{self-consistency: {n: 8}}]\nmetrics: [maj@16]\ngates: [{metric: maj@16, worse-by-at-most: 2pp}]\n",
    "gate-avg-at-32-default-n.yaml": ARITH + "methods: [self-consistency]\nmetrics: [avg@32]\ngates: [{metric: avg@32, worse-by-at-most: 2pp}]\n",
    "gate-g-pass-of-4.yaml": ARITH + "methods: [{sample: {n: 4}}]\nmetrics: ['g-pass@8:0.5']\ngates: [{metric: 'g-pass@8:0.5', worse-by-at-most: 2pp}]\n",
    "gate-pass-at-8-scoped-to-greedy.yaml": ARITH + "methods: [greedy, {sample: {n: 8}}]\nmetrics: [pass@8]\ngates: [{metric: pass@8, worse-by-at-most: 2pp, methods: [greedy]}]\n",
    "gate-slice-typo-arith.yaml": ARITH + "methods: [greedy]\nmetrics: [accuracy]\ngates: [{metric: accuracy, slice: L9, worse-by-at-most: 2pp}]\n",
    "gate-slice-case-arith.yaml": ARITH + "methods: [greedy]\nmetrics: [accuracy]\ngates: [{metric: accuracy, slice: l1, worse-by-at-most: 2pp}]\n",
    "gate-slice-typo-tta.yaml": TTA + "methods: [source]\nmetrics: [error]\ngates: [{metric: error, slice: fog/6, worse-by-at-most: 1pp}]\n",
    "gate-slice-other-corruption.yaml": TTA + "methods: [source]\nmetrics: [error]\ngates: [{metric: error, slice: snow/5, worse-by-at-most: 1pp}]\n",
    "gate-slice-shipped-set.yaml": f"""suite: s
family: reasoning
dataset: {{name: aime24}}
model: {{backend: embedded, weights: {R}/datasets/models/arith-tiny.bin}}
methods: [greedy]
metrics: [accuracy]
gates: [{{metric: accuracy, slice: Level 9, worse-by-at-most: 2pp}}]
""",
    # labels that would not print as one line or one name
    "label-slash.yaml": ARITH + "methods: [greedy, {greedy: {as: 'a/b'}}]\n",
    "label-newline.yaml": ARITH + "methods: [greedy, {greedy: {as: \"a\\nb\"}}]\n",
    "label-bidi-override.yaml": ARITH + "methods: [greedy, {greedy: {as: \"\\u202Eydeerg\"}}]\n",
    "label-empty.yaml": ARITH + "methods: [greedy, {greedy: {as: ''}}]\n",
    # resource exhaustion: YAML
    "yaml-long-key.yaml": ARITH + "methods: [greedy]\n" + "k" * 100 + ": 1\n",
    "yaml-recursive-alias.yaml": "suite: s\nfamily: tta\ndataset: &d {name: cifar10, self: *d}\n",
    "yaml-recursive-list.yaml": "suite: s\nfamily: tta\nmethods: &m [source, *m]\n",
    "yaml-deep-block.yaml": "suite: s\nfamily: tta\ndataset:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(30)) + "  " * 31 + "x\n",
}


def laughs(levels, width):
    lines = ["suite: s", "family: reasoning", "a0: &a0 [" + ",".join(["x"] * width) + "]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


SUITES["yaml-billion-laughs.yaml"] = laughs(9, 9)
SUITES["yaml-laughs-few-aliases.yaml"] = laughs(4, 12)
SUITES["yaml-too-many-aliases.yaml"] = "suite: s\nfamily: tta\na: &x {b: 1}\nc: [" + ",".join(["*x"] * 60) + "]\n"
SUITES["yaml-deep-flow-sequence.yaml"] = "suite: s\nfamily: tta\ndataset: " + "[" * 20000 + "]" * 20000 + "\n"
SUITES["yaml-deep-flow-mapping.yaml"] = "suite: s\nfamily: tta\ndataset: " + "{a: " * 5000 + "1" + "}" * 5000 + "\n"
SUITES["yaml-many-values.yaml"] = "suite: s\nfamily: tta\nseeds: [" + ",".join(["1"] * 30000) + "]\n"
SUITES["yaml-wide-mapping.yaml"] = "suite: s\nfamily: tta\nextra: {" + ",".join(f"k{i}: {i}" for i in range(12000)) + "}\n"

if __name__ == "__main__":
    for name, text in SUITES.items():
        with open(name, "w", encoding="utf-8") as f:
            f.write(text)
    with open("not-utf8.yaml", "wb") as f:
        f.write(b"suite: s\nfamily: tta\ndescription: caf\xe9 cr\xe8me\n")
    with open("nul-bytes.yaml", "wb") as f:
        f.write(b"suite: s\x00\x00\nfamily: tta\n")
    with open("bom-twice.yaml", "wb") as f:
        f.write("\ufeff\ufeffsuite: s\nfamily: tta\n".encode("utf-8"))


def tta_suite(dataset, model=f"{{name: resnet20, checkpoint: {R}/datasets/models/resnet20-12fca82f.th}}"):
    return f"suite: s\nfamily: tta\ndataset: {dataset}\nmodel: {model}\nmethods: [source]\n"


def reasoning_suite(dataset, model=f"{{backend: embedded, weights: {R}/datasets/models/arith-tiny.bin}}"):
    return f"suite: s\nfamily: reasoning\ndataset: {dataset}\nmodel: {model}\nmethods: [greedy]\n"


BASE = f"{R}/datasets/cifar10/test_batch.bin"
FILES = {
    "run-cifar-label-200.yaml": tta_suite("{name: cifar10, base: cifar-label-200.bin}"),
    "run-npy-labels-11.yaml": tta_suite("{name: cifar10-c, source: npy, npy: npy-labels-11, corruptions: [fog], severities: [1], limit: 5}"),
    "run-npy-labels-negative.yaml": tta_suite("{name: cifar10-c, source: npy, npy: npy-labels-negative, corruptions: [fog], severities: [1], limit: 5}"),
    "run-npy-fog-is-a-folder.yaml": tta_suite("{name: cifar10-c, source: npy, npy: npy-fog-is-a-folder, corruptions: [fog], severities: [1], limit: 5}"),
    "run-npy-severities-garbage.yaml": tta_suite("{name: cifar10-c, source: npy, npy: npy-severities-garbage, corruptions: [fog], severities: [1], limit: 5}"),
    "run-checkpoint-stride-zero.yaml": tta_suite(f"{{name: cifar10, base: {BASE}, limit: 10}}", "{name: resnet20, checkpoint: ckpt-stride-zero-view.th}"),
    "run-checkpoint-huge-numel.yaml": tta_suite(f"{{name: cifar10, base: {BASE}, limit: 10}}", "{name: resnet20, checkpoint: ckpt-huge-numel.th}"),
    "run-weights-huge-count.yaml": reasoning_suite("{name: arith, levels: [1], per-level: 2}", "{backend: embedded, weights: weights-huge-count.bin}"),
    "run-weights-header-not-a-number.yaml": reasoning_suite("{name: arith, levels: [1], per-level: 2}", "{backend: embedded, weights: weights-header-not-a-number.bin}"),
    "run-weights-string-past-end.yaml": reasoning_suite("{name: arith, levels: [1], per-level: 2}", "{backend: embedded, weights: weights-string-past-end.bin}"),
    "run-problems-not-utf8.yaml": reasoning_suite("{name: jsonl, jsonl: problems-not-utf8.jsonl}"),
    "run-n-1e10-as-string.yaml": reasoning_suite("{name: arith, levels: [1], per-level: 2}").replace("[greedy]", "[{sample: {n: '1e10'}}]"),
    "path-base-dev-zero.yaml": tta_suite("{name: cifar10, base: /dev/zero}"),
    "path-base-dev-urandom.yaml": tta_suite("{name: cifar10, base: /dev/urandom}"),
    "path-base-folder.yaml": tta_suite("{name: cifar10, base: .}"),
    "path-clean-dev-zero.yaml": tta_suite(f"{{name: cifar10, base: {BASE}, clean: /dev/zero}}"),
    "path-checkpoint-dev-zero.yaml": tta_suite(f"{{name: cifar10, base: {BASE}}}", "{name: resnet20, checkpoint: /dev/zero}"),
    "path-checkpoint-folder.yaml": tta_suite(f"{{name: cifar10, base: {BASE}}}", "{name: resnet20, checkpoint: npy-labels-11}"),
    "path-npy-dev-null.yaml": tta_suite("{name: cifar10-c, source: npy, npy: /dev/null}"),
    "path-npy-is-a-file.yaml": tta_suite("{name: cifar10-c, source: npy, npy: cifar-label-10.bin}"),
    "path-jsonl-dev-urandom.yaml": reasoning_suite("{name: jsonl, jsonl: /dev/urandom}"),
    "path-jsonl-folder.yaml": reasoning_suite("{name: jsonl, jsonl: npy-labels-11}"),
    "path-weights-dev-zero.yaml": reasoning_suite("{name: arith}", "{backend: embedded, weights: /dev/zero}"),
    "path-module-dev-zero.yaml": reasoning_suite("{name: arith}", "{backend: djl-torchscript, module: /dev/zero, vocab: /dev/null}"),
    "path-parquet-dev-zero.yaml": reasoning_suite("{name: parquet, parquet: /dev/zero}"),
}
if __name__ == "__main__":
    for name, text in FILES.items():
        with open(name, "w", encoding="utf-8") as f:
            f.write(text)
