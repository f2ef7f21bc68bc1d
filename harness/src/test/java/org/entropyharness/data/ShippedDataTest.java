package org.entropyharness.data;

import org.entropyharness.format.DataFormatException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedDataTest {
  private static final String HELLO = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
  @TempDir Path dir;

  @Test
  void should_accept_the_real_shipped_test_batch() throws Exception {
    Path root = Path.of(System.getProperty("harness.root", "..")).toAbsolutePath();
    Path file = root.resolve("datasets/cifar10/test_batch.bin");
    assertThat(ShippedData.verify(file)).isEqualTo(file);
  }

  @Test
  void should_name_the_file_and_both_hashes_when_they_differ() throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/a.txt"), "hello!");
    Files.writeString(dir.resolve("MANIFEST.tsv"), "# path\tsha256\torigin\tlicence\nsub/a.txt\t" + HELLO + "\tme\tnone\n");
    Path file = dir.resolve("sub/a.txt");
    String actual = ShippedData.sha256(file);
    assertThatThrownBy(() -> ShippedData.verify(file)).isInstanceOf(DataFormatException.class)
        .hasMessage(file.toAbsolutePath() + ":1:1: sha256 " + actual + " does not match " + HELLO + " in "
            + dir.resolve("MANIFEST.tsv") + "; restore the original file (git checkout / re-copy) or, if it was"
            + " replaced on purpose, update its MANIFEST line");
  }

  @Test
  void should_hash_a_file_once_while_size_and_time_stay() throws Exception {
    Path file = dir.resolve("a.txt");
    Files.writeString(file, "hello");
    Files.writeString(dir.resolve("MANIFEST.tsv"), "# header\na.txt\t" + HELLO + "\tme\tnone\n");
    FileTime time = Files.getLastModifiedTime(file);
    ShippedData.verify(file);
    Files.writeString(file, "jello");
    Files.setLastModifiedTime(file, time);
    assertThat(ShippedData.verify(file)).as("cached: same size and time").isEqualTo(file);
    Files.setLastModifiedTime(file, FileTime.fromMillis(time.toMillis() + 5000));
    assertThatThrownBy(() -> ShippedData.verify(file)).hasMessageContaining("does not match " + HELLO);
  }

  @Test
  void should_say_which_manifest_lacks_the_file() throws Exception {
    Files.writeString(dir.resolve("b.txt"), "x");
    Files.writeString(dir.resolve("MANIFEST.tsv"), "# header\n");
    assertThatThrownBy(() -> ShippedData.verify(dir.resolve("b.txt")))
        .hasMessage(dir.resolve("MANIFEST.tsv") + ":2:1: no line for b.txt; add"
            + " 'path<TAB>sha256<TAB>origin<TAB>licence' for it");
    assertThat(ShippedData.verifyIfListed(dir.resolve("b.txt"))).isEqualTo(dir.resolve("b.txt"));
  }
}
