package org.entropyharness.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a file so that readers see either the old content or the whole new content, never a torn file: write a
 * temporary file beside it, fsync it, rename it over the target, fsync the folder.
 */
public final class AtomicFiles {
  private static final String TEMP_MARK = ".harness-";
  private static final String TEMP_SUFFIX = ".tmp";
  /** Temporary names of this class, now ({@code .name.harness-123.tmp}) and before ({@code .name123.tmp}). */
  private static final Pattern DEBRIS = Pattern.compile("^\\..+?(\\.harness-)?[0-9]+\\.tmp$");

  private AtomicFiles() {}

  /** Something that writes a whole file; if it closes the channel it must force it first. */
  @FunctionalInterface
  public interface Content {
    void writeTo(FileChannel channel) throws IOException;
  }

  /**
   * Atomically replaces {@code target} with what {@code content} writes. Leftovers of writes that were killed (their
   * temporary files, no longer locked by anyone) are removed from the folder first.
   *
   * @throws StoreException naming the target when the write fails (a full disk, a folder that cannot be written)
   */
  public static void write(Path target, Content content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    removeDebris(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + TEMP_MARK, TEMP_SUFFIX);
    readableByAll(temp);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        channel.lock(); // held until the channel closes: marks the temporary file as a write in progress
        content.writeTo(channel);
        if (channel.isOpen()) {
          channel.force(true);
        }
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory(dir);
    } catch (StoreException e) {
      throw e;
    } catch (IOException e) {
      throw new StoreException(target + ":1:1: cannot write the file (" + reason(e) + "); free some space or write"
          + " elsewhere, then run the command again", e);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Removes the temporary files of writes into {@code dir} that were killed before their rename: a live write holds a
   * lock on its file, so only unlocked leftovers go.
   */
  public static void removeDebris(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> leftovers;
    try (Stream<Path> list = Files.list(dir)) {
      leftovers = list.filter(p -> DEBRIS.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p))
          .toList();
    }
    for (Path leftover : leftovers) {
      try (FileChannel channel = FileChannel.open(leftover, StandardOpenOption.WRITE);
          FileLock free = channel.tryLock()) {
        if (free != null) {
          Files.deleteIfExists(leftover);
        }
      } catch (OverlappingFileLockException | IOException e) {
        // being written by this process, or gone already: leave it
      }
    }
  }

  private static String reason(IOException e) {
    String m = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
        : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }

  /** Atomically replaces {@code target} with the given bytes. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, channel -> {
      var buffer = java.nio.ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    });
  }

  /** Temporary files are created owner-only; results are ordinary files others may read. */
  private static void readableByAll(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep its defaults
    }
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems cannot open a folder for sync; the rename itself is still atomic there.
    }
  }
}
