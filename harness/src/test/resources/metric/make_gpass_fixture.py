#!/usr/bin/python3
"""Writes gpass-n1024.tsv: G-Pass@k_tau tails and mG-Pass@k at n = 1024 in exact rational arithmetic.

G-Pass@k with threshold m: sum_{j=m}^{min(c,k)} C(c,j) C(n-c,k-j) / C(n,k) (Liu et al. 2024, arXiv:2412.13147).
mG-Pass@k = (2/k) sum_{i=ceil(k/2)+1}^{k} G-Pass@k with threshold i (their README / reference code).
Run: /usr/bin/python3 make_gpass_fixture.py > gpass-n1024.tsv
"""
from fractions import Fraction
from math import comb


def at_least(n, c, k, m):
    total = comb(n, k)
    return Fraction(sum(comb(c, j) * comb(n - c, k - j) for j in range(max(m, 0), min(c, k) + 1)), total)


def mg(n, c, k):
    return Fraction(2, k) * sum(at_least(n, c, k, i) for i in range((k + 1) // 2 + 1, k + 1))


n = 1024
print("kind\tn\tc\tk\tm\tvalue")
for c in (0, 1, 5, 64, 300, 512, 700, 1000, 1023, 1024):
    for k in (1, 2, 16, 64, 256, 512, 1024):
        for m in sorted({1, max(1, k // 4), max(1, k // 2), max(1, (3 * k + 3) // 4), k}):
            print(f"tail\t{n}\t{c}\t{k}\t{m}\t{float(at_least(n, c, k, m))!r}")
        if k >= 2:
            print(f"mg\t{n}\t{c}\t{k}\t0\t{float(mg(n, c, k))!r}")
