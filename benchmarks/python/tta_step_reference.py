#!/usr/bin/python3
"""PyTorch reference steps of EATA, SAR and DeYO for the Java tests (method/tta/EataTest, SarTest, DeyoTest).

  tta_step_reference.py OUT.txt

Each method is written here from its paper and its authors' code, independently of the Java implementation:

  EATA  Niu et al., ICML 2022; github.com/mr-eggplant/EATA (eata.py forward_and_adapt_eata, main.py's Fisher loop)
  SAR   Niu et al., ICLR 2023; github.com/mr-eggplant/SAR (sar.py forward_and_adapt_sar, sam.py first/second_step)
  DeYO  Lee et al., ICLR 2024; github.com/Jhyun17/DeYO (methods/deyo.py forward_and_adapt_deyo, aug_type 'patch')

on ResNet-20 (resnet20-12fca82f.th) and the first CIFAR-10 test images under noise (load_noisy), with the
harness's defaults (docs/methods.md) unless a scenario says otherwise. The output holds, per scenario, the selection
counts, the flat BatchNorm affine vector after the steps (per BatchNorm layer in forward order: weight then bias,
the Java layout) and the logits of a held-out batch under the adapted parameters (batch statistics). It also records
how far each filter decision is from its threshold and how much the result moves when one ingredient of the method
is left out, so that the Java tests can choose tolerances that are loose for float noise and tight for a wrong
method.

Model recovery in SAR: the paper resets the model to its initial weights when the moving average of the loss falls
below e_m. The authors' code means to reset the optimizer and the average too (SAR.reset loads the saved optimizer
state and sets ema to None), but two details of that code keep them: SAR.forward assigns self.ema = ema right after
self.reset(), and SAM.state_dict() does not hold the base SGD's momentum buffers, so loading it leaves them in
place (checked with torch 1.13). This reference follows the paper and the intent of reset(): weights, momentum
and the average start over; the output also says where the authors' behaviour would end.

Run with Debian's python3-torch (/usr/bin/python3) from the repository root.
"""
import math
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

import numpy as np

from tta_reference import MEAN, STD, load_clean, load_model

CLASSES = 10
LN_C = math.log(CLASSES)
NOISE = 64


def load_noisy(count):
    """The first test images with uniform noise of ±NOISE grey levels, so that some samples fall outside the
    entropy filters. The noise comes from Knuth's multiplicative hash of each byte's index in the NHWC layout, in
    integer arithmetic, so the Java tests make the same bytes: v' = clamp(v + floor((h − 128)·NOISE / 128), 0, 255),
    h = ((index + 1)·2654435761 mod 2^32) >> 24."""
    raw = np.fromfile("datasets/cifar10/test_batch.bin", dtype=np.uint8).reshape(-1, 3073)[:count]
    nhwc = raw[:, 1:].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1).astype(np.int64)
    index = np.arange(nhwc.size, dtype=np.int64).reshape(nhwc.shape)
    h = ((index + 1) * 2654435761 % 2 ** 32) >> 24
    noisy = np.clip(nhwc + np.floor_divide((h - 128) * NOISE, 128), 0, 255).astype(np.float32)
    images = torch.from_numpy(noisy.transpose(0, 3, 1, 2).copy()) / 255.0
    return (images - MEAN) / STD


def configure(model):
    """The three methods' configure_model: train mode, batch statistics in every BatchNorm, gradients to the
    BatchNorm affine parameters only (collect_params keeps all of them: ResNet-20 has no layer4)."""
    model.train()
    model.requires_grad_(False)
    params = []
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.requires_grad_(True)
            m.track_running_stats = False
            m.running_mean = None
            m.running_var = None
            params += [m.weight, m.bias]
    return params


def flat(params):
    return torch.cat([p.detach().reshape(-1) for p in params])


def entropy(logits):
    return -(logits.softmax(1) * logits.log_softmax(1)).sum(1)


def margin(values, threshold):
    """Smallest distance of a value to its threshold: how robust a filter decision is to float noise."""
    return (values - threshold).abs().min().item() if len(values) else math.inf


# ---------------------------------------------------------------- EATA

def fisher_information(model, params, clean, batch):
    """main.py: cross-entropy against the model's own arg-max, squared gradients summed over batches, divided by
    the number of batches."""
    total = [torch.zeros_like(p) for p in params]
    batches = 0
    for start in range(0, len(clean), batch):
        logits = model(clean[start:start + batch])
        grads = torch.autograd.grad(F.cross_entropy(logits, logits.argmax(1)), params)
        total = [t + g.detach() ** 2 for t, g in zip(total, grads)]
        batches += 1
    return [t / batches for t in total]


