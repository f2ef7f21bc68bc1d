package org.entropyharness.format;

import org.entropyharness.model.ModelFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.entropyharness.format.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchCheckpointTest {
  @TempDir Path temp;

  @Test
  void should_read_legacy_resnet20_state_dict_without_module_prefix() throws IOException {
    Map<String, TensorData> state = TorchCheckpoint.read(ModelFixtures.resnet20());

    assertThat(state).hasSize(1 + 4 + 9 * 2 * 5 + 2);
    assertThat(state.keySet()).first().isEqualTo("conv1.weight");
    assertThat(state.get("conv1.weight").shape()).containsExactly(16, 3, 3, 3);
    assertThat(state.get("linear.weight").shape()).containsExactly(10, 64);
    assertThat(state.get("layer3.2.bn2.running_var").values()).hasSize(64).doesNotContain(0f);
  }

  /**
   * The fixture was written by Debian's python3-torch 1.13: x = arange(12).view(3, 4); torch.save(OrderedDict(
   * module.x=x, module.xt=x.t(), module.row=x[1], module.bn.num_batches_tracked=tensor(7))).
   */
  @Test
  void should_read_zip_checkpoint_with_shared_strided_storage() throws IOException {
    Path file = Path.of("src/test/resources/model/tiny-zip-checkpoint.pt");

    Map<String, TensorData> state = TorchCheckpoint.read(file);

    assertThat(state.keySet()).containsExactly("x", "xt", "row", "bn.num_batches_tracked");
    assertThat(state.get("x").values()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    assertThat(state.get("xt").shape()).containsExactly(4, 3);
    assertThat(state.get("xt").values()).containsExactly(0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11);
    assertThat(state.get("row").values()).containsExactly(4, 5, 6, 7);
    assertThat(state.get("bn.num_batches_tracked").values()).containsExactly(7);
  }

  @Test
  void should_name_missing_unexpected_and_misshaped_keys() {
    Path file = Path.of("m.th");
    Map<String, TensorData> state = new LinkedHashMap<>();
    state.put("a", new TensorData(new int[] {2}, new float[2]));
    Map<String, int[]> expected = new LinkedHashMap<>();
    expected.put("a", new int[] {2});

    Map<String, TensorData> extra = new LinkedHashMap<>(state);
    extra.put("b", new TensorData(new int[] {1}, new float[1]));
    assertThatThrownBy(() -> TorchCheckpoint.requireShapes(file, extra, expected))
        .isInstanceOf(DataFormatException.class).hasMessageStartingWith("m.th:1:1: unexpected key 'b'");
    expected.put("c", new int[] {3});
    assertThatThrownBy(() -> TorchCheckpoint.requireShapes(file, state, expected))
        .hasMessageStartingWith("m.th:1:1: missing key 'c' (expected shape [3])");
    expected.remove("c");
    expected.put("a", new int[] {3});
    assertThatThrownBy(() -> TorchCheckpoint.requireShapes(file, state, expected))
        .hasMessageStartingWith("m.th:1:1: key 'a' has shape [2] but the model needs [3]");
  }

  @Test
  void should_reject_a_truncated_checkpoint_with_its_location() throws IOException {
    byte[] all = Files.readAllBytes(ModelFixtures.resnet20());
    Path cut = temp.resolve("cut.th");
    Files.write(cut, java.util.Arrays.copyOf(all, 5000));

    assertThatThrownBy(() -> TorchCheckpoint.read(cut))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(cut + ":1:")
        .hasMessageContaining("; ");
  }

  @Test
  void should_reject_a_file_that_is_not_a_checkpoint() throws IOException {
    Path text = temp.resolve("notes.th");
    Files.write(text, new byte[] {(byte) 0x80, 2, 'K', 5, '.'});

    assertThatThrownBy(() -> TorchCheckpoint.read(text))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("not a torch.save checkpoint");
  }

  /**
   * Found by the fuzz test: one byte of the central directory moves the local header of {@code data/1} to offset
   * 66152 (Python's zipfile reads that offset from the damaged file), beyond the file's 1573 bytes; ZipFile then threw
   * a bare EOFException when the entry was opened.
   */
  @Test
  void should_refuse_a_zip_whose_entry_lies_beyond_the_end_of_the_file() throws IOException {
    byte[] bytes = Files.readAllBytes(Path.of("src/test/resources/format/fuzz/tiny-zip.th"));
    bytes[1274] = 1;
    Path file = Files.write(temp.resolve("moved.th"), bytes);

    assertThatThrownBy(() -> TorchCheckpoint.read(file)).isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":1:1: not a readable zip archive (an entry lies beyond the end of the file); the file is"
            + " corrupt: save it again with torch.save");
  }

  @Test
  void should_refuse_unknown_pickle_opcodes() throws IOException {
    Path file = temp.resolve("odd.th");
    Files.write(file, new byte[] {(byte) 0x80, 2, (byte) 0x95, 0, 0});

    assertThatThrownBy(() -> TorchCheckpoint.read(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":1:3: unsupported pickle opcode 0x95; save the checkpoint with torch.save (protocol 2) "
            + "of a plain state dict");
  }
}
