#!/usr/bin/python3
"""PyTorch eager reference for the Java TTA implementation (CIFAR ResNet, option-A shortcuts).

Two uses:
  tta_reference.py fixture OUT.txt      writes logits the Java tests compare against (first 16 test images:
                                        source and BN-adapt logits; logits of images 16..31 after one Tent step
                                        on images 0..15)
  tta_reference.py bench [--runs 5] [--depth 20] [--methods source,bn-adapt,tent,renyi-tent,eata,sar,deyo]
                                        images/s on batches of 200 test images, median of several runs,
                                        torch.set_num_threads(2); EATA's Fisher estimate (2,000 clean training
                                        images) is made before the clock starts, as on the Java side
  tta_reference.py accuracy DEPTH       source accuracy on the full CIFAR-10 test set

Run with Debian's python3-torch (/usr/bin/python3). Paths are relative to the repository root.
"""
import argparse
import math
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

CHECKPOINTS = {20: "datasets/models/resnet20-12fca82f.th", 32: "datasets/models/resnet32-d509ac18.th",
               56: "datasets/models/resnet56-4bfd9763.th"}
MEAN = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)
STD = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.pad = (cout - cin) // 2 if (stride != 1 or cin != cout) else None

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        short = x if self.pad is None else F.pad(x[:, :, ::2, ::2], (0, 0, 0, 0, self.pad, self.pad))
        return F.relu(out + short)


