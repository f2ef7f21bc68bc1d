#!/usr/bin/env python3
"""Writes the hostile binary fixtures of the bad-input corpus (deterministic; run from this folder with
/usr/bin/python3, which has numpy and torch). Checkpoints are crafted pickles: each is what torch.save writes with one
field made hostile, so the reader meets the attack and nothing else."""
import io
import os
import pickle
import struct
import zipfile

import numpy as np

R = "../../../../../.."


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


def cifar(labels):
    out = bytearray()
    for label in labels:
        out.append(label)
        out += bytes(3072)
    return bytes(out)


def npy(shape_text, descr="|u1", data=b"", version=1):
    header = "{'descr': '%s', 'fortran_order': False, 'shape': %s, }" % (descr, shape_text)
    pad = 64 - (10 + len(header) + 1) % 64
    header = header + " " * pad + "\n"
    return b"\x93NUMPY" + bytes([version, 0]) + struct.pack("<H", len(header)) + header.encode("latin1") + data


def save_npy(path, array):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    np.save(path, array)


# --- pickles in torch.save's layout -------------------------------------------------------------------------------
MARK, STOP, PROTO = b"(", b".", b"\x80\x02"
EMPTY_DICT, EMPTY_LIST, EMPTY_TUPLE = b"}", b"]", b")"
TUPLE, TUPLE1, TUPLE2, SETITEM, SETITEMS, APPEND, BINPERSID, REDUCE = b"t", b"\x85", b"\x86", b"s", b"u", b"a", b"Q", b"R"


def uni(s):
    b = s.encode()
    return b"X" + struct.pack("<i", len(b)) + b


def glob(module, name):
    return b"c" + module.encode() + b"\n" + name.encode() + b"\n"


