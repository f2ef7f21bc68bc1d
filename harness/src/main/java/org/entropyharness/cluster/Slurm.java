package org.entropyharness.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Slurm's command-line tools, found on the PATH: {@code sbatch} to submit, {@code squeue} to see what still runs. */
public final class Slurm {
  private static final long TIMEOUT_SECONDS = 120;

  private final Path bin;

  private Slurm(Path bin) {
    this.bin = bin;
  }

  /** The tools in the folder of the first {@code sbatch} on {@code path} (the PATH variable's value). */
  public static Slurm onPath(String path) throws SchedulerException {
    for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "sbatch"))) {
        return new Slurm(Path.of(dir));
      }
    }
    throw new SchedulerException("sbatch not found on PATH: submit from a machine of the Slurm cluster (a login"
        + " node), or add --dry-run to print the job scripts");
  }

  /** Submits a script with {@code sbatch --parsable} and the given options; returns the job id. */
  public String submit(List<String> options, Path script) throws IOException {
    List<String> command = new ArrayList<>(List.of(bin.resolve("sbatch").toString(), "--parsable"));
    command.addAll(options);
    command.add(script.toString());
    Result result = run(command);
    if (result.exitCode() != 0) {
      throw new SchedulerException(String.join(" ", command) + " failed (exit " + result.exitCode() + "): " + result.lastLine());
    }
    String out = result.output().strip();
    // --parsable prints "jobid" or "jobid;cluster".
    String id = out.contains(";") ? out.substring(0, out.indexOf(';')) : out;
    if (!id.matches("\\d+")) {
      throw new SchedulerException("sbatch printed '" + out + "' where a job id was expected");
    }
    return id;
  }

  /** The tasks of a job (array) still queued or running, e.g. {@code 12_3}; none once it has ended. */
  public List<String> unfinishedTasks(String jobId) throws IOException {
    Result result = run(List.of(bin.resolve("squeue").toString(), "--noheader", "--array", "--jobs=" + jobId, "--format=%i"));
    if (result.exitCode() != 0) {
      if (result.output().contains("Invalid job id")) {
        return List.of(); // the controller has forgotten the job: it ended a while ago
      }
      throw new SchedulerException("squeue could not say whether job " + jobId + " still runs: " + result.lastLine());
    }
    return result.output().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  /** Runs a command with its output in a file, so a hung command is noticed at the timeout. */
  private static Result run(List<String> command) throws IOException {
    Path output = Files.createTempFile("slurm-command", ".out");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new SchedulerException(command.get(0) + " did not answer in " + TIMEOUT_SECONDS
            + " s; is slurmctld reachable (scontrol ping)?");
      }
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchedulerException("interrupted while waiting for " + command.get(0));
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /**
   * What a command printed and its exit code.
   *
   * @param exitCode exit code
   * @param output standard output and error
   */
  private record Result(int exitCode, String output) {
    String lastLine() {
      return output.strip().lines().reduce((a, b) -> b).orElse("no message");
    }
  }
}
