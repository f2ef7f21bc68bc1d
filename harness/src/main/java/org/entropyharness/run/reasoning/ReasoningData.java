package org.entropyharness.run.reasoning;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.entropyharness.data.ShippedData;
import org.entropyharness.data.math.AnswerTransform;
import org.entropyharness.data.math.ArithmeticProblems;
import org.entropyharness.data.math.JsonlFieldMap;
import org.entropyharness.data.math.JsonlProblems;
import org.entropyharness.data.math.ParquetProblems;
import org.entropyharness.data.math.UnitPolicy;
import org.entropyharness.metric.answer.ReferenceAnswer;
import org.entropyharness.data.math.Problem;
import org.entropyharness.run.HarnessPaths;
import org.entropyharness.store.Fingerprint;
import org.entropyharness.suite.Params;

/**
 * The dataset section of a reasoning suite: the synthetic arithmetic set, a JSONL file of problems, or Parquet (a
 * file or a Hugging Face split folder).
 */
final class ReasoningData {
  private final Params section;
  private final String name;
  private final Path file;

  ReasoningData(Params section) {
    this.section = section;
    this.name = section.string("name", "arith");
    this.file = name.equals("arith") ? null : name.equals("parquet") ? parquetPath() : jsonlFile();
    if (file != null) {
      fieldMap();
    }
  }

  private Path parquetPath() {
    if (!section.has("parquet")) {
      throw section.error("name", "'parquet' needs the key 'parquet: path/to/file.parquet' (or a folder of them)");
    }
    return section.existingPath("parquet");
  }

  private Path jsonlFile() {
    if (section.has("jsonl")) {
      return section.existingPath("jsonl");
    }
    if (name.equals("jsonl")) {
      throw section.error("name", "'jsonl' needs the key 'jsonl: path/to/file.jsonl'");
    }
    Path shipped = HarnessPaths.fromEnvironment().root().resolve("datasets/math/" + shippedName());
    if (!shipped.toFile().isFile()) {
      throw section.error("name", "the shipped file " + shipped + " does not exist; give 'jsonl: <path>'");
    }
    return shipped;
  }

  private String shippedName() {
    return switch (name) {
      case "gsm8k" -> "gsm8k_test.jsonl";
      case "math500" -> "math500_test.jsonl";
      case "aime24" -> "aime24_test.jsonl";
      default -> "amc23_test.jsonl";
    };
  }

  /** The problems, in dataset order, limited by {@code limit}. */
  List<Problem> problems() throws IOException {
    List<Problem> all;
    if (file == null) {
      List<Integer> levels = section.integers("levels", List.of(1L, 2L, 3L, 4L, 5L)).stream().map(Long::intValue).toList();
      all = new ArithmeticProblems(section.integer("seed", 7)).problems(levels, (int) section.integer("per-level", 40));
    } else if (name.equals("parquet")) {
      for (Path f : ParquetProblems.files(file)) {
        ShippedData.verifyIfListed(f);
      }
      all = ParquetProblems.read(file, fieldMap());
    } else {
      all = JsonlProblems.read(ShippedData.verifyIfListed(file), fieldMap());
    }
    int limit = (int) section.integer("limit", Integer.MAX_VALUE);
    return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
  }

  private JsonlFieldMap fieldMap() {
    JsonlFieldMap preset = name.equals("jsonl") || name.equals("parquet") ? null
        : JsonlFieldMap.presetFor(Path.of(shippedName()));
    Params fields = section.child("fields");
    String question = fields.string("question", preset == null ? "question" : preset.questionField());
    String answer = fields.string("answer", preset == null ? "answer" : preset.answerField());
    String id = fields.string("id", preset == null ? null : preset.idField());
    String group = fields.string("group", preset == null ? null : preset.groupField());
    AnswerTransform transform = section.has("transform")
        ? AnswerTransform.fromId(section.string("transform", "none"))
        : preset == null ? AnswerTransform.NONE : preset.transform();
    ReferenceAnswer.Combination combination = ReferenceAnswer.Combination.fromId(section.string("answers", "all"));
    UnitPolicy unit = UnitPolicy.fromId(section.string("unit", "append"));
    return new JsonlFieldMap(question, answer, id, group, transform, combination, fields.string("unit", null), unit);
  }

  /** Hash of the problems' source: the files' content or the generator's parameters, plus the selection. */
  String contentHash() throws IOException {
    String source = file == null ? "arith|" + ArithmeticProblems.class.getName() : filesHash();
    return Fingerprint.sha256(String.join("|", name, source, section.canonicalJson()));
  }

  private String filesHash() throws IOException {
    if (!name.equals("parquet")) {
      return ShippedData.sha256(file);
    }
    StringBuilder all = new StringBuilder();
    for (Path f : ParquetProblems.files(file)) {
      all.append(f.getFileName()).append('=').append(ShippedData.sha256(f)).append(';');
    }
    return Fingerprint.sha256(all.toString());
  }

  String name() {
    return name;
  }
}
