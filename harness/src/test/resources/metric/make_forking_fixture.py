#!/usr/bin/python3
"""Writes forking-tokens.tsv: numpy's reference values for ForkingTokens.

threshold = numpy.percentile(reference, p) (numpy's default method, 'linear');
share     = mean(model >= threshold of the reference);
overlap   = |{i: base[i] >= percentile(base, p)} & {i: model[i] >= percentile(model, p)}| / |{i: base[i] >= percentile(base, p)}|.
Rows: "array <name> <comma-separated values>", then "case <base> <model> <p> <threshold> <share> <overlap>".
Run: /usr/bin/python3 make_forking_fixture.py > forking-tokens.tsv
"""
import numpy as np

rng = np.random.default_rng(20250601)
arrays = {
    "one": np.array([0.7]),
    "two": np.array([0.1, 2.0]),
    "ties": np.array([0.0, 0.0, 0.0, 0.5, 0.5, 0.5, 0.5, 1.0, 1.0, 3.0]),
    # Token entropies are mostly near zero with a long tail (Wang et al. 2025, Fig. 2): a log-normal stands in.
    "base": rng.lognormal(mean=-3.0, sigma=2.0, size=1000),
}
arrays["model"] = arrays["base"] * rng.uniform(0.3, 1.2, size=1000) + rng.normal(0, 0.01, size=1000).clip(0)
arrays["ties-model"] = np.array([3.0, 0.0, 1.0, 0.0, 0.5, 0.5, 0.0, 0.5, 1.0, 0.5])
arrays["one-model"] = np.array([0.2])
arrays["two-model"] = np.array([1.0, 0.5])

for name, values in arrays.items():
    print("array\t" + name + "\t" + ",".join(repr(float(v)) for v in values))

for base, model in (("one", "one-model"), ("two", "two-model"), ("ties", "ties-model"), ("base", "model")):
    b, m = arrays[base], arrays[model]
    for p in (0.0, 20.0, 50.0, 80.0, 90.0, 95.0, 99.0, 100.0):
        threshold = np.percentile(b, p)
        share = np.mean(m >= threshold)
        high_base = b >= np.percentile(b, p)
        high_model = m >= np.percentile(m, p)
        overlap = np.sum(high_base & high_model) / np.sum(high_base)
        print(f"case\t{base}\t{model}\t{p!r}\t{float(threshold)!r}\t{float(share)!r}\t{float(overlap)!r}")
