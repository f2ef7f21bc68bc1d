package org.entropyharness.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The single-node Slurm cluster of {@code .ci/slurm/start-cluster.sh} on this machine, and the client calls a test
 * needs to follow jobs on it. Starting it is an assumption: without Slurm the test is skipped with the script's reason.
 */
final class SingleNodeSlurm {
  private static final Pattern STATE = Pattern.compile("JobState=(\\S+)");

  private final Path conf;

  private SingleNodeSlurm(Path conf) {
    this.conf = conf;
  }

  /** Starts the cluster (or finds it running); skips the calling test with the reason when it cannot. */
  static SingleNodeSlurm startOrSkip(Path projectRoot) throws IOException, InterruptedException {
    Path script = projectRoot.resolve(".ci/slurm/start-cluster.sh");
    Process start = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
    String out = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    boolean ended = start.waitFor(120, TimeUnit.SECONDS);
    assumeTrue(ended && start.exitValue() == 0, () -> "no Slurm cluster on this machine: " + out);
    Matcher conf = Pattern.compile("SLURM_CONF=(\\S+)").matcher(out);
    assumeTrue(conf.find(), () -> "start-cluster.sh did not say where slurm.conf is: " + out);
    return new SingleNodeSlurm(Path.of(conf.group(1)));
  }

  Path conf() {
    return conf;
  }

  /** The tasks of these jobs still queued or running. */
  List<String> unfinished(String... jobIds) throws IOException, InterruptedException {
    return lines(run("squeue", "--noheader", "--array", "--jobs=" + String.join(",", jobIds), "--format=%i"));
  }

  /** The state of a job, one per task for an array (e.g. COMPLETED, FAILED, CANCELLED). */
  List<String> states(String jobId) throws IOException, InterruptedException {
    Matcher m = STATE.matcher(run("scontrol", "show", "job", jobId));
    List<String> states = new ArrayList<>();
    while (m.find()) {
      states.add(m.group(1));
    }
    return states;
  }

  void cancel(String... jobIds) throws IOException, InterruptedException {
    run("scancel", String.join(",", jobIds));
  }

  private String run(String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SLURM_CONF", conf.toString());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  private static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
