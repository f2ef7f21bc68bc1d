package org.entropyharness.guard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The one check every input path passes before it is opened: it exists, it is a regular file (not a folder, a
 * device such as {@code /dev/zero}, a FIFO or a socket, which would hang or flood a reader), it is readable, and it is
 * no larger than its kind allows. Folders get the same treatment with {@link #requireFolder}.
 */
public final class InputFiles {
  private static final int TYPE_MASK = 0170000;

  private InputFiles() {}

  /**
   * The path, if it is a readable regular file of at most {@code kind.maxBytes()} bytes.
   *
   * @throws InputFileException saying what the path is instead and how to fix it
   */
  public static Path require(Path path, FileKind kind) throws InputFileException {
    Optional<String> problem = problem(path, kind);
    if (problem.isPresent()) {
      throw new InputFileException(path, problem.get());
    }
    return path;
  }

  /** What is wrong with a path as a file of this kind (without the location), or empty when it is fine. */
  public static Optional<String> problem(Path path, FileKind kind) {
    if (!Files.exists(path)) {
      return Optional.of("no such file; check the path");
    }
    if (!Files.isRegularFile(path)) {
      return Optional.of(nature(path) + ", not a regular file; give the path of a " + kind.noun());
    }
    if (!Files.isReadable(path)) {
      return Optional.of("cannot be read (permission denied); make it readable or copy it");
    }
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      return Optional.of("cannot be read (" + e.getClass().getSimpleName() + "); check the path");
    }
    if (size > kind.maxBytes()) {
      return Optional.of(String.format(Locale.ROOT, "%d bytes, more than the %d bytes a %s may have (docs/limits.md); "
          + "check that this is the right file", size, kind.maxBytes(), kind.noun()));
    }
    return Optional.empty();
  }

  /**
   * The path, if it is a readable folder.
   *
   * @throws InputFileException saying what the path is instead
   */
  public static Path requireFolder(Path path, String what) throws InputFileException {
    Optional<String> problem = folderProblem(path, what);
    if (problem.isPresent()) {
      throw new InputFileException(path, problem.get());
    }
    return path;
  }

  /** What is wrong with a path as a folder (without the location), or empty when it is fine. */
  public static Optional<String> folderProblem(Path path, String what) {
    if (!Files.exists(path)) {
      return Optional.of("no such folder; check the path");
    }
    if (!Files.isDirectory(path)) {
      return Optional.of(nature(path) + ", not a folder; give the " + what);
    }
    return Optional.empty();
  }

  /** The whole file, after {@link #require}. */
  public static byte[] readBytes(Path path, FileKind kind) throws IOException {
    return Files.readAllBytes(require(path, kind));
  }

  /**
   * The whole file as UTF-8 text, after {@link #require}.
   *
   * @throws InputFileException at the line and column of the first byte that is not UTF-8
   */
  public static String readUtf8(Path path, FileKind kind) throws IOException {
    return decodeUtf8(path, readBytes(path, kind));
  }

  /** Decodes UTF-8 exactly; the first malformed byte is reported at its line and column. */
  public static String decodeUtf8(Path path, byte[] bytes) throws InputFileException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw notUtf8(path, bytes, in.position());
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  private static InputFileException notUtf8(Path path, byte[] bytes, int at) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < at; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new InputFileException(path, line, utf8Column(bytes, lineStart, at),
        String.format(Locale.ROOT, "byte 0x%02x is not UTF-8 text; save the file as UTF-8", bytes[at] & 0xff));
  }

  /** Characters before {@code at} on its line, counting each UTF-8 sequence once, plus one. */
  private static int utf8Column(byte[] bytes, int lineStart, int at) {
    int column = 1;
    for (int i = lineStart; i < at; i++) {
      column += (bytes[i] & 0xc0) == 0x80 ? 0 : 1;
    }
    return column;
  }

  /** What a path that exists but is not a regular file is, for messages. */
  static String nature(Path path) {
    if (Files.isDirectory(path)) {
      return "a folder";
    }
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode");
      return switch (mode & TYPE_MASK) {
        case 0100000 -> "a file";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0010000 -> "a FIFO (named pipe)";
        case 0140000 -> "a socket";
        default -> "not a regular file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
      return "a special file";
    }
  }
}
