package org.entropyharness.data.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entropyharness.format.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the shipped Hugging Face-layout split, written by pyarrow 25 (the writer behind Hugging Face datasets), with
 * Arrow Java's dataset module; its expected rows are the JSONL the file was written from.
 */
class ParquetProblemsTest {
  private static final Path SPLIT =
      Path.of(System.getProperty("harness.root", "..")).resolve("datasets/math/arith_hf/data");
  private static final JsonlFieldMap MAP = new JsonlFieldMap("problem", "answer", "unique_id", "level", null);

  @TempDir Path tmp;

  @Test
  void should_read_every_row_of_a_split_folder_through_the_native_reader() throws IOException {
    List<Problem> ps = ParquetProblems.read(SPLIT, MAP);

    assertThat(ps).hasSize(12);
    assertThat(ps.get(0)).isEqualTo(new Problem("arith-hf/0", "3+0", "3", "1", ps.get(0).meta()));
    assertThat(ps.get(1).answer()).isEqualTo("35");
    assertThat(ps.get(11).group()).isEqualTo("3");
  }

  @Test
  void should_name_the_row_that_lacks_a_mapped_field() {
    JsonlFieldMap wrong = new JsonlFieldMap("question", "answer", "unique_id", null, null);

    assertThatThrownBy(() -> ParquetProblems.read(SPLIT, wrong))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(SPLIT.resolve("test-00000-of-00001.parquet") + ":row 1: question field 'question' is missing;"
            + " present fields: [problem, answer, unique_id, level]; fix the row or the field map");
  }

  @Test
  void should_refuse_a_file_that_is_not_parquet() throws IOException {
    Path bad = Files.writeString(tmp.resolve("bad.parquet"), "not parquet at all");

    assertThatThrownBy(() -> ParquetProblems.read(bad, MAP))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(bad + ":1:1: not a readable Parquet file (")
        .hasMessageEndingWith("); give a Parquet file as written by pyarrow or Hugging Face datasets");
  }

  @Test
  void should_refuse_a_folder_without_parquet_files() {
    assertThatThrownBy(() -> ParquetProblems.read(tmp, MAP))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(tmp + ":1:1: folder holds no .parquet file; point 'parquet' at a Parquet file or at the folder of"
            + " a dataset split");
  }
}
