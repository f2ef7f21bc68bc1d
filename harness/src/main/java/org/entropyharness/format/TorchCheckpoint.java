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
import org.entropyharness.format.DataFormatException;
import org.entropyharness.format.PickleMachine.Call;
import org.entropyharness.format.PickleMachine.Tuple;

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

  /** A storage named by a persistent id; its values are filled in once the storage bytes are read. */
  private record StorageRef(String key, String type, long numel) {}

  private TorchCheckpoint() {}

  /**
   * Reads the state dict of a checkpoint: parameter name → tensor, in file order.
   *
   * @throws DataFormatException if the file is not a torch.save checkpoint of float32 tensors
   */
  public static Map<String, TensorData> read(Path file) throws IOException {
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
      throw new DataFormatException(name + ":1:" + buffer.position() + ": legacy protocol " + protocol
          + " is not 1001; save the checkpoint again with torch.save");
    }
    requireLittleEndian(name, new PickleMachine(name, buffer, id -> id).load());
    Map<String, StorageRef> storages = new LinkedHashMap<>();
    Object root = new PickleMachine(name, buffer, id -> storageRef(id, storages)).load();
    Object keys = new PickleMachine(name, buffer, id -> id).load();
    Map<String, float[]> data = new LinkedHashMap<>();
    for (Object key : (List<?>) keys) {
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
    if (count != ref.numel() || buffer.remaining() < count * width) {
      throw new DataFormatException(name + ":1:" + (at + 1) + ": storage '" + ref.key() + "' holds " + count
          + " elements where " + ref.numel() + " were declared, or the file ends early; the file is corrupt");
    }
    byte[] raw = new byte[(int) count * width];
    buffer.get(raw);
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
  private static float[] decode(byte[] raw, StorageRef ref) {
    ByteBuffer bytes = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
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
      if (order != null && !new String(zip.getInputStream(order).readAllBytes()).trim().equals("little")) {
        throw new DataFormatException(name + ":1:1: big-endian checkpoint; save it again on a little-endian machine");
      }
      ByteBuffer bytes = ByteBuffer.wrap(zip.getInputStream(pickle).readAllBytes());
      Map<String, StorageRef> storages = new LinkedHashMap<>();
      Object root = new PickleMachine(name + "!" + pickle.getName(), bytes, id -> storageRef(id, storages)).load();
      Map<String, float[]> data = new LinkedHashMap<>();
      for (StorageRef ref : storages.values()) {
        data.put(ref.key(), readZipStorage(name, zip, prefix + "data/" + ref.key(), ref));
      }
      return tensors(name, root, data);
    }
  }

  private static float[] readZipStorage(String name, ZipFile zip, String entryName, StorageRef ref)
      throws IOException {
    ZipEntry entry = zip.getEntry(entryName);
    byte[] raw = entry == null ? new byte[0] : zip.getInputStream(entry).readAllBytes();
    long expected = ref.numel() * elementBytes(name, ref);
    if (raw.length != expected) {
      throw new DataFormatException(name + ":1:1: storage entry '" + entryName + "' has " + raw.length
          + " bytes where " + expected + " were declared; the archive is corrupt");
    }
    return decode(raw, ref);
  }

  /** Persistent id {@code ('storage', type, key, location, numel[, view])} → a storage reference. */
  private static Object storageRef(Object id, Map<String, StorageRef> storages) {
    if (!(id instanceof Tuple tuple) || tuple.items().size() < 5 || !"storage".equals(tuple.items().get(0))) {
      throw new IllegalArgumentException("persistent id " + id + " is not a storage");
    }
    List<Object> items = tuple.items();
    String type = items.get(1) instanceof PickleMachine.Global g ? g.name() : String.valueOf(items.get(1));
    String key = (String) items.get(2);
    return storages.computeIfAbsent(key, k -> new StorageRef(k, type, ((Number) items.get(4)).longValue()));
  }

  private static Map<String, TensorData> tensors(String name, Object root, Map<String, float[]> data)
      throws DataFormatException {
    Map<?, ?> dict = stateDict(name, root);
    Map<String, TensorData> out = new LinkedHashMap<>();
    for (var entry : dict.entrySet()) {
      String key = String.valueOf(entry.getKey());
      String stripped = key.startsWith(MODULE_PREFIX) ? key.substring(MODULE_PREFIX.length()) : key;
      out.put(stripped, TensorRebuild.rebuild(name, key, entry.getValue(), data));
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

  /** Turns {@code _rebuild_tensor[_v2](storage, offset, size, stride, ...)} into a dense tensor. */
  private static final class TensorRebuild {
    private TensorRebuild() {}

    static TensorData rebuild(String name, String key, Object value, Map<String, float[]> data)
        throws DataFormatException {
      if (value instanceof Call call && call.callable().name().equals("_rebuild_parameter")) {
        value = call.args().items().get(0);
      }
      if (!(value instanceof Call call) || !call.callable().name().startsWith("_rebuild_tensor")) {
        throw new DataFormatException(name + ":1:1: key '" + key + "' is not a tensor; save model.state_dict()");
      }
      List<Object> args = call.args().items();
      StorageRef ref = (StorageRef) args.get(0);
      int offset = ((Number) args.get(1)).intValue();
      int[] shape = ints(args.get(2));
      int[] stride = ints(args.get(3));
      return new TensorData(shape, gather(data.get(ref.key()), offset, shape, stride));
    }

    private static int[] ints(Object tuple) {
      return ((Tuple) tuple).items().stream().mapToInt(o -> ((Number) o).intValue()).toArray();
    }

    /** Copies a strided view into row-major order (the common contiguous case is one array copy). */
    private static float[] gather(float[] storage, int offset, int[] shape, int[] stride) {
      int count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
      float[] out = new float[count];
      int[] index = new int[shape.length];
      for (int i = 0; i < count; i++) {
        int at = offset;
        for (int d = 0; d < shape.length; d++) {
          at += index[d] * stride[d];
        }
        out[i] = storage[at];
        for (int d = shape.length - 1; d >= 0 && ++index[d] == shape[d]; d--) {
          index[d] = 0;
        }
      }
      return out;
    }
  }
}