class Eata:
    def __init__(self, model, params, fisher, lr=0.005, e_margin=0.4, d_margin=0.4, alpha=1.0,
                 redundancy=True, reweight=True):
        self.model, self.params, self.fisher, self.alpha = model, params, fisher, alpha
        self.anchor = [p.detach().clone() for p in params]
        self.optimizer = torch.optim.SGD(params, lr=lr, momentum=0.9)
        self.e0, self.d = e_margin * LN_C, d_margin
        self.redundancy, self.reweight = redundancy, reweight
        self.moving = None
        self.margins = []

    def step(self, x):
        logits = self.model(x)
        ent = entropy(logits)
        reliable = torch.where(ent < self.e0)[0]
        self.margins.append(margin(ent, self.e0))
        probs = logits[reliable].softmax(1)
        selected = reliable
        if self.moving is not None and self.redundancy:
            cos = F.cosine_similarity(self.moving.unsqueeze(0), probs, dim=1)
            self.margins.append(margin(cos.abs(), self.d))
            keep = torch.where(cos.abs() < self.d)[0]
            selected, probs = reliable[keep], probs[keep]
        if len(selected) > 0:
            mean = probs.detach().mean(0)
            self.moving = mean if self.moving is None else 0.9 * self.moving + 0.1 * mean
        chosen = ent[selected]
        coeff = torch.exp(self.e0 - chosen.detach()) if self.reweight else torch.ones_like(chosen)
        loss = (chosen * coeff).mean(0)
        if self.fisher is not None:
            loss = loss + self.alpha * sum((f * (p - a) ** 2).sum()
                                           for f, p, a in zip(self.fisher, self.params, self.anchor))
        if len(selected) > 0:
            loss.backward()
            self.optimizer.step()
        self.optimizer.zero_grad()
        return len(reliable), len(selected)


# ---------------------------------------------------------------- SAR

class Sar:
    def __init__(self, model, params, lr=1e-3, e_margin=0.4, rho=0.05, reset_threshold=0.2, sam=True,
                 authors_recovery=False):
        self.model, self.params, self.authors_recovery = model, params, authors_recovery
        self.initial = [p.detach().clone() for p in params]
        self.lr, self.e0, self.rho, self.threshold, self.sam = lr, e_margin * LN_C, rho, reset_threshold, sam
        self.optimizer = torch.optim.SGD(params, lr=lr, momentum=0.9)
        self.ema = None
        self.margins = []

    def step(self, x):
        ent = entropy(self.model(x))
        reliable = torch.where(ent < self.e0)[0]
        self.margins.append(margin(ent, self.e0))
        ent[reliable].mean(0).backward()
        # SAM's first step: climb to θ + ρ g/‖g‖, remembering θ exactly
        old = [p.detach().clone() for p in self.params]
        norm = torch.norm(torch.stack([p.grad.norm(2) for p in self.params]), 2)
        with torch.no_grad():
            for p in self.params:
                if self.sam:
                    p.add_(p.grad * (self.rho / (norm + 1e-12)))
                p.grad = None
        ent2 = entropy(self.model(x))[reliable]
        still = torch.where(ent2 < self.e0)[0]
        self.margins.append(margin(ent2, self.e0))
        loss2 = ent2[still].mean(0)
        if not math.isnan(loss2.item()):
            self.ema = loss2.item() if self.ema is None else 0.9 * self.ema + 0.1 * loss2.item()
        loss2.backward()
        # SAM's second step: back to θ, then the base optimizer's step with the gradient taken at θ + ε
        with torch.no_grad():
            for p, o in zip(self.params, old):
                p.copy_(o)
        self.optimizer.step()
        self.optimizer.zero_grad()
        reset = self.ema is not None and self.ema < self.threshold
        if reset:
            self.recover()
        return len(reliable), len(still), reset

    def recover(self):
        with torch.no_grad():
            for p, p0 in zip(self.params, self.initial):
                p.copy_(p0)
        if self.authors_recovery:  # what the authors' code ends up doing: momentum and average survive
            return
        self.optimizer = torch.optim.SGD(self.params, lr=self.lr, momentum=0.9)
        self.ema = None


# ---------------------------------------------------------------- DeYO

def patch_shuffle(x, perms, grid):
    """deyo.py's 'patch' augmentation: cut into grid × grid patches (row-major), output patch k is input patch
    perm[k]. The Resize calls around it are identities here (32 is a multiple of the grid)."""
    n, c, h, w = x.shape
    ph, pw = h // grid, w // grid
    patches = x.reshape(n, c, grid, ph, grid, pw).permute(0, 2, 4, 1, 3, 5).reshape(n, grid * grid, c, ph, pw)
    patches = patches[torch.arange(n).unsqueeze(-1), perms]
    return patches.reshape(n, grid, grid, c, ph, pw).permute(0, 3, 1, 4, 2, 5).reshape(n, c, h, w)


