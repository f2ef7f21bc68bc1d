package org.entropyharness.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter names and shapes of the CIFAR ResNet (He et al. 2016, option-A shortcuts) as named in the
 * akamaster/pytorch_resnet_cifar10 state dicts: {@code conv1}, {@code bn1}, {@code layer{1,2,3}.{i}.{conv,bn}{1,2}},
 * {@code linear}.
 *
 * @param depth 6n + 2 (20, 32, 44, 56, 110)
 * @param classes output classes
 */
record CifarResNetLayout(int depth, int classes) {
  static final int[] WIDTHS = {16, 32, 64};

  CifarResNetLayout {
    if (depth < 8 || depth > org.entropyharness.guard.Limits.RESNET_DEPTH || (depth - 2) % 6 != 0) {
      throw new IllegalArgumentException("depth " + depth + " is not 6n+2 up to "
          + org.entropyharness.guard.Limits.RESNET_DEPTH + "; use 20, 32 or 56");
    }
  }

  /** Blocks per stage. */
  int blocksPerStage() {
    return (depth - 2) / 6;
  }

  /** BatchNorm layer names in forward order. */
  List<String> batchNormNames() {
    List<String> names = new ArrayList<>();
    names.add("bn1");
    for (int stage = 1; stage <= 3; stage++) {
      for (int block = 0; block < blocksPerStage(); block++) {
        names.add(blockName(stage, block) + ".bn1");
        names.add(blockName(stage, block) + ".bn2");
      }
    }
    return names;
  }

  /** Channels of each BatchNorm layer, in {@link #batchNormNames()} order. */
  int[] batchNormChannels() {
    List<Integer> channels = new ArrayList<>();
    channels.add(WIDTHS[0]);
    for (int stage = 1; stage <= 3; stage++) {
      for (int i = 0; i < 2 * blocksPerStage(); i++) {
        channels.add(WIDTHS[stage - 1]);
      }
    }
    return channels.stream().mapToInt(Integer::intValue).toArray();
  }

  static String blockName(int stage, int block) {
    return "layer" + stage + "." + block;
  }

  /** Every expected state-dict key with its shape. */
  Map<String, int[]> expectedShapes() {
    Map<String, int[]> shapes = new LinkedHashMap<>();
    shapes.put("conv1.weight", new int[] {16, 3, 3, 3});
    putBatchNorm(shapes, "bn1", 16);
    int in = 16;
    for (int stage = 1; stage <= 3; stage++) {
      int out = WIDTHS[stage - 1];
      for (int block = 0; block < blocksPerStage(); block++) {
        String name = blockName(stage, block);
        shapes.put(name + ".conv1.weight", new int[] {out, in, 3, 3});
        putBatchNorm(shapes, name + ".bn1", out);
        shapes.put(name + ".conv2.weight", new int[] {out, out, 3, 3});
        putBatchNorm(shapes, name + ".bn2", out);
        in = out;
      }
    }
    shapes.put("linear.weight", new int[] {classes, 64});
    shapes.put("linear.bias", new int[] {classes});
    return shapes;
  }

  private static void putBatchNorm(Map<String, int[]> shapes, String name, int channels) {
    for (String part : List.of("weight", "bias", "running_mean", "running_var")) {
      shapes.put(name + "." + part, new int[] {channels});
    }
  }
}
