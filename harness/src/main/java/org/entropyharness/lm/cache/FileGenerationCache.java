package org.entropyharness.lm.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.entropyharness.format.DataFormatException;
import org.entropyharness.lm.Trace;

/**
 * A cache kept in one JSON-lines file per run directory, one line per prompt, appended and flushed as each prompt
 * completes. A crash can leave the last line torn (no final newline): opening the file drops that line, so the
 * prompt is generated again and nothing else is lost. A later line for the same key wins.
 */
public final class FileGenerationCache implements GenerationCache {
  /** The file name inside a run directory. */
  public static final String FILE_NAME = "generations.jsonl";

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, List<Trace>> entries = new ConcurrentHashMap<>();
  private final Path file;
  private final OutputStream out;
  private final int droppedTornLines;

  /** Opens (or creates) {@code generations.jsonl} in the run directory. */
  public static FileGenerationCache inRunDirectory(Path runDir) throws IOException {
    Files.createDirectories(runDir);
    return new FileGenerationCache(runDir.resolve(FILE_NAME));
  }

  /**
   * Opens the file, loading every complete line.
   *
   * @throws DataFormatException when a complete line is not a cache entry ({@code file:line:col:})
   */
  public FileGenerationCache(Path file) throws IOException {
    this.file = file;
    byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
    int end = lastNewline(bytes) + 1;
    load(new String(bytes, 0, end, StandardCharsets.UTF_8));
    this.droppedTornLines = end < bytes.length ? 1 : 0;
    if (end < bytes.length) {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(end);
      }
    }
    this.out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static int lastNewline(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void load(String complete) throws DataFormatException {
    String[] lines = complete.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      try {
        JsonNode line = json.readTree(lines[i]);
        if (!line.path("key").isTextual() || !line.path("traces").isArray()) {
          throw new DataFormatException(file + ":" + (i + 1) + ":1: not a cache entry (needs \"key\" and \"traces\"); "
              + "delete the line or the file to regenerate");
        }
        entries.put(line.get("key").asText(), List.copyOf(TraceJson.traces(line)));
      } catch (JsonProcessingException e) {
        int col = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
        throw new DataFormatException(file + ":" + (i + 1) + ":" + col + ": malformed cache line ("
            + e.getOriginalMessage() + "); delete the line or the file to regenerate");
      } catch (IllegalArgumentException e) {
        throw new DataFormatException(file + ":" + (i + 1) + ":1: not a cache entry (" + e.getMessage()
            + "); delete the line or the file to regenerate");
      }
    }
  }

  /** 1 if opening dropped a torn last line, else 0. */
  public int droppedTornLines() {
    return droppedTornLines;
  }

  @Override
  public Optional<List<Trace>> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  @Override
  public synchronized void put(String key, List<Trace> traces) throws IOException {
    byte[] line = (json.writeValueAsString(TraceJson.line(json, key, traces)) + "\n").getBytes(StandardCharsets.UTF_8);
    out.write(line);
    out.flush();
    entries.put(key, List.copyOf(traces));
  }

  @Override
  public int size() {
    return entries.size();
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
