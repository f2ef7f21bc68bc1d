package org.entropyharness.model;

import org.entropyharness.format.TensorData;
import org.entropyharness.format.TorchCheckpoint;
import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CIFAR ResNet of He et al. (2016) with option-A shortcuts (strided subsampling, zero-padded channels), run
 * on DJL's PyTorch engine as functional NDArray operations over parameters read from a {@code torch.save}
 * checkpoint.
 *
 * <p>Test-time adaptation only ever changes the BatchNorm affine parameters, so they are not held here: callers
 * pass them as one flat array (see {@link #initialAffine()} for the layout), which they may mark as requiring a
 * gradient. Every other parameter is a constant owned by this model. Every array a forward pass creates is
 * attached to the input's manager, so callers open one sub-manager per batch.
 */
public final class CifarResNet implements AdaptableClassifier {
  private static final float BN_EPS = 1e-5f;

  private final CifarResNetLayout layout;
  private final NDManager manager;
  private final Map<String, NDArray> constants;
  private final int[] affineOffsets;
  private final int[] channels;
  private final float[] initialAffine;

  private CifarResNet(CifarResNetLayout layout, NDManager manager, Map<String, TensorData> state) {
    this.layout = layout;
    this.manager = manager;
    this.channels = layout.batchNormChannels();
    this.affineOffsets = new int[channels.length];
    int total = 0;
    for (int i = 0; i < channels.length; i++) {
      affineOffsets[i] = total;
      total += 2 * channels[i];
    }
    this.initialAffine = flattenAffine(layout.batchNormNames(), state, total);
    this.constants = new HashMap<>();
    state.forEach((key, t) -> constants.put(key, t.shape().length == 4
        ? ChannelsLast.weight(manager, t.values(), t.shape())
        : manager.create(t.values(), new Shape(toLong(t.shape())))));
    List<String> bns = layout.batchNormNames();
    List<String> convs = convNames(bns);
    for (int i = 0; i < bns.size(); i++) {
      putFolded(convs.get(i), bns.get(i), state);
    }
  }

  /** The convolution feeding each BatchNorm layer ({@code bn1} → {@code conv1}, {@code x.bn2} → {@code x.conv2}). */
  private static List<String> convNames(List<String> batchNorms) {
    return batchNorms.stream().map(bn -> bn.substring(0, bn.length() - 3) + "conv" + bn.charAt(bn.length() - 1))
        .toList();
  }

  /**
   * Inference folds each BatchNorm into its convolution (w·γ/σ, β − μγ/σ): one operation and one buffer less per
   * layer. Adaptation never uses the folded copy, since it needs batch statistics or changing γ and β.
   */
  private void putFolded(String conv, String bn, Map<String, TensorData> state) {
    TensorData weight = state.get(conv + ".weight");
    float[] gamma = state.get(bn + ".weight").values();
    float[] beta = state.get(bn + ".bias").values();
    float[] mean = state.get(bn + ".running_mean").values();
    float[] var = state.get(bn + ".running_var").values();
    float[] w = weight.values().clone();
    float[] bias = new float[gamma.length];
    int per = w.length / gamma.length;
    for (int c = 0; c < gamma.length; c++) {
      double scale = gamma[c] / Math.sqrt(var[c] + (double) BN_EPS);
      for (int k = 0; k < per; k++) {
        w[c * per + k] = (float) (w[c * per + k] * scale);
      }
      bias[c] = (float) (beta[c] - mean[c] * scale);
    }
    constants.put(conv + ".folded_weight", ChannelsLast.weight(manager, w, weight.shape()));
    constants.put(conv + ".folded_bias", manager.create(bias));
  }

  /**
   * Loads a CIFAR ResNet checkpoint.
   *
   * @param checkpoint a {@code torch.save} file of the state dict (legacy or zip format)
   * @param depth 20, 32 or 56 (any 6n + 2)
   * @param device {@code auto} (DJL's first CUDA device when the engine sees one, else CPU), {@code cpu} or
   *     {@code gpu}
   * @throws org.entropyharness.format.DataFormatException naming the key that is missing, unexpected or mis-shaped
   */
  public static CifarResNet load(Path checkpoint, int depth, String device) throws IOException {
    CifarResNetLayout layout = new CifarResNetLayout(depth, 10); // a depth of 2e9 is refused before any reading
    Map<String, TensorData> state = TorchCheckpoint.read(checkpoint).entrySet().stream()
        .filter(e -> !e.getKey().endsWith("num_batches_tracked"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
            java.util.LinkedHashMap::new));
    TorchCheckpoint.requireShapes(checkpoint, state, layout.expectedShapes());
    NDManager manager = NDManager.newBaseManager(resolveDevice(device), "PyTorch");
    return new CifarResNet(layout, manager, state);
  }

  /** {@code auto} → GPU when DJL's engine reports one, else CPU. */
  static Device resolveDevice(String device) {
    return switch (device) {
      case "cpu" -> Device.cpu();
      case "gpu" -> Device.gpu();
      case "auto" -> Engine.getEngine("PyTorch").getGpuCount() > 0 ? Device.gpu() : Device.cpu();
      default -> throw new IllegalArgumentException("device '" + device + "' is not one of auto, cpu, gpu");
    };
  }

  /** Network depth. */
  public int depth() {
    return layout.depth();
  }

  @Override
  public int classes() {
    return layout.classes();
  }

  /** The device the parameters live on. */
  public Device device() {
    return manager.getDevice();
  }

  @Override
  public float[] initialAffine() {
    return initialAffine.clone();
  }

  /** Names of the BatchNorm layers in the order of {@link #initialAffine()}. */
  public List<String> batchNormNames() {
    return layout.batchNormNames();
  }

  @Override
  public int[] batchNormChannels() {
    return channels.clone();
  }

  @Override
  public NDManager newStepManager() {
    return manager.newSubManager();
  }

  @Override
  public NDArray forwardEval(NDArray input) {
    return run(new Pass(null, false), input);
  }

  @Override
  public NDArray forward(NDArray input, NDArray affine, boolean batchStatistics) {
    return run(new Pass(affine, batchStatistics), input);
  }

  @Override
  public NDArray featuresEval(NDArray input) {
    return features(new Pass(null, false), input);
  }

  @Override
  public NDArray classify(NDArray features) {
    return Linear.linear(features, constants.get("linear.weight"), constants.get("linear.bias")).singletonOrThrow();
  }

  @Override
  public NDArray forward(NDArray input, NDArray affine, Normaliser normaliser) {
    return run(new Pass(affine, false, normaliser), input);
  }

  @Override
  public float[] runningStatistics() {
    float[] out = new float[initialAffine.length];
    int at = 0;
    for (String name : layout.batchNormNames()) {
      float[] mean = constants.get(name + ".running_mean").toFloatArray();
      float[] var = constants.get(name + ".running_var").toFloatArray();
      System.arraycopy(mean, 0, out, at, mean.length);
      System.arraycopy(var, 0, out, at + mean.length, var.length);
      at += mean.length + var.length;
    }
    return out;
  }

  @Override
  public int affineOffset(int layer) {
    return affineOffsets[layer];
  }

  private NDArray run(Pass pass, NDArray input) {
    return classify(features(pass, input));
  }

  private NDArray features(Pass pass, NDArray input) {
    NDArray x = pass.convBn(input, "conv1", 0, 1);
    x = x.getNDArrayInternal().relu();
    int bn = 1;
    for (int stage = 1; stage <= 3; stage++) {
      for (int block = 0; block < layout.blocksPerStage(); block++) {
        int stride = stage > 1 && block == 0 ? 2 : 1;
        x = pass.basicBlock(x, CifarResNetLayout.blockName(stage, block), bn, stride);
        bn += 2;
      }
    }
    // Pooled over an NHWC view (no copy): the gradient of the mean then stays channels-last, as every other
    // gradient of the backward pass; an NCHW copy here would send the whole backward through NCHW kernels.
    Shape shape = x.getShape();
    NDArray pooled = x.transpose(0, 2, 3, 1).reshape(shape.get(0), shape.get(2) * shape.get(3), shape.get(1))
        .mean(new int[] {1});
    return pooled;
  }

  /** One forward pass: the affine vector (null: folded inference) and the BatchNorm mode of every layer. */
  private final class Pass {
    private final NDArray affine;
    private final boolean batchStatistics;
    private final Normaliser normaliser;

    Pass(NDArray affine, boolean batchStatistics) {
      this(affine, batchStatistics, null);
    }

    Pass(NDArray affine, boolean batchStatistics, Normaliser normaliser) {
      this.affine = affine;
      this.batchStatistics = batchStatistics;
      this.normaliser = normaliser;
    }

    NDArray basicBlock(NDArray x, String name, int bn, int stride) {
      NDArray out = convBn(x, name + ".conv1", bn, stride).getNDArrayInternal().relu();
      out = convBn(out, name + ".conv2", bn + 1, 1);
      NDArray shortcut = stride == 1 && x.getShape().get(1) == out.getShape().get(1) ? x : optionA(x, out);
      // In place: BatchNorm's backward needs its input, not its output, so autograd allows it; one buffer less.
      return out.addi(shortcut).getNDArrayInternal().relu();
    }

    /** Option A: every second pixel, channels zero-padded equally on both sides (one libtorch call). */
    private NDArray optionA(NDArray x, NDArray out) {
      long pad = (out.getShape().get(1) - x.getShape().get(1)) / 2;
      // torch's pad pairs run from the last dimension: (W, H, C), so only the channels get zeros.
      return x.get(new NDIndex(":, :, ::2, ::2")).pad(new Shape(0, 0, 0, 0, pad, pad), 0);
    }

    NDArray convBn(NDArray x, String conv, int bn, int stride) {
      if (affine == null) {
        return conv(x, constants.get(conv + ".folded_weight"), constants.get(conv + ".folded_bias"), stride);
      }
      NDArray y = conv(x, constants.get(conv + ".weight"), null, stride);
      String name = layout.batchNormNames().get(bn);
      int offset = affineOffsets[bn];
      int c = channels[bn];
      NDArray gamma = affine.get(new NDIndex("{}:{}", offset, offset + c));
      NDArray beta = affine.get(new NDIndex("{}:{}", offset + c, offset + 2 * c));
      if (normaliser != null) {
        return normaliser.normalise(bn, y, gamma, beta);
      }
      // DJL's momentum is the weight of the old running value (MXNet convention): 1 leaves the statistics intact.
      // Axis -1 is DJL's direct call of libtorch's batch_norm (which normalises over dimension 1); any other axis
      // wraps input and output in swapAxes views, and the residual block's in-place addition on such a view makes
      // autograd copy every gradient through it into a contiguous NCHW clone (CopySlices).
      return BatchNorm.batchNorm(y, constants.get(name + ".running_mean"), constants.get(name + ".running_var"),
          gamma, beta, -1, 1f, BN_EPS, batchStatistics).singletonOrThrow();
    }
  }

  private static NDArray conv(NDArray x, NDArray weight, NDArray bias, int stride) {
    return Conv2d.conv2d(x, weight, bias, new Shape(stride, stride), new Shape(1, 1), new Shape(1, 1), 1)
        .singletonOrThrow();
  }

  private static float[] flattenAffine(List<String> names, Map<String, TensorData> state, int total) {
    float[] flat = new float[total];
    int at = 0;
    for (String name : names) {
      float[] gamma = state.get(name + ".weight").values();
      float[] beta = state.get(name + ".bias").values();
      System.arraycopy(gamma, 0, flat, at, gamma.length);
      System.arraycopy(beta, 0, flat, at + gamma.length, beta.length);
      at += gamma.length + beta.length;
    }
    return flat;
  }

  private static long[] toLong(int[] shape) {
    return java.util.Arrays.stream(shape).asLongStream().toArray();
  }

  @Override
  public void close() {
    manager.close();
  }
}
