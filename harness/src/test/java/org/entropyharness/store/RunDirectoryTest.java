package org.entropyharness.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cell ids to file names: two cells must never share a file, or the second would be taken as already done. */
class RunDirectoryTest {

  @Test
  void should_keep_a_cell_id_that_is_already_a_plain_file_name() {
    assertThat(RunDirectory.safe("tent@1")).isEqualTo("tent@1");
    assertThat(RunDirectory.safe("self-consistency.v2@18446744073709551615")).isEqualTo(
        "self-consistency.v2@18446744073709551615");
  }

  @Test
  void should_give_ids_that_differ_only_in_unsafe_characters_different_file_names() {
    List<String> ids = List.of("a/b@1", "a_b@1", "a:b@1", "a b@1", "a\\b@1", "a\nb@1", "a\u202eb@1", "ä_b@1", ".a_b@1",
        "_a_b@1");

    List<String> names = ids.stream().map(RunDirectory::safe).toList();

    assertThat(names).doesNotHaveDuplicates();
    assertThat(names).allSatisfy(n -> assertThat(n).matches("[A-Za-z0-9_@-][A-Za-z0-9._@-]*"));
  }
}
