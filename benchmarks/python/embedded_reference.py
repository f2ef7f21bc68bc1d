#!/usr/bin/python3
"""PyTorch forward pass of the embedded arithmetic model, for the Java tests (lm/embedded/EmbeddedModelTest).

  embedded_reference.py [PROMPT...] > harness/src/test/resources/lm/embedded/greedy-reference.txt

Reads datasets/models/arith-tiny.bin (format: lm/embedded/WeightsFile's javadoc, little-endian: magic EHLM, int32
version 1, int32 header length, key=value header, int32 tensor count, then per tensor int32 name length, name, int32
rank, int32 dimensions, float32 values), builds the decoder the header describes (docs/embedded-model.md: learned
token and position embeddings, pre-LayerNorm blocks of causal multi-head attention and a ReLU MLP, final LayerNorm,
untied output layer; linear weights stored [in, out]) from torch.nn.functional, and decodes each prompt greedily.
The character vocabulary is <pad> <bos> <eos> then "\\n =+-*/()0123456789\\\\{}bdeox"; a prompt is
<bos> prompt \\n. For each generated token it prints the text so far, the Shannon entropy (nats) of the next-token
distribution, the chosen token's logprob and DeepConf's confidence (minus the mean of the top-20 logprobs), until
<eos> or 64 tokens.

Run with Debian's python3-torch (/usr/bin/python3) from the repository root.
"""
import struct
import sys

import torch
import torch.nn.functional as F

CHARACTERS = "\n =+-*/()0123456789\\{}bdeox"
PAD, BOS, EOS, SPECIALS = 0, 1, 2, 3


def read_weights(path):
    with open(path, "rb") as f:
        data = f.read()
    at = 0

    def ints(n):
        nonlocal at
        values = struct.unpack_from(f"<{n}i", data, at)
        at += 4 * n
        return values

    def text(n):
        nonlocal at
        value = data[at:at + n].decode("utf-8")
        at += n
        return value

    magic, version = ints(2)
    assert data[:4] == b"EHLM" and version == 1, "not an EHLM version 1 file"
    header = dict(line.split("=", 1) for line in text(ints(1)[0]).splitlines() if "=" in line)
    tensors = {}
    for _ in range(ints(1)[0]):
        name = text(ints(1)[0])
        shape = ints(ints(1)[0])
        count = 1
        for d in shape:
            count *= d
        tensors[name] = torch.tensor(struct.unpack_from(f"<{count}f", data, at), dtype=torch.float32).reshape(shape)
        at += 4 * count
    return {k: int(v) for k, v in header.items()}, tensors


def logits(config, w, tokens):
    """Next-token logits at every position of tokens (no cache: the whole sequence each time)."""
    n, d, heads = len(tokens), config["d_model"], config["heads"]
    x = w["tok_emb"][tokens] + w["pos_emb"][:n]
    causal = torch.ones(n, n, dtype=torch.bool).tril()
    for layer in range(config["layers"]):
        p = f"h{layer}."
        h = F.layer_norm(x, (d,), w[p + "ln1.g"], w[p + "ln1.b"], eps=1e-5)
        q, k, v = (h @ w[p + "qkv.w"] + w[p + "qkv.b"]).split(d, dim=1)
        q, k, v = (t.reshape(n, heads, d // heads).transpose(0, 1) for t in (q, k, v))
        scores = (q @ k.transpose(1, 2)) / (d // heads) ** 0.5
        attention = scores.masked_fill(~causal, float("-inf")).softmax(-1) @ v
        x = x + attention.transpose(0, 1).reshape(n, d) @ w[p + "proj.w"] + w[p + "proj.b"]
        h = F.layer_norm(x, (d,), w[p + "ln2.g"], w[p + "ln2.b"], eps=1e-5)
        x = x + F.relu(h @ w[p + "fc1.w"] + w[p + "fc1.b"]) @ w[p + "fc2.w"] + w[p + "fc2.b"]
    x = F.layer_norm(x, (d,), w["lnf.g"], w["lnf.b"], eps=1e-5)
    return x @ w["head.w"] + w["head.b"]


def greedy(config, w, prompt, limit=64):
    tokens = [BOS] + [SPECIALS + CHARACTERS.index(c) for c in prompt] + [SPECIALS + CHARACTERS.index("\n")]
    steps = []
    for _ in range(limit):
        with torch.no_grad():
            logp = logits(config, w, torch.tensor(tokens))[-1].double().log_softmax(0)
        token = int(logp.argmax())
        entropy = -(logp.exp() * logp).sum().item()
        confidence = -logp.sort(descending=True).values[:20].mean().item()
        steps.append((token, entropy, logp[token].item(), confidence))
        if token == EOS:
            break
        tokens.append(token)
    return steps


def main():
    config, weights = read_weights("datasets/models/arith-tiny.bin")
    prompts = sys.argv[1:] or ["3+4"]
    print(f"# written by benchmarks/python/embedded_reference.py {' '.join(repr(p) for p in prompts)} with torch "
          f"{torch.__version__}; model {config}")
    for prompt in prompts:
        steps = greedy(config, weights, prompt)
        completion = "".join(CHARACTERS[t - SPECIALS] for t, *_ in steps if t >= SPECIALS)
        print(f"prompt {prompt!r} greedy {completion!r}")
        print("entropies", " ".join(f"{s[1]:.6f}" for s in steps))
        print("logprobs", " ".join(f"{s[2]:.6f}" for s in steps))
        print("confidences", " ".join(f"{s[3]:.6f}" for s in steps))


if __name__ == "__main__":
    sys.exit(main())