class ResNet(nn.Module):
    def __init__(self, depth):
        super().__init__()
        n = (depth - 2) // 6
        self.conv1 = nn.Conv2d(3, 16, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        cin = 16
        for stage, width in enumerate([16, 32, 64], start=1):
            blocks = []
            for i in range(n):
                blocks.append(Block(cin, width, 2 if stage > 1 and i == 0 else 1))
                cin = width
            setattr(self, f"layer{stage}", nn.Sequential(*blocks))
        self.linear = nn.Linear(64, 10)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = self.layer3(self.layer2(self.layer1(x)))
        return self.linear(x.mean((2, 3)))


def load_model(depth):
    state = torch.load(CHECKPOINTS[depth], map_location="cpu")["state_dict"]
    model = ResNet(depth)
    model.load_state_dict({k[len("module."):]: v for k, v in state.items()})
    return model.eval()


def load_images(limit=0):
    raw = np.fromfile("datasets/cifar10/test_batch.bin", dtype=np.uint8).reshape(-1, 3073)
    if limit:
        raw = raw[:limit]
    labels = torch.from_numpy(raw[:, 0].astype(np.int64))
    images = torch.from_numpy(raw[:, 1:].reshape(-1, 3, 32, 32).astype(np.float32)) / 255.0
    return (images - MEAN) / STD, labels


def configure_batch_stats(model):
    """Tent's configuration: batch statistics in every BatchNorm, gradients to the affine parameters only."""
    model.train()
    model.requires_grad_(False)
    params = []
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.track_running_stats = False
            m.running_mean = None
            m.running_var = None
            m.requires_grad_(True)
            params += [m.weight, m.bias]
    return params


def entropy(logits):
    return -(logits.softmax(1) * logits.log_softmax(1)).sum(1)


def renyi_entropy(logits, alpha):
    """Rényi entropy of order alpha as a stable log-sum-exp of alpha log p (TtaMethods' renyi-tent)."""
    scaled = logits.log_softmax(1) * alpha
    top = scaled.max(1, keepdim=True)[0].detach()
    return ((scaled - top).exp().sum(1).log() + top.squeeze(1)) / (1 - alpha)


class JavaRandom:
    """java.util.Random (the 48-bit linear congruential generator and nextInt(bound)), so DeYO's patch permutations
    here are the Java side's, image for image."""

    MASK = (1 << 48) - 1

    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & self.MASK

    def next31(self):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & self.MASK
        return self.seed >> 17

    def next_int(self, bound):
        r = self.next31()
        m = bound - 1
        if bound & m == 0:
            return (bound * r) >> 31
        u = r
        r = u % bound
        while u - r + m >= 1 << 31:
            u = self.next31()
            r = u % bound
        return r

    def permutation(self, size):
        perm = list(range(size))
        for k in range(size - 1, 0, -1):
            j = self.next_int(k + 1)
            perm[k], perm[j] = perm[j], perm[k]
        return perm


def patch_shuffle(x, perms, grid):
    """Image i's patch k (row-major in a grid x grid array) becomes its patch perms[i][k]."""
    side = x.shape[-1] // grid
    patches = x.unfold(2, side, side).unfold(3, side, side)  # N, C, grid, grid, side, side
    patches = patches.reshape(x.shape[0], x.shape[1], grid * grid, side, side)
    index = torch.tensor(perms).view(x.shape[0], 1, grid * grid, 1, 1).expand_as(patches)
    shuffled = patches.gather(2, index).view(x.shape[0], x.shape[1], grid, grid, side, side)
    return shuffled.permute(0, 1, 2, 4, 3, 5).reshape(x.shape)


class Method:
    """Source, BN-adapt, Tent, Rényi-Tent, EATA, SAR and DeYO with the harness's defaults (TtaMethods.defaults), written after the
    papers' reference code: predictions come from the forward pass before the batch's update."""

    E_MARGIN = 0.4 * math.log(10)

    def __init__(self, name, model, clean=None):
        self.name, self.model = name, model
        if name == "source":
            return
        params = configure_batch_stats(model)
        if name in ("tent", "renyi-tent"):
            self.optimizer = torch.optim.Adam(params, lr=1e-3, betas=(0.9, 0.999))
        elif name == "eata":
            self.optimizer = torch.optim.SGD(params, lr=0.005, momentum=0.9)
            self.fisher = fisher_estimate(model, params, clean)
            self.anchor = [p.detach().clone() for p in params]
            self.params = params
            self.moving_probs = None
        elif name == "sar":
            self.params = params
            self.initial = [p.detach().clone() for p in params]
            self.optimizer = torch.optim.SGD(params, lr=1e-3, momentum=0.9)
            self.ema = None
        elif name == "deyo":
            self.optimizer = torch.optim.SGD(params, lr=2.5e-4, momentum=0.9)
            self.random = JavaRandom(1)

    def step(self, x):
        if self.name in ("tent", "renyi-tent", "eata", "sar", "deyo"):
            return getattr(self, self.name.replace("-", "_"))(x)
        with torch.no_grad():
            return self.model(x).softmax(1)

    def tent(self, x):
        logits = self.model(x)
        entropy(logits).mean(0).backward()
        self.optimizer.step()
        self.optimizer.zero_grad()
        return logits.detach().softmax(1)

    def renyi_tent(self, x):
        logits = self.model(x)
        renyi_entropy(logits, 2.0).mean(0).backward()
        self.optimizer.step()
        self.optimizer.zero_grad()
        return logits.detach().softmax(1)

    def deyo(self, x):
        """DeYO after its reference code: confident samples (H < 0.5 ln C) whose prediction drops by more than 0.2
        when 4 x 4 patches are shuffled, weighted by exp(0.4 ln C - H) + exp(PLPD)."""
        logits = self.model(x)
        probs = logits.detach().softmax(1)
        ent = entropy(logits)
        confident = torch.where(ent.detach() < 0.5 * math.log(10))[0]
        if len(confident) > 0:
            perms = [self.random.permutation(16) for _ in range(len(confident))]
            with torch.no_grad():
                shuffled = self.model(patch_shuffle(x[confident], perms, 4)).softmax(1)
            label = probs[confident].argmax(1, keepdim=True)
            plpd = (probs[confident].gather(1, label) - shuffled.gather(1, label)).squeeze(1)
            keep = torch.where(plpd > 0.2)[0]
            if len(keep) > 0:
                chosen = confident[keep]
                weight = torch.exp(self.E_MARGIN - ent[chosen].detach()) + torch.exp(plpd[keep])
                (ent[chosen] * weight).mean(0).backward()
                self.optimizer.step()
        self.optimizer.zero_grad()
        return probs

    def eata(self, x):
        logits = self.model(x)
        ent = entropy(logits)
        reliable = torch.where(ent < self.E_MARGIN)[0]
        probs = logits[reliable].softmax(1)
        if self.moving_probs is not None:
            cos = F.cosine_similarity(self.moving_probs.unsqueeze(0), probs, dim=1)
            kept = torch.where(cos.abs() < 0.4)[0]
            selected, probs = reliable[kept], probs[kept]
        else:
            selected = reliable
        if len(selected) > 0:
            mean = probs.detach().mean(0)
            self.moving_probs = mean if self.moving_probs is None else 0.9 * self.moving_probs + 0.1 * mean
            chosen = ent[selected]
            loss = (chosen * torch.exp(self.E_MARGIN - chosen.detach())).mean(0)
            loss = loss + sum((f * (p - a) ** 2).sum() for f, p, a in zip(self.fisher, self.params, self.anchor))
            loss.backward()
            self.optimizer.step()
        self.optimizer.zero_grad()
        return logits.detach().softmax(1)

    def sar(self, x):
        logits = self.model(x)
        ent = entropy(logits)
        reliable = torch.where(ent < self.E_MARGIN)[0]
        ent[reliable].mean(0).backward()
        # SAM's ascent step: e = rho g / ||g||, taken on the parameters and undone after the second gradient
        norm = torch.norm(torch.stack([p.grad.norm(2) for p in self.params if p.grad is not None]), 2)
        ascents = []
        with torch.no_grad():
            for p in self.params:
                e = p.grad * (0.05 / (norm + 1e-12)) if p.grad is not None else torch.zeros_like(p)
                p.add_(e)
                ascents.append(e)
        self.optimizer.zero_grad()
        ent2 = entropy(self.model(x))[reliable]
        still = torch.where(ent2 < self.E_MARGIN)[0]
        loss2 = ent2[still].mean(0)
        if not math.isnan(loss2.item()):
            self.ema = loss2.item() if self.ema is None else 0.9 * self.ema + 0.1 * loss2.item()
        loss2.backward()
        with torch.no_grad():
            for p, e in zip(self.params, ascents):
                p.sub_(e)
        self.optimizer.step()
        self.optimizer.zero_grad()
        if self.ema is not None and self.ema < 0.2:
            self.reset()
        return logits.detach().softmax(1)

    def reset(self):
        """SAR's model recovery: initial affine parameters, fresh optimizer state."""
        with torch.no_grad():
            for p, p0 in zip(self.params, self.initial):
                p.copy_(p0)
        self.optimizer = torch.optim.SGD(self.params, lr=1e-3, momentum=0.9)
        self.ema = None


def fisher_estimate(model, params, clean, batch=64):
    """EATA's diagonal Fisher: squared gradients of the cross-entropy to the model's own predictions, averaged."""
    fisher = [torch.zeros_like(p) for p in params]
    batches = 0
    for i in range(0, len(clean), batch):
        logits = model(clean[i:i + batch])
        F.cross_entropy(logits, logits.argmax(1)).backward()
        for f, p in zip(fisher, params):
            f += p.grad.detach() ** 2
            p.grad = None
        batches += 1
    return [f / max(1, batches) for f in fisher]


def write_fixture(path):
    images, _ = load_images(32)
    lines = []
    with torch.no_grad():
        lines += ["source " + " ".join(f"{v:.7e}" for v in row) for row in load_model(20)(images[:16]).tolist()]
    bn = load_model(20)
    configure_batch_stats(bn)
    with torch.no_grad():
        lines += ["bn-adapt " + " ".join(f"{v:.7e}" for v in row) for row in bn(images[:16]).tolist()]
    tent = Method("tent", load_model(20))
    tent.step(images[:16])
    with torch.no_grad():
        lines += ["tent-after-step " + " ".join(f"{v:.7e}" for v in row) for row in tent.model(images[16:32]).tolist()]
    with open(path, "w") as f:
        f.write("# logits of ResNet-20 (resnet20-12fca82f.th), written by benchmarks/python/tta_reference.py fixture\n")
        f.write(f"# torch {torch.__version__}\n")
        f.write("\n".join(lines) + "\n")


def load_clean(limit=2000):
    raw = np.fromfile("datasets/cifar10/train_first2000.bin", dtype=np.uint8).reshape(-1, 3073)[:limit]
    images = torch.from_numpy(raw[:, 1:].reshape(-1, 3, 32, 32).astype(np.float32)) / 255.0
    return (images - MEAN) / STD


def bench(runs, images_count, batch, depth, methods):
    torch.set_num_threads(2)
    images, labels = load_images(images_count)
    clean = load_clean() if "eata" in methods else None
    for name in methods:
        rates, correct = [], 0
        for run in range(runs + 1):  # first run warms up
            method = Method(name, load_model(depth), clean)
            correct = 0
            start = time.perf_counter()
            for i in range(0, len(images), batch):
                probs = method.step(images[i:i + batch])
                correct += (probs.argmax(1) == labels[i:i + batch]).sum().item()
            elapsed = time.perf_counter() - start
            if run > 0:
                rates.append(len(images) / elapsed)
        print(f"{name}\t{statistics.median(rates):.1f} images/s\truns={[round(r, 1) for r in rates]}\t"
              f"accuracy={correct / len(images):.4f}", flush=True)


def accuracy(depth):
    images, labels = load_images()
    model = load_model(depth)
    with torch.no_grad():
        correct = sum((model(images[i:i + 500]).argmax(1) == labels[i:i + 500]).sum().item()
                      for i in range(0, len(images), 500))
    print(f"resnet{depth} source correct {correct} / {len(images)}")


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("fixture").add_argument("out")
    b = sub.add_parser("bench")
    b.add_argument("--runs", type=int, default=5)
    b.add_argument("--images", type=int, default=2000)
    b.add_argument("--batch", type=int, default=200)
    b.add_argument("--depth", type=int, default=20, choices=sorted(CHECKPOINTS))
    b.add_argument("--methods", default="source,bn-adapt,tent,renyi-tent,eata,sar,deyo")
    sub.add_parser("accuracy").add_argument("depth", type=int)
    args = parser.parse_args()
    if args.command == "fixture":
        write_fixture(args.out)
    elif args.command == "bench":
        bench(args.runs, args.images, args.batch, args.depth, args.methods.split(","))
    else:
        accuracy(args.depth)


if __name__ == "__main__":
    sys.exit(main())
