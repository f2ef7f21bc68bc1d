package org.entropyharness.run.reasoning;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.entropyharness.data.ShippedData;
import org.entropyharness.data.math.AnswerTransform;
import org.entropyharness.data.math.ArithmeticProblems;
import org.entropyharness.data.math.JsonlFieldMap;
import org.entropyharness.data.math.JsonlProblems;
import org.entropyharness.data.math.Problem;
import org.entropyharness.run.HarnessPaths;
import org.entropyharness.store.Fingerprint;
import org.entropyharness.suite.Params;

/** The dataset section of a reasoning suite: the synthetic arithmetic set or a JSONL file of problems. */
final class ReasoningData {
  private final Params section;
  private final String name;
  private final Path file;

  ReasoningData(Params section) {
    this.section = section;
    this.name = section.string("name", "arith");
    this.file = name.equals("arith") ? null : jsonlFile();
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
    } else {
      all = JsonlProblems.read(ShippedData.verifyIfListed(file), fieldMap());
    }
    int limit = (int) section.integer("limit", Integer.MAX_VALUE);
    return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
  }

  private JsonlFieldMap fieldMap() {
    JsonlFieldMap preset = name.equals("jsonl") ? null : JsonlFieldMap.presetFor(Path.of(shippedName()));
    Params fields = section.child("fields");
    String question = fields.string("question", preset == null ? "question" : preset.questionField());
    String answer = fields.string("answer", preset == null ? "answer" : preset.answerField());
    String id = fields.string("id", preset == null ? null : preset.idField());
    String group = fields.string("group", preset == null ? null : preset.groupField());
    AnswerTransform transform = section.has("transform")
        ? AnswerTransform.fromId(section.string("transform", "none"))
        : preset == null ? AnswerTransform.NONE : preset.transform();
    return new JsonlFieldMap(question, answer, id, group, transform);
  }

  /** Hash of the problems' source: the file's content or the generator's parameters, plus the selection. */
  String contentHash() throws IOException {
    String source = file == null ? "arith|" + ArithmeticProblems.class.getName() : ShippedData.sha256(file);
    return Fingerprint.sha256(String.join("|", name, source, section.canonicalJson()));
  }

  String name() {
    return name;
  }
}
