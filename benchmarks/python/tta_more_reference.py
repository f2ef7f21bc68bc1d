#!/usr/bin/python3
"""PyTorch reference steps of ETA's sibling methods for the Java tests: the open-set entropy filter (OstTaTest),
LAME (LameTest), CoTTA (CottaTest) and RoTTA (RottaTest).

  tta_more_reference.py OUT.txt

Each method is written here from its paper and its authors' code, independently of the Java implementation:

  OSTTA  Lee et al., ICCV 2023; gaozhengqing/UniEnt cifar/ostta.py (criterion 'ent': keep a sample when the adapted
         model's probability of the source model's class is not below the source model's; minus the entropy of the
         mean prediction with weight 1.0, main.py's CIFAR-10 alpha [1.0, 0.0]); Adam lr 1e-3
  LAME   Boudiaf et al., CVPR 2022; mariodoebler/test-time-adaptation methods/lame.py (kNN_affinity, rbf_affinity,
         laplacian_optimization with bound_lambda 1, 100 steps), features of the source model in eval mode
  CoTTA  Wang et al., CVPR 2022; methods/cotta.py of the same benchmark, with ap 1 (the teacher's target is always
         the augmentation average) and 2 augmentations that are a horizontal flip (CoTTA's random transforms are
         drawn from generators no two programs share; the flip keeps the target unlike the student's output, where
         an identity would make the first gradient vanish), rst 0 (the restore mask is random); the Java test
         checks the random parts by their mechanics. As in the harness, only the BatchNorm affine parameters adapt
         (the reference trains every weight).
  RoTTA  Yuan et al., CVPR 2023; methods/rotta.py of the same benchmark (RobustBN2d, CSTU, timeliness_reweighting,
         ema_update_model), the strong augmentation a horizontal flip for the same reason; memory 16, an update
         every 16 images so that two batches of 32 make four updates and the memory evicts.

on ResNet-20 and the noisy test images of tta_step_reference.py. Run with /usr/bin/python3 from the repository
root.
"""
import copy
import math
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

from tta_reference import load_model
from tta_step_reference import Fixture, configure, entropy, flat, load_noisy, max_change


def adam(params):
    return torch.optim.Adam(params, lr=1e-3, betas=(0.9, 0.999))


def sgd(params):
    """SGD for the teacher-student fixtures: Adam divides each gradient by its own size, so a component whose
    gradient is float noise moves by a full step in either direction and no two programs agree on it."""
    return torch.optim.SGD(params, lr=0.1, momentum=0.9)


def soft_cross_entropy(student_logits, teacher_logits):
    return -(teacher_logits.softmax(1) * student_logits.log_softmax(1)).sum(1)


# ---------------------------------------------------------------- OSTTA

def ostta_step(model0, model, optimizer, x, filtered=True, diversity=1.0):
    with torch.no_grad():
        p0 = model0(x).softmax(1)
    values0, indices0 = p0.max(1)
    outputs = model(x)
    values = outputs.softmax(1)[torch.arange(len(x)), indices0]
    keep = values >= values0 if filtered else torch.ones_like(values0, dtype=torch.bool)
    ent = entropy(outputs)
    mean = outputs.softmax(1).mean(0)
    loss = -diversity * -(mean * torch.log(mean)).sum()
    if keep.any():
        loss = loss + ent[keep].mean(0)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    return int(keep.sum()), (values - values0).abs().min().item()


def ostta_scenario(out, images):
    out.comment("ostta: defaults (Adam lr 1e-3, diversity-weight 1.0); step 1 on noisy test images 0..15, step 2 on "
                "16..31, logits of 32..47")
    results = {}
    for variant in ("reference", "no-filter", "no-diversity"):
        model = load_model(20)
        params = configure(model)
        model0 = copy.deepcopy(model)
        optimizer = adam(params)
        counts, margins = [], []
        for part in (images[0:16], images[16:32]):
            kept, m = ostta_step(model0, model, optimizer, part, variant != "no-filter",
                                 0.0 if variant == "no-diversity" else 1.0)
            counts.append(kept)
            margins.append(m)
        results[variant] = flat(params)
        if variant == "reference":
            out.row("ostta-counts", counts, "{:d}")
            out.row("ostta-affine", flat(params))
            out.logits("ostta-logits", model, images[32:48])
            out.comment("ostta: smallest |p(y0) - p0(y0)| per step: " + ", ".join(f"{m:.3e}" for m in margins))
    for variant in ("no-filter", "no-diversity"):
        out.comment(f"ostta: largest affine difference to the reference with {variant}: "
                    f"{max_change(results[variant], results['reference']):.3e}")


# ---------------------------------------------------------------- LAME

def features(model, x):
    out = F.relu(model.bn1(model.conv1(x)))
    out = model.layer3(model.layer2(model.layer1(out)))
    return out.mean((2, 3))


def knn_affinity(x, knn):
    n = x.size(0)
    dist = torch.norm(x.unsqueeze(0) - x.unsqueeze(1), dim=-1, p=2)
    neighbours = min(knn + 1, n)
    index = dist.topk(neighbours, -1, largest=False).indices[:, 1:]
    w = torch.zeros(n, n)
    w.scatter_(dim=-1, index=index, value=1.0)
    return w


