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
    String out = run(command).strip();
    // --parsable prints "jobid" or "jobid;cluster".
    String id = out.contains(";") ? out.substring(0, out.indexOf(';')) : out;
    if (!id.matches("\\d+")) {
      throw new SchedulerException("sbatch printed '" + out + "' where a job id was expected");
    }
    return id;
  }

  /** The tasks of a job (array) still queued or running, e.g. {@code 12_3}; none once it has ended. */
  public List<String> unfinishedTasks(String jobId) throws IOException {
    Process process = start(List.of(bin.resolve("squeue").toString(), "--noheader", "--array", "--jobs=" + jobId,
        "--format=%i"));
    String out = output(process);
    if (process.exitValue() != 0) {
      return List.of(); // squeue rejects a job id the controller has already forgotten: it has ended
    }
    return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private String run(List<String> command) throws IOException {
    Process process = start(command);
    String out = output(process);
    if (process.exitValue() != 0) {
      String reason = out.isBlank() ? "no message" : out.strip().lines().reduce((a, b) -> b).orElse("");
      throw new SchedulerException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + reason);
    }
    return out;
  }

  private static Process start(List<String> command) throws IOException {
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static String output(Process process) throws IOException {
    try {
      byte[] bytes = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new SchedulerException(process.info().command().orElse("slurm command") + " did not answer in "
            + TIMEOUT_SECONDS + " s; is slurmctld reachable (scontrol ping)?");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchedulerException("interrupted while waiting for a Slurm command");
    }
  }
}
