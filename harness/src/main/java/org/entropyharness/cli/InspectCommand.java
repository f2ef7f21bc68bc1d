package org.entropyharness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.entropyharness.data.CifarBinaryReader;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.format.NpyHeader;
import org.entropyharness.format.NpyReader;
import org.entropyharness.data.ShippedData;
import org.entropyharness.data.math.JsonlFieldMap;
import org.entropyharness.data.math.JsonlProblems;
import org.entropyharness.data.math.Problem;
import org.entropyharness.model.CifarResNet;
import org.entropyharness.format.TensorData;
import org.entropyharness.format.TorchCheckpoint;
import org.entropyharness.store.ArrowTables;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.SampleRow;
import org.entropyharness.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import org.entropyharness.guard.FileKind;
import org.entropyharness.guard.InputFiles;
import org.entropyharness.guard.Printable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code harness inspect}: reads data files with the harness's own readers and says what they hold, or exactly what
 * is wrong with them: CIFAR binaries, .npy arrays, JSONL problem sets, PyTorch checkpoints, Arrow result files.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Reads data, weight and result files with the harness's readers and summarises them.")
final class InspectCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = ".bin (CIFAR), .npy, .jsonl, .th/.pt (checkpoint), .arrow")
  List<Path> files;

  @Option(names = "--model", description = "Check a checkpoint against a CIFAR ResNet: resnet20, resnet32 or resnet56.")
  String model;

  private static final List<String> MODELS = List.of("resnet20", "resnet32", "resnet56");

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Integer depth = model == null ? null : depth(model);
    for (Path file : files) {
      InputFiles.require(file, FileKind.DATA);
      out.println(Printable.escape(file + ": " + describe(file, depth)));
    }
    return 0;
  }

  /** The depth of a model named on the command line, which must be one the suites accept. */
  private int depth(String name) {
    if (!MODELS.contains(name)) {
      throw new ParameterException(spec.commandLine(), "--model: found '" + Printable.escape(name.length() > 40
          ? name.substring(0, 40) + "..." : name) + "'; allowed: " + String.join(", ", MODELS));
    }
    return Integer.parseInt(name.substring("resnet".length()));
  }

  private String describe(Path file, Integer depth) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".bin")) {
      ImageBatch images = CifarBinaryReader.read(ShippedData.verifyIfListed(file), 0);
      return String.format(Locale.ROOT, "CIFAR-10 binary, %d images of %dx%d, labels %s", images.count(),
          images.height(), images.width(), histogram(images.labels()));
    }
    if (name.endsWith(".npy")) {
      NpyHeader h = NpyReader.header(file);
      return "npy array, dtype " + h.dtype() + ", shape " + h.shape();
    }
    if (name.endsWith(".jsonl")) {
      List<Problem> problems = JsonlProblems.read(file, presetOrGeneric(file));
      return "JSONL problems, " + problems.size() + " rows";
    }
    if (name.endsWith(".th") || name.endsWith(".pt") || name.endsWith(".pth")) {
      return checkpoint(file, depth);
    }
    if (name.endsWith(".arrow")) {
      return arrow(file);
    }
    throw new IOException(file + ":1:1: unknown file type; inspect reads .bin, .npy, .jsonl, .th/.pt and .arrow files");
  }

  private String checkpoint(Path file, Integer depth) throws IOException {
    Map<String, TensorData> tensors = TorchCheckpoint.read(file);
    long values = tensors.values().stream().mapToLong(t -> t.values().length).sum();
    String summary = "PyTorch checkpoint, " + tensors.size() + " tensors, " + values + " values";
    if (depth != null) {
      try (CifarResNet net = CifarResNet.load(file, depth, "cpu")) {
        summary += ", fits " + model;
      }
    }
    return summary;
  }

  private static String arrow(Path file) throws StoreException {
    try {
      return "Arrow metrics table, " + ArrowTables.read(file, MetricRow.TABLE).size() + " rows";
    } catch (StoreException e) {
      if (e.getMessage() == null || !e.getMessage().contains("holds table 'samples'")) {
        throw e;
      }
      return "Arrow samples table, " + ArrowTables.read(file, SampleRow.TABLE).size() + " rows";
    }
  }

  private static JsonlFieldMap presetOrGeneric(Path file) {
    try {
      return JsonlFieldMap.presetFor(file);
    } catch (IllegalArgumentException e) {
      return new JsonlFieldMap("question", "answer", null, null, null);
    }
  }

  private static String histogram(int[] labels) {
    int max = Arrays.stream(labels).max().orElse(-1);
    int[] counts = new int[max + 1];
    for (int l : labels) {
      counts[l]++;
    }
    return Arrays.toString(counts);
  }
}
