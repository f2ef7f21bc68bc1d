package org.entropyharness.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code submission.json}: what one {@code harness submit --slurm} submitted, so failed shards can be submitted
 * again into the same folders.
 *
 * @param shards number of shards
 * @param suites the suites, in submission order
 * @param jobs every job array and its merge job, oldest first
 */
public record Submission(int shards, List<Suite> suites, List<Jobs> jobs) {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

  public Submission {
    suites = List.copyOf(suites);
    jobs = List.copyOf(jobs);
  }

  /** The submission of a plan, before any job is submitted. */
  public static Submission of(SlurmPlan plan) {
    return new Submission(plan.shards(),
        plan.suites().stream().map(s -> new Suite(s.name(), s.file().toString(), s.sha256())).toList(), List.of());
  }

  /** The same submission with one more pair of jobs. */
  public Submission with(Jobs submitted) {
    List<Jobs> all = new ArrayList<>(jobs);
    all.add(submitted);
    return new Submission(shards, suites, all);
  }

  public void write(Path file) throws IOException {
    Files.write(file, JSON.writeValueAsBytes(this));
  }

  /** Reads the submission of a folder; says what the folder should be when it is not one. */
  public static Submission read(SlurmLayout layout) throws IOException {
    Path file = layout.submissionFile();
    if (!Files.isRegularFile(file)) {
      throw new IOException(layout.dir() + " holds no submission.json; --shard-only submits shards again into the"
          + " --out folder of an earlier harness submit --slurm");
    }
    try {
      return JSON.readValue(file.toFile(), Submission.class);
    } catch (IOException e) {
      throw new IOException(file + ": cannot read the submission (" + e.getMessage() + ")", e);
    }
  }

  /**
   * A suite of the submission.
   *
   * @param name suite name
   * @param file suite file, absolute
   * @param sha256 hash of the suite file when submitted
   */
  public record Suite(String name, String file, String sha256) {}

  /**
   * One job array and the merge job that waits for it.
   *
   * @param array the array's job id
   * @param merge the merge job's id
   * @param tasks the array's task ids, e.g. {@code 1-4} or {@code 2,3}
   * @param submittedAt when
   */
  public record Jobs(String array, String merge, String tasks, @JsonProperty("submitted_at") Instant submittedAt) {}
}
