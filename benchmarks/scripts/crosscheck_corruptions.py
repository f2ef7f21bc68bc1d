# Side-by-side check of three deterministic corruptions against independent numpy/scipy code written from the
# reference make_cifar_c.py (CIFAR version). Usage, from the repository root:
#   bin/harness corrupt --base datasets/cifar10/test_batch.bin --out /tmp/c10c-x --limit 200 \
#       --corruptions zoom_blur,contrast,defocus_blur
#   python3 benchmarks/scripts/crosscheck_corruptions.py   (needs numpy and scipy)

import numpy as np
from scipy.ndimage import zoom as scizoom, correlate
raw = np.fromfile('datasets/cifar10/test_batch.bin', dtype=np.uint8)[:200*3073].reshape(200, 3073)
imgs = raw[:, 1:].reshape(200, 3, 32, 32).transpose(0, 2, 3, 1)

def clipped_zoom(img, z):
    h = img.shape[0]; ch = int(np.ceil(h / z)); top = (h - ch) // 2
    img = scizoom(img[top:top + ch, top:top + ch], (z, z, 1), order=1)
    t = (img.shape[0] - h) // 2
    return img[t:t + h, t:t + h]

def zoom_blur(x, s):
    c = [np.arange(1, 1.06, 0.01), np.arange(1, 1.11, 0.01), np.arange(1, 1.16, 0.01),
         np.arange(1, 1.21, 0.01), np.arange(1, 1.26, 0.01)][s - 1]
    x = (x / 255.).astype(np.float32); out = np.zeros_like(x)
    for z in c: out += clipped_zoom(x, z)
    return np.clip((x + out) / (len(c) + 1), 0, 1) * 255

def contrast(x, s):
    c = [.75, .5, .4, .3, 0.15][s - 1]; x = x / 255.
    m = np.mean(x, axis=(0, 1), keepdims=True)
    return np.clip((x - m) * c + m, 0, 1) * 255

def disk(radius, alias_blur):
    L = np.arange(-8, 9); X, Y = np.meshgrid(L, L)
    d = np.array((X ** 2 + Y ** 2) <= radius ** 2, dtype=np.float32); d /= d.sum()
    g = np.exp(-np.arange(-1, 2) ** 2 / (2 * alias_blur ** 2)); g /= g.sum()
    return correlate(correlate(d, g[None, :], mode='mirror'), g[:, None], mode='mirror')

def defocus(x, s):
    c = [(0.3, 0.4), (0.4, 0.5), (0.5, 0.6), (1, 0.2), (1.5, 0.1)][s - 1]
    x = x / 255.; k = disk(*c)
    return np.clip(np.stack([correlate(x[:, :, d], k, mode='mirror') for d in range(3)], -1), 0, 1) * 255

for name, f in [('zoom_blur', zoom_blur), ('contrast', contrast), ('defocus_blur', defocus)]:
    ours = np.load('/tmp/c10c-x/%s.npy' % name).astype(int)
    for s in range(1, 6):
        ref = np.stack([np.uint8(f(im, s)) for im in imgs]).astype(int)
        d = np.abs(ref - ours[(s - 1) * 200: s * 200])
        print('%-13s sev %d: identical %.4f%%, max |diff| %d, mean |diff| %.4f' % (name, s, 100 * (d == 0).mean(), d.max(), d.mean()))