def rbf_affinity(x, knn):
    n = x.size(0)
    dist = torch.norm(x.unsqueeze(0) - x.unsqueeze(1), dim=-1, p=2)
    kth = dist.topk(k=min(knn, n), dim=-1, largest=False).values[:, -1]
    sigma = kth.mean()
    return torch.exp(-dist ** 2 / (2 * sigma ** 2))


def laplacian_optimization(unary, kernel, max_steps=100):
    old = float("inf")
    y = (-unary).softmax(-1)
    steps = 0
    for i in range(max_steps):
        pairwise = kernel.matmul(y)
        y = (-unary + pairwise).softmax(-1)
        energy = (unary * y - pairwise * y + y * torch.log(y.clip(1e-20))).sum().item()
        steps = i + 1
        if i > 1 and abs(energy - old) <= 1e-8 * abs(old):
            break
        old = energy
    return y, steps


def lame_scenario(out, images):
    out.comment("lame: source model in eval mode on noisy test images 0..31, knn 5; kNN and RBF affinities; rows: "
                "the adjusted probabilities")
    model = load_model(20)
    with torch.no_grad():
        f = features(model, images[0:32])
        logits = model.linear(f)
        unary = -torch.log(logits.softmax(1) + 1e-10)
        normalised = F.normalize(f, p=2, dim=-1)
        for kind, affinity in (("knn", knn_affinity), ("rbf", rbf_affinity)):
            y, steps = laplacian_optimization(unary, affinity(normalised, 5))
            out.row(f"lame-{kind}", y.reshape(-1).tolist())
            changed = int((y.argmax(1) != logits.argmax(1)).sum())
            out.comment(f"lame-{kind}: {steps} steps, {changed} of 32 arg-max changed by the adjustment, largest "
                        f"probability change {(y - logits.softmax(1)).abs().max().item():.3e}")


# ---------------------------------------------------------------- CoTTA

def cotta_scenario(out, images):
    out.comment("cotta: SGD lr 0.1 momentum 0.9, mt 0.999, ap 1, 2 flip augmentations, rst 0 (see the docstring); step 1 on noisy test images "
                "0..15, step 2 on 16..31; the teacher's probabilities of step 2 (the prediction), then the student's "
                "and the teacher's affine vectors")
    student = load_model(20)
    params = configure(student)
    teacher = copy.deepcopy(student)
    anchor = copy.deepcopy(student)
    for p in list(teacher.parameters()) + list(anchor.parameters()):
        p.requires_grad_(False)
    optimizer = sgd(params)
    predictions = None
    for part in (images[0:16], images[16:32]):
        outputs = student(part)
        with torch.no_grad():
            anchor_confidence = anchor(part).softmax(1).max(1)[0].mean(0)
            assert anchor_confidence < 1.0
            flipped = torch.flip(part, dims=[3])
            teacher_logits = torch.stack([teacher(flipped) for _ in range(2)]).mean(0)
        loss = soft_cross_entropy(outputs, teacher_logits).mean(0)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        with torch.no_grad():
            for t, s in zip(teacher.parameters(), student.parameters()):
                t.data = 0.999 * t.data + (1 - 0.999) * s.data
        predictions = teacher_logits.softmax(1)
    out.row("cotta-probabilities", predictions.reshape(-1).tolist())
    out.row("cotta-student", flat(params))
    out.row("cotta-teacher", bn_flat(teacher))


def bn_flat(model):
    """BatchNorm affine values in the Java layout: per layer its weight then its bias."""
    return torch.cat([torch.cat([m.weight.detach(), m.bias.detach()]) for m in model.modules()
                      if isinstance(m, (nn.BatchNorm2d, RobustBN2d))])


# ---------------------------------------------------------------- RoTTA

class RobustBN2d(nn.Module):
    def __init__(self, bn, momentum):
        super().__init__()
        self.momentum = momentum
        self.register_buffer("source_mean", bn.running_mean.clone())
        self.register_buffer("source_var", bn.running_var.clone())
        self.weight = nn.Parameter(bn.weight.detach().clone())
        self.bias = nn.Parameter(bn.bias.detach().clone())
        self.eps = bn.eps

    def forward(self, x):
        if self.training:
            b_var, b_mean = torch.var_mean(x, dim=[0, 2, 3], unbiased=False, keepdim=False)
            mean = (1 - self.momentum) * self.source_mean + self.momentum * b_mean
            var = (1 - self.momentum) * self.source_var + self.momentum * b_var
            self.source_mean, self.source_var = mean.detach().clone(), var.detach().clone()
            mean, var = mean.view(1, -1, 1, 1), var.view(1, -1, 1, 1)
        else:
            mean, var = self.source_mean.view(1, -1, 1, 1), self.source_var.view(1, -1, 1, 1)
        x = (x - mean) / torch.sqrt(var + self.eps)
        return x * self.weight.view(1, -1, 1, 1) + self.bias.view(1, -1, 1, 1)


