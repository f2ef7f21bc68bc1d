package org.entropyharness.guard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks on where a command writes, made before anything is written. A result file replaces its target by a rename,
 * and a rename over {@code /dev/null} (as root) would replace the device itself: so an output file must be a regular
 * file or not exist yet, and an output folder must be a folder or not exist yet.
 */
public final class OutputTargets {
  private OutputTargets() {}

  /**
   * An output file: absent, or a regular file that will be replaced; its folder may be created.
   *
   * @param option the option that named it, for the message (e.g. {@code --out})
   * @throws InputFileException when the path is a folder, a device, a FIFO or a socket, or sits under a file
   */
  public static Path file(Path path, String option) throws InputFileException {
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      throw new InputFileException(path, option + " is " + InputFiles.nature(path)
          + ", not a regular file; name a new file or a regular one to replace");
    }
    requireFolderAbove(path, option);
    return path;
  }

  /**
   * An output folder: absent (it will be created) or a folder.
   *
   * @throws InputFileException when the path exists and is not a folder
   */
  public static Path folder(Path path, String option) throws InputFileException {
    if (Files.exists(path) && !Files.isDirectory(path)) {
      throw new InputFileException(path, option + " is " + InputFiles.nature(path)
          + ", not a folder; name a new folder or an existing one");
    }
    requireFolderAbove(path, option);
    return path;
  }

  /**
   * An output folder that must not exist yet.
   *
   * @throws InputFileException when it exists
   */
  public static Path newFolder(Path path, String option) throws InputFileException {
    if (Files.exists(path)) {
      throw new InputFileException(path, option + " already exists; choose a new folder");
    }
    requireFolderAbove(path, option);
    return path;
  }

  /**
   * Refuses an output inside one of the inputs (e.g. a merged run written into a shard's {@code cells/}).
   *
   * @throws InputFileException naming the input that would contain the output
   */
  public static void outside(Path output, Iterable<Path> inputs, String option) throws InputFileException {
    Path out = canonical(output);
    for (Path input : inputs) {
      Path in = canonical(input);
      if (out.startsWith(in) || in.startsWith(out)) {
        throw new InputFileException(output, option + " lies " + (out.startsWith(in) ? "inside" : "around")
            + " the input " + input + "; write the result to a folder apart from the inputs");
      }
    }
  }

  /** The nearest existing ancestor of a path must be a folder (no "file/child" targets). */
  private static void requireFolderAbove(Path path, String option) throws InputFileException {
    for (Path p = path.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        if (!Files.isDirectory(p)) {
          throw new InputFileException(path, option + " lies under " + p + ", which is " + InputFiles.nature(p)
              + "; name a path inside a folder");
        }
        return;
      }
    }
  }

  /** The real path of the longest existing prefix, with the rest appended: comparable even before creation. */
  private static Path canonical(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute));
    } catch (IOException e) {
      return absolute;
    }
  }
}
