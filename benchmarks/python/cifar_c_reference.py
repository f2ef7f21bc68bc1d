#!/usr/bin/python3
"""Expected outputs of make_cifar_c.py's numpy-only corruption for the Java tests (data/corrupt/CorruptionsTest).

  cifar_c_reference.py [COUNT]

contrast is the one CIFAR-10-C corruption that needs nothing but numpy, so its output can be computed here exactly
as the reference script does it (hendrycks/robustness, ImageNet-C/create_c/make_cifar_c.py):

    c = [.75, .5, .4, .3, 0.15][severity - 1]
    x = np.array(x) / 255.
    means = np.mean(x, axis=(0, 1), keepdims=True)
    np.uint8(np.clip((x - means) * c + means, 0, 1) * 255)

Prints, for the first COUNT (default 8) CIFAR-10 test images in the NHWC layout, the SHA-256 of the corrupted bytes
of all five severities (severity-major) and a few values to check by eye. Run from the repository root with
/usr/bin/python3 (numpy).
"""
import hashlib
import sys

import numpy as np

CONTRAST = [.75, .5, .4, .3, 0.15]


def contrast(x, severity):
    c = CONTRAST[severity - 1]
    x = np.array(x) / 255.
    means = np.mean(x, axis=(0, 1), keepdims=True)
    return np.uint8(np.clip((x - means) * c + means, 0, 1) * 255)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    raw = np.fromfile("datasets/cifar10/test_batch.bin", dtype=np.uint8).reshape(-1, 3073)[:count]
    images = raw[:, 1:].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1)
    out = np.stack([contrast(img, s) for s in range(1, 6) for img in images])
    print("contrast sha256", hashlib.sha256(out.tobytes()).hexdigest())
    print("contrast severity 5, image 0, pixel (0, 0):", out[4 * count][0, 0].tolist(),
          "pixel (31, 31):", out[4 * count][31, 31].tolist())


if __name__ == "__main__":
    sys.exit(main())
