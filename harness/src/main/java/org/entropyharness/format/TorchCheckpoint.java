package org.entropyharness.format;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.entropyharness.format.PickleMachine.Call;
import org.entropyharness.guard.FileKind;
import org.entropyharness.guard.InputFiles;
import org.entropyharness.guard.Limits;

/**
 * Reads PyTorch {@code torch.save} checkpoints of float32 state dicts without Python: both the legacy stream
 * (magic number, protocol 1001, system info, object pickle, storage keys, raw storages) and the zip archive of
 * PyTorch ≥ 1.6 ({@code <name>/data.pkl} plus {@code <name>/data/<key>}).
 *
 * <p>A checkpoint that wraps its state dict (e.g. {@code {best_prec1, state_dict}}) is unwrapped; a
 * {@code module.} prefix left by {@code DataParallel} is stripped.
 */
public final class TorchCheckpoint {
  private static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
  private static final long LEGACY_PROTOCOL = 1001;
  private static final String MODULE_PREFIX = "module.";

  private TorchCheckpoint() {}

  /**
   * Reads the state dict of a checkpoint: parameter name → tensor, in file order.
   *
   * @throws DataFormatException if the file is not a torch.save checkpoint of float32 tensors
   */
  public static Map<String, TensorData> read(Path file) throws IOException {
    InputFiles.require(file, FileKind.CHECKPOINT);
    byte[] head = new byte[4];
    try (var in = Files.newInputStream(file)) {
      in.readNBytes(head, 0, 4);
    }
    boolean zip = head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    return zip ? readZip(file) : readLegacy(file);
  }

  /**
   * Checks a state dict against the expected names and shapes.
   *
   * @throws DataFormatException naming the first missing key, unexpected key or shape mismatch
   */
  public static void requireShapes(Path file, Map<String, TensorData> actual, Map<String, int[]> expected)
      throws DataFormatException {
    for (var entry : expected.entrySet()) {
      TensorData tensor = actual.get(entry.getKey());
      if (tensor == null) {
        throw new DataFormatException(file + ":1:1: missing key '" + entry.getKey() + "' (expected shape "
            + Arrays.toString(entry.getValue()) + "); use a checkpoint of the same architecture and depth");
      }
      if (!Arrays.equals(tensor.shape(), entry.getValue())) {
        throw new DataFormatException(file + ":1:1: key '" + entry.getKey() + "' has shape " + tensor.shapeText()
            + " but the model needs " + Arrays.toString(entry.getValue()) + "; check the depth of the checkpoint");
      }
    }
    for (String key : actual.keySet()) {
      if (!expected.containsKey(key)) {
        throw new DataFormatException(file + ":1:1: unexpected key '" + key
            + "'; use a checkpoint of the same architecture and depth");
      }
    }
  }