def robust(model, momentum):
    for name, module in list(model.named_modules()):
        for child_name, child in list(module.named_children()):
            if isinstance(child, nn.BatchNorm2d):
                setattr(module, child_name, RobustBN2d(child, momentum))
    model.requires_grad_(False)
    params = []
    for m in model.modules():
        if isinstance(m, RobustBN2d):
            m.weight.requires_grad_(True)
            m.bias.requires_grad_(True)
            params += [m.weight, m.bias]
    return params


class Cstu:
    """rotta.py's CSTU with MemoryItem folded into lists [data, uncertainty, age]."""

    def __init__(self, capacity, classes, lambda_t=1.0, lambda_u=1.0):
        self.capacity, self.classes = capacity, classes
        self.per_class = capacity / classes
        self.lambda_t, self.lambda_u = lambda_t, lambda_u
        self.data = [[] for _ in range(classes)]

    def occupancy(self):
        return sum(len(items) for items in self.data)

    def score(self, age, uncertainty):
        return self.lambda_t * 1 / (1 + math.exp(-age / self.capacity)) + self.lambda_u * uncertainty / math.log(
            self.classes)

    def add(self, x, label, uncertainty):
        if self.remove(label, self.score(0, uncertainty)):
            self.data[label].append([x, uncertainty, 0])
        for items in self.data:
            for item in items:
                item[2] += 1

    def remove(self, label, score):
        if len(self.data[label]) < self.per_class:
            if self.occupancy() < self.capacity:
                return True
            most = max(len(items) for items in self.data)
            return self.remove_from([c for c in range(self.classes) if len(self.data[c]) == most], score)
        return self.remove_from([label], score)

    def remove_from(self, classes, base):
        best = None
        for c in classes:
            for i, item in enumerate(self.data[c]):
                s = self.score(item[2], item[1])
                if best is None or s >= best[0]:
                    best = (s, c, i)
        if best is None:
            return True
        if best[0] > base:
            self.data[best[1]].pop(best[2])
            return True
        return False

    def memory(self):
        data, ages = [], []
        for items in self.data:
            for item in items:
                data.append(item[0])
                ages.append(item[2] / self.capacity)
        return data, ages


def rotta_scenario(out, images):
    capacity, frequency = 16, 16
    out.comment(f"rotta: SGD lr 0.1 momentum 0.9, alpha 0.05, nu 0.001, memory-size {capacity}, update-frequency {frequency}, "
                "horizontal flip as strong augmentation; batch 1 noisy test images 0..31, batch 2 32..63; the teacher's probabilities "
                "of batch 2, the student's and the teacher's affine vectors, the teacher's and the student's robust "
                "statistics (per layer means then variances), the memory's items per class")
    student = load_model(20)
    params = robust(student, 0.05)
    teacher = copy.deepcopy(student)
    for p in teacher.parameters():
        p.detach_()
    optimizer = sgd(params)
    memory = Cstu(capacity, 10)
    seen = 0
    predictions = None
    for part in (images[0:32], images[32:64]):
        with torch.no_grad():
            teacher.eval()
            probabilities = teacher(part).softmax(1)
            labels = probabilities.argmax(1)
            uncertainty = (-probabilities * torch.log(probabilities + 1e-6)).sum(1)
        for i in range(len(part)):
            memory.add(part[i], labels[i].item(), uncertainty[i].item())
            seen += 1
            if seen % frequency == 0:
                student.train()
                teacher.train()
                data, ages = memory.memory()
                data = torch.stack(data)
                teacher_logits = teacher(data)
                student_logits = student(torch.flip(data, dims=[3]))
                ages = torch.tensor(ages).float()
                weights = torch.exp(-ages) / (1 + torch.exp(-ages))
                loss = (soft_cross_entropy(student_logits, teacher_logits) * weights).mean()
                loss.backward()
                optimizer.step()
                optimizer.zero_grad()
                with torch.no_grad():
                    for t, s in zip(teacher.parameters(), student.parameters()):
                        t.data = 0.999 * t.data + (1 - 0.999) * s.data
        predictions = probabilities
    out.row("rotta-probabilities", predictions.reshape(-1).tolist())
    out.row("rotta-student", bn_flat(student))
    out.row("rotta-teacher", bn_flat(teacher))
    for tag, model in (("rotta-teacher-statistics", teacher), ("rotta-student-statistics", student)):
        out.row(tag, torch.cat([torch.cat([m.source_mean, m.source_var]) for m in model.modules()
                                if isinstance(m, RobustBN2d)]))
    out.row("rotta-memory", [len(items) for items in memory.data], "{:d}")


def main():
    path = sys.argv[1]
    torch.set_num_threads(1)
    images = load_noisy(64)
    out = Fixture()
    out.comment("written by benchmarks/python/tta_more_reference.py (see its docstring) with torch "
                + torch.__version__)
    ostta_scenario(out, images)
    lame_scenario(out, images)
    cotta_scenario(out, images)
    rotta_scenario(out, images)
    with open(path, "w") as f:
        f.write("\n".join(out.lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
