#!/usr/bin/env python3
"""Seeds of the checkpoint fuzz test: a small state dict saved by torch.save in both layouts (run with
/usr/bin/python3, which has torch)."""
import collections

import torch

torch.manual_seed(0)
state = collections.OrderedDict()
state["conv.weight"] = torch.randn(2, 3)
state["bn.bias"] = torch.randn(4)
state["bn.num_batches_tracked"] = torch.tensor(7)
state["fc.weight"] = torch.randn(3, 2).t()  # a strided view
torch.save(state, "tiny-zip.th")
torch.save(state, "tiny-legacy.th", _use_new_zipfile_serialization=False)