  private static Map<String, TensorData> readLegacy(Path file) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    String name = file.toString();
    Object magic = new PickleMachine(name, buffer, id -> id).load();
    if (!LEGACY_MAGIC.equals(magic)) {
      throw new DataFormatException(name + ":1:1: not a torch.save checkpoint (no legacy magic number, no zip "
          + "header); pass a file written by torch.save");
    }
    Object protocol = new PickleMachine(name, buffer, id -> id).load();
    if (!Long.valueOf(LEGACY_PROTOCOL).equals(protocol)) {
      throw new DataFormatException(name + ":1:" + buffer.position() + ": legacy protocol "
          + PickleValues.describe(protocol) + " is not 1001; save the checkpoint again with torch.save");
    }
    requireLittleEndian(name, new PickleMachine(name, buffer, id -> id).load());
    StorageRefs storages = new StorageRefs(name);
    Object root = new PickleMachine(name, buffer, storages::resolve).load();
    Object keys = new PickleMachine(name, buffer, id -> id).load();
    if (!(keys instanceof List<?> list) || !list.stream().allMatch(k -> k instanceof String)) {
      throw new DataFormatException(name + ":1:" + buffer.position() + ": the storage list is "
          + PickleValues.describe(keys) + ", not a list of storage keys; the file is corrupt");
    }
    Map<String, float[]> data = new LinkedHashMap<>();
    for (Object key : list) {
      data.put((String) key, readLegacyStorage(name, buffer, storages.get((String) key)));
    }
    return tensors(name, root, data);
  }

  private static void requireLittleEndian(String name, Object sysInfo) throws DataFormatException {
    if (sysInfo instanceof Map<?, ?> info && Boolean.FALSE.equals(info.get("little_endian"))) {
      throw new DataFormatException(name + ":1:1: big-endian checkpoint; save it again on a little-endian machine");
    }
  }

  private static float[] readLegacyStorage(String name, ByteBuffer buffer, StorageRef ref)
      throws DataFormatException {
    int at = buffer.position();
    if (ref == null || buffer.remaining() < Long.BYTES) {
      throw new DataFormatException(name + ":1:" + (at + 1) + ": storage list does not match the pickled "
          + "tensors; the file is truncated or corrupt");
    }
    long count = buffer.getLong();
    int width = elementBytes(name, ref);
    // declared sizes are checked against the bytes present before anything is allocated for them
    if (count != ref.numel() || count < 0 || count > buffer.remaining() / width) {
      throw new DataFormatException(name + ":1:" + (at + 1) + ": storage '" + ref.key() + "' holds " + count
          + " elements where " + ref.numel() + " were declared, or the file ends early; the file is corrupt");
    }
    ByteBuffer raw = buffer.slice().order(ByteOrder.LITTLE_ENDIAN).limit((int) count * width);
    buffer.position(buffer.position() + (int) count * width);
    return decode(raw, ref);
  }

  private static int elementBytes(String name, StorageRef ref) throws DataFormatException {
    return switch (ref.type()) {
      case "FloatStorage" -> Float.BYTES;
      case "LongStorage" -> Long.BYTES;
      default -> throw new DataFormatException(name + ":1:1: storage '" + ref.key() + "' is a " + ref.type()
          + "; only float32 (and int64 counters) are supported: convert with model.float() before saving");
    };
  }

  /** Raw little-endian storage bytes as floats; int64 storages (BatchNorm step counters) are widened. */
  private static float[] decode(ByteBuffer bytes, StorageRef ref) {
    float[] values = new float[(int) ref.numel()];
    if (ref.type().equals("LongStorage")) {
      for (int i = 0; i < values.length; i++) {
        values[i] = bytes.getLong();
      }
    } else {
      bytes.asFloatBuffer().get(values);
    }
    return values;
  }

  private static Map<String, TensorData> readZip(Path file) throws IOException {
    String name = file.toString();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry pickle = zip.stream().filter(e -> e.getName().endsWith("data.pkl")).findFirst()
          .orElseThrow(() -> new DataFormatException(name + ":1:1: zip checkpoint without data.pkl; "
              + "pass a file written by torch.save"));
      String prefix = pickle.getName().substring(0, pickle.getName().length() - "data.pkl".length());
      ZipEntry order = zip.getEntry(prefix + "byteorder");
      if (order != null && !new String(ZipEntries.read(name, zip, order, 64)).trim().equals("little")) {
        throw new DataFormatException(name + ":1:1: big-endian checkpoint; save it again on a little-endian machine");
      }
      ByteBuffer bytes = ByteBuffer.wrap(ZipEntries.read(name, zip, pickle, Limits.PICKLE_BYTES));
      StorageRefs storages = new StorageRefs(name);
      Object root = new PickleMachine(name + "!" + pickle.getName(), bytes, storages::resolve).load();
      Map<String, float[]> data = new LinkedHashMap<>();
      for (StorageRef ref : storages.all()) {
        data.put(ref.key(), readZipStorage(name, zip, prefix + "data/" + ref.key(), ref));
      }
      return tensors(name, root, data);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      // an EOFException: the central directory places an entry beyond the end of the file
      String why = e instanceof java.io.EOFException ? "an entry lies beyond the end of the file" : e.getMessage();
      throw new DataFormatException(name + ":1:1: not a readable zip archive (" + why + "); the file is corrupt: save"
          + " it again with torch.save");
    }
  }

  private static float[] readZipStorage(String name, ZipFile zip, String entryName, StorageRef ref)
      throws IOException {
    ZipEntry entry = zip.getEntry(entryName);
    long expected = ref.numel() * elementBytes(name, ref);
    if (entry == null) {
      throw new DataFormatException(name + ":1:1: storage entry '" + entryName + "' is missing; the archive is"
          + " corrupt");
    }
    // read exactly the declared bytes: an entry that inflates to more (a zip bomb) is refused, not inflated
    byte[] raw = ZipEntries.readExactly(name, zip, entry, expected);
    return decode(ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN), ref);
  }

  private static Map<String, TensorData> tensors(String name, Object root, Map<String, float[]> data)
      throws DataFormatException {
    Map<?, ?> dict = stateDict(name, root);
    Map<String, TensorData> out = new LinkedHashMap<>();
    TensorRebuild rebuild = new TensorRebuild(name, data);
    for (var entry : dict.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new DataFormatException(name + ":1:1: a state-dict key is " + PickleValues.describe(entry.getKey())
            + ", not a name; save model.state_dict()");
      }
      String stripped = key.startsWith(MODULE_PREFIX) ? key.substring(MODULE_PREFIX.length()) : key;
      out.put(stripped, rebuild.rebuild(key, entry.getValue()));
    }
    return out;
  }

  private static Map<?, ?> stateDict(String name, Object root) throws DataFormatException {
    if (root instanceof Map<?, ?> map && map.get("state_dict") instanceof Map<?, ?> inner) {
      return inner;
    }
    if (root instanceof Map<?, ?> map && map.values().stream().allMatch(v -> v instanceof Call)) {
      return map;
    }
    throw new DataFormatException(name + ":1:1: the pickled object is neither a state dict nor a dict with key "
        + "'state_dict'; save model.state_dict()");
  }
}