class Deyo:
    def __init__(self, model, params, lr=2.5e-4, e_margin=0.5, reweight_margin=0.4, plpd_threshold=0.2, grid=4,
                 reweight_ent=1.0, reweight_plpd=1.0, plpd_filter=True):
        self.model, self.params = model, params
        self.optimizer = torch.optim.SGD(params, lr=lr, momentum=0.9)
        self.deyo_margin, self.e0 = e_margin * LN_C, reweight_margin * LN_C
        self.threshold, self.grid = plpd_threshold, grid
        self.reweight_ent, self.reweight_plpd, self.plpd_filter = reweight_ent, reweight_plpd, plpd_filter
        self.margins = []

    def step(self, x, perms):
        logits = self.model(x)
        ent = entropy(logits)
        confident = torch.where(ent < self.deyo_margin)[0]
        self.margins.append(margin(ent, self.deyo_margin))
        if len(confident) == 0:
            return 0, 0
        x_prime = patch_shuffle(x[confident].detach(), perms, self.grid)
        with torch.no_grad():
            prime = self.model(x_prime).softmax(1)
        probs = logits[confident].softmax(1)
        label = probs.argmax(1, keepdim=True)
        plpd = (probs.gather(1, label) - prime.gather(1, label)).reshape(-1)
        self.margins.append(margin(plpd.detach(), self.threshold))
        kept = torch.where(plpd > self.threshold)[0] if self.plpd_filter else torch.arange(len(plpd))
        if len(kept) == 0:
            return len(confident), 0
        chosen, plpd = ent[confident][kept], plpd[kept].detach()
        coeff = (self.reweight_ent * torch.exp(self.e0 - chosen.detach())
                 + self.reweight_plpd * torch.exp(plpd))
        (chosen * coeff).mean(0).backward()
        self.optimizer.step()
        self.optimizer.zero_grad()
        return len(confident), len(kept)


# ---------------------------------------------------------------- output

class Fixture:
    def __init__(self):
        self.lines = []

    def comment(self, text):
        self.lines.append("# " + text)

    def row(self, tag, values, fmt="{:.8e}"):
        self.lines.append(tag + " " + " ".join(fmt.format(v) for v in values))

    def logits(self, tag, model, x):
        with torch.no_grad():
            for r in model(x).tolist():
                self.row(tag, r)


def fresh():
    model = load_model(20)
    return model, configure(model)


def max_change(a, b):
    return (a - b).abs().max().item()


def eata_scenario(out, images, clean):
    alpha = 2000.0
    out.comment("eata: fisher-samples 32, fisher-batch 16 (train_first2000.bin images 0..31), fisher-alpha "
                f"{alpha:g} (EATA's ImageNet weight: with CIFAR's 1.0 the regulariser is below float noise), other"
                " parameters default; step 1 on noisy test images 0..15, step 2 on 16..31, logits of 32..47")
    results = {}
    for variant in ("reference", "no-fisher", "no-redundancy-filter", "no-reweighting"):
        model, params = fresh()
        fisher = fisher_information(model, params, clean[:32], 16)
        method = Eata(model, params, None if variant == "no-fisher" else fisher, alpha=alpha,
                      redundancy=variant != "no-redundancy-filter", reweight=variant != "no-reweighting")
        counts = [method.step(images[0:16]), method.step(images[16:32])]
        results[variant] = flat(params)
        if variant == "reference":
            out.row("eata-fisher", flat(fisher))
            out.row("eata-counts", [c for pair in counts for c in pair], "{:d}")
            out.row("eata-affine", flat(params))
            out.logits("eata-logits", model, images[32:48])
            out.comment("eata: smallest distance of an entropy to E0, of a |cosine| to d-margin: "
                        + ", ".join(f"{m:.3e}" for m in method.margins))
            out.comment("eata: largest change of an affine value over the two steps: "
                        f"{max_change(flat(params), flat(fresh()[1])):.3e}")
    for variant in ("no-fisher", "no-redundancy-filter", "no-reweighting"):
        out.comment(f"eata: largest affine difference to the reference with {variant}: "
                    f"{max_change(results[variant], results['reference']):.3e}")


