"""Builds the TorchScript fixture tiny_adder.pt (a character-level GRU trained briefly on a+b=c), its vocabulary,
and golden greedy decodes with exact entropies, for DjlTorchScriptBackendTest.

Run with Debian's python3-torch:  /usr/bin/python3 make_tiny_adder.py   (seeded; about a minute on 2 CPU cores)
"""
import json
import random
import torch
import torch.nn as nn

torch.manual_seed(0)
random.seed(0)
torch.set_num_threads(1)
TOKENS = ["<eos>"] + list("0123456789+= ")
ID = {t: i for i, t in enumerate(TOKENS)}
V = len(TOKENS)


class TinyAdder(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(V, 32)
        self.gru = nn.GRU(32, 96, batch_first=True)
        self.out = nn.Linear(96, V)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(self.emb(ids))
        return self.out(h)


def example():
    a, b = random.randint(0, 49), random.randint(0, 49)
    prompt = f"{a}+{b}="
    return prompt, str(a + b)


def batch(size):
    seqs = []
    for _ in range(size):
        p, c = example()
        seqs.append(([ID[ch] for ch in p], [ID[ch] for ch in c] + [ID["<eos>"]]))
    T = max(len(p) + len(c) for p, c in seqs)
    x = torch.zeros(size, T, dtype=torch.long)
    y = torch.full((size, T), -100, dtype=torch.long)
    for i, (p, c) in enumerate(seqs):
        s = p + c
        x[i, : len(s)] = torch.tensor(s)
        # learn only the answer: position k predicts token k+1
        for k in range(len(p) - 1, len(s) - 1):
            y[i, k] = s[k + 1]
    return x, y


def greedy(model, prompt, max_tokens=6):
    ids = [ID[ch] for ch in prompt]
    out, ents, lps = [], [], []
    for _ in range(max_tokens):
        logits = model(torch.tensor([ids]))[0, -1].double()
        logp = torch.log_softmax(logits, -1)
        tok = int(torch.argmax(logp))
        ents.append(float(-(logp.exp() * logp).sum()))
        lps.append(float(logp[tok]))
        out.append(tok)
        ids.append(tok)
        if tok == ID["<eos>"]:
            break
    text = "".join(TOKENS[t] for t in out if t != ID["<eos>"])
    return {"prompt": prompt, "text": text, "tokens": len(out), "entropies": ents, "logprobs": lps,
            "finish": "stop" if out[-1] == ID["<eos>"] else "length"}


model = TinyAdder()
opt = torch.optim.Adam(model.parameters(), lr=3e-3)
loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
for step in range(2500):
    x, y = batch(64)
    loss = loss_fn(model(x).reshape(-1, V), y.reshape(-1))
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 500 == 0:
        print("step", step, "loss", round(loss.item(), 4))
model.eval()
with torch.no_grad():
    random.seed(123)
    held = [example() for _ in range(200)]
    correct = sum(greedy(model, p)["text"] == c for p, c in held)
    print("greedy exact-match on 200 held-out sums:", correct / 200)
    golden = [greedy(model, p) for p in ["12+7=", "40+45=", "3+", "9"]]
scripted = torch.jit.script(model)
scripted.save("tiny_adder.pt")
json.dump({str(i): t for i, t in enumerate(TOKENS)}, open("tiny_adder_vocab.json", "w"), indent=0)
json.dump({"heldout_exact_match": correct / 200, "golden": golden}, open("tiny_adder_golden.json", "w"), indent=1)
