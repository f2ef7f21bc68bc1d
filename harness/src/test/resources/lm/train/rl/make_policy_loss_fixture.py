"""Builds policy_loss_fixture.json for PolicyLossTest: the GRPO loss of every entropy treatment and its gradient with
respect to the logits, computed by PyTorch autograd on a tiny case, following verl's formulas (compute_policy_loss,
the Entropy-Mechanism repository's compute_policy_loss_kl_cov / _clip_cov with the selections given, entropy from
logits, low_var_kl) and H_alpha = logsumexp(alpha * log p) / (1 - alpha).

Run with Debian's python3-torch:  /usr/bin/python3 make_policy_loss_fixture.py   (seeded; under a second)
"""
import json
import torch

torch.manual_seed(7)
torch.set_default_dtype(torch.float64)
ROWS, LENGTH, VOCAB = 2, 4, 5

logits = torch.randn(ROWS, LENGTH, VOCAB) * 1.5
targets = torch.randint(0, VOCAB, (ROWS, LENGTH))
mask = torch.tensor([[0.0, 1.0, 1.0, 1.0], [0.0, 0.0, 1.0, 1.0]])
with torch.no_grad():
    logp0 = torch.log_softmax(logits, -1).gather(-1, targets.unsqueeze(-1)).squeeze(-1)
# old log-probs away from the current ones, so that some ratios leave [1 - eps, 1 + eps]
old = (logp0 + torch.tensor([[0.0, 0.35, -0.05, -0.4], [0.0, 0.0, 0.1, 0.6]])) * mask
advantages = torch.tensor([[1.2] * LENGTH, [-0.7] * LENGTH]) * mask
ref = (logp0 + torch.randn(ROWS, LENGTH) * 0.3) * mask
kl_cov_selected = torch.tensor([[0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 0.0, 1.0]])
clip_cov_keep = torch.tensor([[1.0, 1.0, 0.0, 1.0], [1.0, 1.0, 1.0, 1.0]])
EPS = 0.2


def masked_mean(x):
    return (x * mask).sum() / mask.sum()


def loss_of(case, z):
    logsm = torch.log_softmax(z, -1)
    logp = logsm.gather(-1, targets.unsqueeze(-1)).squeeze(-1)
    ratio = torch.exp(logp - old)
    pg1 = -advantages * ratio
    pg2 = -advantages * torch.clamp(ratio, 1 - EPS, 1 + EPS)
    if case["treatment"] == "kl-cov":
        pg = pg1 + case["coef"] * (logp - old).abs() * kl_cov_selected
    else:
        pg = torch.maximum(pg1, pg2)
    if case["treatment"] == "clip-cov":
        pg = pg * clip_cov_keep
    loss = masked_mean(pg)
    if case["treatment"] == "shannon":
        p = torch.softmax(z, -1)
        entropy = torch.logsumexp(z, -1) - (p * z).sum(-1)  # verl's entropy_from_logits
        loss = loss - case["beta"] * masked_mean(entropy)
    if case["treatment"] == "renyi":
        a = case["alpha"]
        h = torch.logsumexp(a * logsm, -1) / (1 - a)
        loss = loss - case["beta"] * masked_mean(h)
    kl = ref - logp
    k3 = torch.clamp(torch.exp(kl) - kl - 1, min=-10, max=10)
    loss = loss + case["kl"] * masked_mean(k3)
    clipfrac = masked_mean(torch.gt(pg2, pg1).double())
    return loss, clipfrac, masked_mean(k3)


CASES = [
    {"name": "plain", "treatment": "plain", "kl": 0.0},
    {"name": "plain-with-kl", "treatment": "plain", "kl": 0.1},
    {"name": "shannon", "treatment": "shannon", "beta": 0.05, "kl": 0.0},
    {"name": "renyi-2", "treatment": "renyi", "alpha": 2.0, "beta": 0.05, "kl": 0.0},
    {"name": "renyi-0.5", "treatment": "renyi", "alpha": 0.5, "beta": 0.05, "kl": 0.0},
    {"name": "kl-cov", "treatment": "kl-cov", "coef": 1.0, "kl": 0.0},
    {"name": "clip-cov", "treatment": "clip-cov", "kl": 0.0},
]

out = {
    "shape": [ROWS, LENGTH, VOCAB], "clip_eps": EPS,
    "logits": logits.flatten().tolist(), "targets": targets.flatten().tolist(), "mask": mask.flatten().tolist(),
    "old": old.flatten().tolist(), "advantages": advantages.flatten().tolist(), "ref": ref.flatten().tolist(),
    "kl_cov_selected": kl_cov_selected.flatten().tolist(), "clip_cov_keep": clip_cov_keep.flatten().tolist(),
    "cases": [],
}
for case in CASES:
    z = logits.clone().requires_grad_(True)
    loss, clipfrac, k3 = loss_of(case, z)
    loss.backward()
    out["cases"].append(dict(case, loss=loss.item(), clip_fraction=clipfrac.item(), k3=k3.item(),
                             grad=z.grad.flatten().tolist()))
with open("policy_loss_fixture.json", "w") as f:
    json.dump(out, f, indent=1)
print("wrote policy_loss_fixture.json:", [(c["name"], round(c["loss"], 6), c["clip_fraction"]) for c in out["cases"]])