def sar_scenario(out, images):
    out.comment("sar: defaults but reset-threshold 0 (no recovery), one step on noisy test images 0..15, logits of "
                "16..31")
    results = {}
    for variant in ("reference", "no-sam"):
        model, params = fresh()
        method = Sar(model, params, reset_threshold=0.0, sam=variant == "reference")
        counts = method.step(images[0:16])
        results[variant] = flat(params)
        if variant == "reference":
            out.row("sar-counts", counts[:2], "{:d}")
            out.row("sar-ema", [method.ema])
            out.row("sar-affine", flat(params))
            out.logits("sar-logits", model, images[16:32])
            out.comment("sar: smallest distance of an entropy to E0 (first, second forward): "
                        + ", ".join(f"{m:.3e}" for m in method.margins))
            out.comment(f"sar: largest change of an affine value: {max_change(flat(params), flat(fresh()[1])):.3e}")
    out.comment("sar: largest affine difference to the reference without the SAM ascent: "
                f"{max_change(results['no-sam'], results['reference']):.3e}")
    sar_recovery(out, images)


def sar_recovery(out, images):
    """Two steps: the first recovers (the average falls below the threshold), the second does not. The second
    step's result then shows whether recovery restarted the momentum and the average."""
    def second_loss(batch):
        model, params = fresh()
        probe = Sar(model, params, reset_threshold=0.0)
        probe.step(batch)
        return probe.ema

    starts = sorted([0, 32], key=lambda s: second_loss(images[s:s + 16]))
    first, second = (second_loss(images[s:s + 16]) for s in starts)
    threshold = (first + second) / 2
    out.comment(f"sar-recovery: step 1 on noisy test images {starts[0]}.., step 2 on {starts[1]}..; reset-threshold "
                f"{threshold:.6f}, between their second-forward losses from the initial weights, {first:.6f} and "
                f"{second:.6f}")
    out.row("sar-recovery-starts", starts, "{:d}")
    out.row("sar-recovery-threshold", [threshold])
    results = {}
    for variant in ("reference", "authors-code"):
        model, params = fresh()
        method = Sar(model, params, reset_threshold=threshold, authors_recovery=variant == "authors-code")
        steps = [method.step(images[s:s + 16]) for s in starts]
        results[variant] = flat(params)
        if variant == "reference":
            out.row("sar-recovery-resets", [int(s[2]) for s in steps], "{:d}")
            out.row("sar-recovery-ema", [method.ema])
            out.row("sar-recovery-affine", flat(params))
        else:
            out.comment("sar-recovery: with momentum and average surviving the recovery (the authors' code): "
                        f"resets {[int(s[2]) for s in steps]}, largest affine difference to the reference "
                        f"{max_change(results[variant], results['reference']):.3e}")


def deyo_scenario(out, images):
    out.comment("deyo: defaults, one step on noisy test images 0..15 with the patch permutations below (one per "
                "confident image, in batch order; drawn by torch.randperm with seed 2024), logits of 16..31")
    model, params = fresh()
    with torch.no_grad():
        confident = int((entropy(model(images[0:16])) < 0.5 * LN_C).sum())
    generator = torch.Generator().manual_seed(2024)
    perms = torch.stack([torch.randperm(16, generator=generator) for _ in range(confident)])
    results = {}
    for variant in ("reference", "no-plpd-filter", "no-plpd-weight"):
        model, params = fresh()
        method = Deyo(model, params, plpd_filter=variant != "no-plpd-filter",
                      reweight_plpd=0.0 if variant == "no-plpd-weight" else 1.0)
        counts = method.step(images[0:16], perms)
        results[variant] = flat(params)
        if variant == "reference":
            for perm in perms.tolist():
                out.row("deyo-permutation", perm, "{:d}")
            out.row("deyo-counts", counts, "{:d}")
            out.row("deyo-affine", flat(params))
            out.logits("deyo-logits", model, images[16:32])
            out.comment("deyo: smallest distance of an entropy to the margin, of a PLPD to its threshold: "
                        + ", ".join(f"{m:.3e}" for m in method.margins))
            out.comment(f"deyo: largest change of an affine value: {max_change(flat(params), flat(fresh()[1])):.3e}")
    for variant in ("no-plpd-filter", "no-plpd-weight"):
        out.comment(f"deyo: largest affine difference to the reference with {variant}: "
                    f"{max_change(results[variant], results['reference']):.3e}")


def main():
    path = sys.argv[1]
    torch.set_num_threads(1)
    images = load_noisy(48)
    clean = load_clean(32)
    out = Fixture()
    out.comment("written by benchmarks/python/tta_step_reference.py (see its docstring) with torch "
                + torch.__version__)
    eata_scenario(out, images, clean)
    sar_scenario(out, images)
    deyo_scenario(out, images)
    with open(path, "w") as f:
        f.write("\n".join(out.lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
