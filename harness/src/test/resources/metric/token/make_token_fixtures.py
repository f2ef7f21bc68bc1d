"""Builds token_distributions.json: reference values for the token-distribution kernel (metric.token, lm.token),
computed in float64 with PyTorch from float32 logits rows.

- per row: log-softmax at temperatures 1, 0.7 and 2.5 (rows up to 1,000 entries), Shannon entropy, Renyi entropies
  (alpha 0.25, 0.5, 2, 3.5 as logsumexp(alpha * log p) / (1 - alpha); min-entropy -max log p), DeepConf confidence
  -mean(top-k log p) for k = 1, 5, 20, 100 (k capped at the unmasked tokens), and the entropy of the top-k log p
  renormalised over those k (k = 5, 20);
- per sampling case: the distribution a draw follows after temperature, top-k, top-p and min-p, applied in the order
  and with the semantics of Hugging Face transformers' TemperatureLogitsWarper, TopKLogitsWarper, TopPLogitsWarper
  and MinPLogitsWarper (each masks with -inf; the next one takes the softmax of what is left), re-implemented here
  because transformers is not installed.

Run with Debian's python3-torch:  /usr/bin/python3 make_token_fixtures.py   (seeded; a few seconds)
"""
import json
import math
import torch

torch.manual_seed(14)
F64 = torch.float64


def gauss(n, scale):
    return (torch.randn(n, dtype=torch.float32) * scale).tolist()


def rows():
    out = {
        "uniform-31": [0.0] * 31,
        "single": [0.5],
        "gauss-7": gauss(7, 2.0),
        "gauss-31": gauss(31, 2.0),
        "gauss-1000": gauss(1000, 3.0),
        "gauss-4099": gauss(4099, 1.0),
        "gauss-8195-wide": gauss(8195, 8.0),
        "huge-magnitudes": [1000.0, 1000.0, -1000.0],
        "ties-20": [3.0, 3.0, 1.0, 1.0] + [0.0] * 16,
        "spread-below-floor": [-float(i) * 7.3 for i in range(40)],
    }
    peaked = gauss(31, 1.0)
    peaked[9] += 25.0
    out["peaked-31"] = peaked
    peaked_long = gauss(4099, 1.0)
    peaked_long[2050] += 30.0
    out["peaked-4099"] = peaked_long
    masked = gauss(45, 2.0)
    for i in range(0, 45, 2):
        masked[i] = -math.inf
    out["masked-45"] = masked
    return out


def stats(z):
    x = torch.tensor(z, dtype=torch.float32).to(F64)
    logp = torch.log_softmax(x, 0)
    p = logp.exp()
    finite = logp[torch.isfinite(logp)]
    shannon = -torch.where(p > 0, p * logp, torch.zeros_like(p)).sum().item()
    renyi = {str(a): (torch.logsumexp(a * finite, 0).item() / (1 - a)) for a in (0.25, 0.5, 2.0, 3.5)}
    renyi["Infinity"] = -finite.max().item()
    confidence = {}
    for k in (1, 5, 20, 100):
        top = torch.topk(finite, min(k, finite.numel())).values
        confidence[str(k)] = -top.mean().item()
    top_k_entropy = {}
    for k in (5, 20):
        if finite.numel() >= k:
            q = torch.log_softmax(torch.topk(finite, k).values, 0)
            top_k_entropy[str(k)] = -(q.exp() * q).sum().item()
    entry = {"logits": z, "shannon": shannon, "renyi": renyi, "confidence": confidence, "topKEntropy": top_k_entropy}
    if len(z) <= 1000:
        entry["logSoftmax"] = {str(t): torch.log_softmax(x / t, 0).tolist() for t in (1.0, 0.7, 2.5)}
    return entry


def warp(z, temperature, top_k, top_p, min_p):
    """HF's warpers in HF's order; returns the probabilities a draw follows."""
    scores = torch.tensor(z, dtype=torch.float32).to(F64) / temperature
    if top_k > 0:
        kth = torch.topk(scores, min(top_k, scores.numel())).values[-1]
        scores = scores.masked_fill(scores < kth, -math.inf)
    if top_p < 1.0:
        sorted_logits, sorted_idx = torch.sort(scores, descending=False)
        cumulative = sorted_logits.softmax(0).cumsum(0)
        remove = cumulative <= (1 - top_p)
        remove[-1] = False
        scores = scores.masked_fill(remove.scatter(0, sorted_idx, remove), -math.inf)
    if min_p > 0:
        probs = scores.softmax(0)
        scores = scores.masked_fill(probs < min_p * probs.max(), -math.inf)
    return scores.softmax(0).tolist()


def sampling_cases():
    z8 = [math.log(p) for p in (0.30, 0.22, 0.16, 0.12, 0.09, 0.06, 0.03, 0.02)]
    z12 = gauss(12, 0.8)
    cases = []
    for name, z in (("z8", z8), ("z12", z12)):
        for t, k, p, m in ((1.0, 0, 1.0, 0.0), (0.7, 0, 1.0, 0.0), (1.0, 3, 1.0, 0.0), (1.0, 0, 0.75, 0.0),
                           (1.3, 5, 0.6, 0.0), (1.0, 0, 1.0, 0.25), (0.8, 6, 0.9, 0.1), (2.0, 50, 1.0, 0.0)):
            cases.append({"row": name, "logits": z, "temperature": t, "topK": k, "topP": p, "minP": m,
                          "probabilities": warp(z, t, k, p, m)})
    return cases


def main():
    doc = {
        "generator": "make_token_fixtures.py, torch " + torch.__version__,
        "rows": {name: stats(z) for name, z in rows().items()},
        "sampling": sampling_cases(),
    }
    with open("token_distributions.json", "w") as f:
        json.dump(doc, f, indent=None, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