def long_(n):
    if 0 <= n < 256:
        return b"K" + bytes([n])
    if -2**31 <= n < 2**31:
        return b"J" + struct.pack("<i", n)
    b = n.to_bytes((n.bit_length() + 8) // 8, "little", signed=True)
    return b"\x8a" + bytes([len(b)]) + b


def tup(*items):
    return MARK + b"".join(items) + TUPLE


def storage_id(key, numel, kind="FloatStorage"):
    return tup(uni("storage"), glob("torch", kind), uni(key), uni("cpu"), long_(numel))


def tensor(key, numel, offset, size, stride):
    return (glob("torch._utils", "_rebuild_tensor_v2") + MARK + storage_id(key, numel) + BINPERSID + long_(offset)
            + tup(*[long_(s) for s in size]) + tup(*[long_(s) for s in stride]) + b"\x89"
            + glob("collections", "OrderedDict") + EMPTY_TUPLE + REDUCE + TUPLE + REDUCE)


def state_dict(entries):
    body = b"".join(uni(k) + v for k, v in entries)
    return PROTO + EMPTY_DICT + MARK + body + SETITEMS + STOP


def zip_checkpoint(name, pkl, storages, compress=False, raw_entries=None):
    buf = io.BytesIO()
    mode = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(buf, "w", mode) as z:
        z.writestr("archive/data.pkl", pkl)
        z.writestr("archive/byteorder", "little")
        for key, data in storages.items():
            z.writestr("archive/data/" + key, data)
        for entry, data in (raw_entries or {}).items():
            z.writestr(entry, data)
        z.writestr("archive/version", "3\n")
    write(name, buf.getvalue())


def floats(n):
    return struct.pack("<%df" % n, *([0.5] * n))


def legacy(root_pickle, keys_pickle, storages):
    out = pickle.dumps(0x1950A86A20F9469CFC6C, protocol=2) + pickle.dumps(1001, protocol=2)
    out += pickle.dumps({"protocol_version": 1001, "little_endian": True,
                         "type_sizes": {"short": 2, "int": 4, "long": 4}}, protocol=2)
    out += root_pickle + keys_pickle
    for count, data in storages:
        out += struct.pack("<q", count) + data
    return out


def main():
    # CIFAR binaries with labels outside the ten classes
    write("cifar-label-200.bin", cifar([3, 200]))
    write("cifar-label-10.bin", cifar([10]))
    # .npy headers whose shape product overflows 64 bits (it wraps to 0, matching an empty data section)
    write("npy-shape-overflow.npy", npy("(4611686018427387904, 4, 32, 32, 3)"))
    write("npy-shape-wraps-to-zero.npy", npy("(4294967296, 4294967296)"))
    write("npy-shape-digits.npy", npy("(123456789012345678901234567890,)"))
    # CIFAR-10-C folders with bad labels, a corruption file that is a folder, a garbage severities file
    images = np.zeros((5, 32, 32, 3), dtype=np.uint8)
    save_npy("npy-labels-11/fog.npy", images)
    save_npy("npy-labels-11/labels.npy", np.array([0, 1, 2, 11, 3], dtype=np.int64))
    save_npy("npy-labels-negative/fog.npy", images)
    save_npy("npy-labels-negative/labels.npy", np.array([0, -1, 2, 3, 4], dtype=np.int8))
    save_npy("npy-fog-is-a-folder/labels.npy", np.zeros(5, dtype=np.uint8))
    os.makedirs("npy-fog-is-a-folder/fog.npy", exist_ok=True)
    write("npy-fog-is-a-folder/fog.npy/.keep", b"")
    save_npy("npy-severities-garbage/fog.npy", np.zeros((10, 32, 32, 3), dtype=np.uint8))
    save_npy("npy-severities-garbage/labels.npy", np.zeros(10, dtype=np.uint8))
    write("npy-severities-garbage/severities.txt", b"1 x\n")
    # checkpoints: declared sizes against the bytes present, views past their storage, cycles, floods, bombs
    zip_checkpoint("ckpt-huge-numel.th", state_dict([("w", tensor("0", 2**40, 0, [2**20, 2**20], [2**20, 1]))]),
                   {"0": floats(4)})
    zip_checkpoint("ckpt-stride-zero-view.th",
                   state_dict([("w", tensor("0", 1, 0, [65536, 65536], [0, 0]))]), {"0": floats(1)})
    zip_checkpoint("ckpt-shared-storage-views.th",
                   state_dict([("w%d" % i, tensor("0", 1, 0, [4096, 4096], [0, 0])) for i in range(64)]),
                   {"0": floats(1)})
    zip_checkpoint("ckpt-view-past-storage.th", state_dict([("w", tensor("0", 10, 5, [100], [1]))]),
                   {"0": floats(10)})
    zip_checkpoint("ckpt-negative-size.th", state_dict([("w", tensor("0", 10, 0, [-1], [1]))]), {"0": floats(10)})
    zip_checkpoint("ckpt-storage-short.th", state_dict([("w", tensor("0", 10, 0, [10], [1]))]), {"0": floats(3)})
    zip_checkpoint("ckpt-storage-bomb.th", state_dict([("w", tensor("0", 10, 0, [10], [1]))]),
                   {"0": bytes(100 << 20)}, compress=True)
    zip_checkpoint("ckpt-pickle-bomb.th", PROTO + b"N" + STOP + bytes(80 << 20), {}, compress=True)
    cyclic = EMPTY_LIST + b"q\x00" + b"h\x00" + TUPLE1 + APPEND  # a list holding a tuple that holds the list
    zip_checkpoint("ckpt-cyclic-persistent-id.th",
                   PROTO + EMPTY_DICT + uni("w") + cyclic + BINPERSID + SETITEM + STOP, {})
    zip_checkpoint("ckpt-cyclic-dict-key.th", PROTO + EMPTY_DICT + cyclic + uni("v") + SETITEM + STOP, {})
    zip_checkpoint("ckpt-stack-flood.th", PROTO + b"N" * 1_100_000 + STOP, {}, compress=True)
    zip_checkpoint("ckpt-memo-flood.th", PROTO + b"N" + b"\x94" * 1_100_000 + STOP, {}, compress=True)
    zip_checkpoint("ckpt-negative-string.th", PROTO + b"X" + struct.pack("<i", -4) + STOP, {})
    zip_checkpoint("ckpt-long-global.th", PROTO + b"c" + b"m" * 2000 + b"\nname\n" + STOP, {})
    zip_checkpoint("ckpt-int-key.th", PROTO + EMPTY_DICT + long_(5) + tensor("0", 4, 0, [4], [1]) + SETITEM + STOP,
                   {"0": floats(4)})
    zip_checkpoint("ckpt-storage-key-number.th",
                   state_dict([("w", glob("torch._utils", "_rebuild_tensor_v2") + MARK
                                + tup(uni("storage"), glob("torch", "FloatStorage"), long_(7), uni("cpu"), long_(4))
                                + BINPERSID + long_(0) + tup(long_(4)) + tup(long_(1)) + TUPLE + REDUCE)]), {})
    zip_checkpoint("ckpt-missing-storage-entry.th", state_dict([("w", tensor("0", 4, 0, [4], [1]))]), {})
    # legacy stream: the storage-key list is a dict; a storage count beyond the file
    root = state_dict([("w", tensor("k", 4, 0, [4], [1]))])
    write("ckpt-legacy-keys-not-a-list.th", legacy(root, pickle.dumps({"k": 1}, protocol=2), [(4, floats(4))]))
    write("ckpt-legacy-count-lie.th", legacy(root, pickle.dumps(["k"], protocol=2), [(2**61, floats(4))]))
    # embedded-model weights: a tensor count that cannot fit, a header number that is not a number
    header = b"vocab=30\nd_model=128\nheads=4\nlayers=3\nff_dim=512\nmax_length=128\n"
    write("weights-huge-count.bin", struct.pack("<iii", 0x4D4C4845, 1, len(header)) + header
          + struct.pack("<i", 2**31 - 1) + struct.pack("<i", 7) + b"tok_emb" + struct.pack("<i", 2**30))
    bad = header.replace(b"d_model=128", b"d_model=12x")
    write("weights-header-not-a-number.bin", struct.pack("<iii", 0x4D4C4845, 1, len(bad)) + bad + struct.pack("<i", 0))
    write("weights-string-past-end.bin", struct.pack("<iii", 0x4D4C4845, 1, 2**30) + header)
    # text that is not UTF-8
    write("problems-not-utf8.jsonl", b'{"question": "1+1", "answer": "2"}\n{"question": "caf\xe9", "answer": "1"}\n')
    write("outputs-not-utf8.jsonl", b'{"answer": "2", "output": "\xff\xfe"}\n')
    # run folders with a broken manifest, and history nights with a bad name
    os.makedirs("run-manifest-truncated", exist_ok=True)
    write("run-manifest-truncated/manifest.json", b'{"suite": "s", "cells": [\n  {"id": "greedy@1"')
    os.makedirs("run-manifest-wrong-type", exist_ok=True)
    write("run-manifest-wrong-type/manifest.json", b'{"suite": "s", "cells": 5}\n')
    os.makedirs("run-manifest-folder/manifest.json", exist_ok=True)
    write("run-manifest-folder/manifest.json/.keep", b"")
    os.makedirs("run-shard/cells", exist_ok=True)
    write("run-shard/cells/.keep", b"")
    write("run-shard/manifest.json", b'{"suite": "s"}\n')
    os.makedirs("history-bad-night", exist_ok=True)
    write("history-bad-night/2026-13-45.arrow", b"")


if __name__ == "__main__":
    main()
