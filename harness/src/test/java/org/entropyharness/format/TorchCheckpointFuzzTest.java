package org.entropyharness.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.entropyharness.guard.ByteEdits;
import org.entropyharness.guard.FuzzBudget;

/**
 * Fuzzes the checkpoint reader (pickle machine, storages, tensor views): damaged legacy streams, zip checkpoints whose
 * pickle is damaged, damaged zip archives and random opcode streams either read or throw one located
 * {@link DataFormatException}, within {@link FuzzBudget}. Seeds are a small state dict saved by PyTorch in both layouts
 * ({@code format/fuzz/make_seeds.py}).
 */
class TorchCheckpointFuzzTest {
  private static final Path SEEDS = Path.of("src/test/resources/format/fuzz");
  private static final byte[] OPCODES = "}])(N\u0088\u0089KMJ\u008aGX\u008ccqr\u0094hjt\u0085\u0086\u0087QRsuaeb.".getBytes(
      java.nio.charset.StandardCharsets.ISO_8859_1);
  private static byte[] legacy;
  private static byte[] zip;
  private static Map<String, byte[]> zipEntries;
  private static Path dir;

  @BeforeContainer
  static void readSeeds() throws IOException {
    dir = Files.createTempDirectory("checkpoint-fuzz");
    legacy = Files.readAllBytes(SEEDS.resolve("tiny-legacy.th"));
    zip = Files.readAllBytes(SEEDS.resolve("tiny-zip.th"));
    zipEntries = unzip(SEEDS.resolve("tiny-zip.th"));
  }

  @AfterContainer
  static void removeFiles() throws IOException {
    FuzzBudget.deleteFolder(dir);
  }

  /** Both seeds read as they are (the four tensors make_seeds.py saves): otherwise the properties test nothing. */
  @Example
  void should_read_both_undamaged_seeds() throws IOException {
    for (String seed : new String[] {"tiny-legacy.th", "tiny-zip.th"}) {
      assertThat(TorchCheckpoint.read(SEEDS.resolve(seed))).containsOnlyKeys("conv.weight", "bn.bias",
          "bn.num_batches_tracked", "fc.weight");
    }
  }

  @Property(tries = 200, seed = FuzzBudget.SEED)
  void should_read_or_refuse_a_damaged_legacy_checkpoint(@ForAll("damagedLegacy") byte[] bytes) throws IOException {
    assertReadsOrRefuses(bytes);
  }

  @Property(tries = 200, seed = FuzzBudget.SEED)
  void should_read_or_refuse_a_zip_checkpoint_with_a_damaged_pickle(@ForAll("damagedPickle") byte[] pickle)
      throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>(zipEntries);
    entries.replaceAll((name, data) -> name.endsWith("data.pkl") ? pickle : data);
    assertReadsOrRefuses(zip(entries));
  }

  @Property(tries = 100, seed = FuzzBudget.SEED)
  void should_read_or_refuse_a_damaged_zip_archive(@ForAll("damagedZip") byte[] bytes) throws IOException {
    assertReadsOrRefuses(bytes);
  }

  @Property(tries = 200, seed = FuzzBudget.SEED)
  void should_read_or_refuse_random_opcodes(@ForAll("opcodes") byte[] pickle) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>(zipEntries);
    entries.replaceAll((name, data) -> name.endsWith("data.pkl") ? pickle : data);
    assertReadsOrRefuses(zip(entries));
  }

  private static void assertReadsOrRefuses(byte[] bytes) throws IOException {
    Path file = Files.write(dir.resolve("fuzz.th"), bytes);
    Throwable thrown = FuzzBudget.run(() -> TorchCheckpoint.read(file));
    assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(),
        t -> assertThat(t).isInstanceOf(DataFormatException.class).hasMessageStartingWith(file.toString()));
  }

  @Provide
  Arbitrary<byte[]> damagedLegacy() {
    return ByteEdits.of(legacy);
  }

  @Provide
  Arbitrary<byte[]> damagedPickle() {
    return ByteEdits.of(zipEntries.entrySet().stream().filter(e -> e.getKey().endsWith("data.pkl")).findFirst()
        .orElseThrow().getValue());
  }

  @Provide
  Arbitrary<byte[]> damagedZip() {
    return ByteEdits.of(zip);
  }

  /** Opcodes the reader knows, each followed by random argument bytes. */
  @Provide
  Arbitrary<byte[]> opcodes() {
    Arbitrary<byte[]> step = Arbitraries.of(toBoxed(OPCODES)).flatMap(op -> Arbitraries.bytes().array(byte[].class)
        .ofMaxSize(6).map(args -> {
          byte[] out = new byte[1 + args.length];
          out[0] = op;
          System.arraycopy(args, 0, out, 1, args.length);
          return out;
        }));
    return step.list().ofMaxSize(60).map(steps -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(0x80);
      out.write(2);
      steps.forEach(out::writeBytes);
      out.write('.');
      return out.toByteArray();
    });
  }

  private static Byte[] toBoxed(byte[] bytes) {
    Byte[] out = new Byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[i];
    }
    return out;
  }

  private static Map<String, byte[]> unzip(Path file) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(file.toFile())) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        entries.put(e.getName(), in.getInputStream(e).readAllBytes());
      }
    }
    return entries;
  }

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (var e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
