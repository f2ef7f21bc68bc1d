package org.entropyharness.store;

import org.entropyharness.report.HistoryFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {
  @TempDir Path dir;

  @Test
  void should_replace_rows_of_a_rerun_and_keep_the_others_of_the_same_night() throws Exception {
    History history = new History(dir);
    LocalDate night = LocalDate.parse("2026-11-21");
    List<MetricRow> rows = HistoryFixture.lastNight(HistoryFixture.TTA);
    history.append(night, rows);
    MetricRow first = rows.get(0);
    history.append(night, List.of(first.withRun("rerun")));
    history.append(LocalDate.parse("2026-11-20"), List.of(first));
    Files.writeString(dir.resolve("notes.txt"), "ignored");
    List<History.Night> nights = history.nights();
    assertThat(nights).extracting(n -> n.date().toString()).containsExactly("2026-11-20", "2026-11-21");
    assertThat(nights.get(1).rows()).hasSize(rows.size());
    assertThat(nights.get(1).rows()).filteredOn(r -> r.key().equals(first.key())).extracting(MetricRow::runId)
        .containsExactly("rerun");
  }

  @Test
  void should_name_a_night_file_whose_name_is_not_a_date() throws Exception {
    Files.writeString(dir.resolve("2026-13-45.arrow"), "x");
    assertThatThrownBy(() -> new History(dir).nights()).isInstanceOf(StoreException.class)
        .hasMessage(dir.resolve("2026-13-45.arrow") + ":1:1: '2026-13-45' is not a date; name a night's file yyyy-mm-dd.arrow or move it out");
  }

  @Test
  void should_have_no_night_in_a_missing_folder() throws Exception {
    assertThat(new History(dir.resolve("absent")).nights()).isEmpty();
  }
}
