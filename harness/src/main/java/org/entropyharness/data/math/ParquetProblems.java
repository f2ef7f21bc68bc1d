package org.entropyharness.data.math;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entropyharness.guard.FileKind;
import org.entropyharness.guard.InputFiles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.arrow.dataset.file.FileFormat;
import org.apache.arrow.dataset.file.FileSystemDatasetFactory;
import org.apache.arrow.dataset.jni.NativeMemoryPool;
import org.apache.arrow.dataset.scanner.ScanOptions;
import org.apache.arrow.dataset.scanner.Scanner;
import org.apache.arrow.dataset.source.Dataset;
import org.apache.arrow.dataset.source.DatasetFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.entropyharness.format.DataFormatException;

/**
 * Reads math problems from Parquet, the layout of Hugging Face dataset downloads ({@code
 * data/test-00000-of-00001.parquet}): one file, or a folder whose {@code *.parquet} files are read in name order.
 * Apache Arrow's dataset module (the C++ Parquet reader behind JNI, shipped inside its jar) does the reading; each
 * row becomes a JSON object mapped by the same {@link JsonlFieldMap} as JSONL, so list columns give list-valued
 * answers.
 */
public final class ParquetProblems {
  private static final long BATCH_ROWS = 4096;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ParquetProblems() {}

  /**
   * Reads every row as one problem, in file and row order.
   *
   * @throws DataFormatException when a file is not Parquet, a row lacks a mapped field, or an id repeats; the
   *     message starts with the file and row
   */
  public static List<Problem> read(Path path, JsonlFieldMap map) throws IOException {
    List<Problem> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Path file : files(path)) {
      int row = 0;
      for (JsonNode node : rows(file)) {
        row++;
        Problem p = ProblemRows.toProblem(node, map, file + ":row " + row, problems.size() + 1);
        if (!ids.add(p.id())) {
          throw new DataFormatException(file + ":row " + row + ": duplicate id '" + p.id()
              + "'; ids must be unique within a dataset");
        }
        problems.add(p);
      }
    }
    return List.copyOf(problems);
  }

  /** The Parquet files at {@code path}: the file itself, or a folder's {@code *.parquet} files by name. */
  public static List<Path> files(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return List.of(InputFiles.require(path, FileKind.DATA));
    }
    try (Stream<Path> s = Files.list(path)) {
      List<Path> files = s.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList();
      for (Path f : files) {
        InputFiles.require(f, FileKind.DATA);
      }
      if (files.isEmpty()) {
        throw new DataFormatException(path + ":1:1: folder holds no .parquet file; point 'parquet' at a Parquet file"
            + " or at the folder of a dataset split");
      }
      return files;
    }
  }

  /** The rows of one Parquet file as JSON objects. */
  static List<JsonNode> rows(Path file) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    String uri = file.toAbsolutePath().normalize().toUri().toString();
    try (BufferAllocator allocator = new RootAllocator(16 * Files.size(file) + (64L << 20));
        DatasetFactory factory =
            new FileSystemDatasetFactory(allocator, NativeMemoryPool.getDefault(), FileFormat.PARQUET, uri);
        Dataset dataset = factory.finish();
        Scanner scanner = dataset.newScan(new ScanOptions(BATCH_ROWS));
        ArrowReader reader = scanner.scanBatches()) {
      while (reader.loadNextBatch()) {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        for (int r = 0; r < root.getRowCount(); r++) {
          rows.add(row(root, r));
        }
      }
    } catch (RuntimeException e) {
      throw new DataFormatException(file + ":1:1: not a readable Parquet file (" + firstLine(e.getMessage())
          + "); give a Parquet file as written by pyarrow or Hugging Face datasets");
    } catch (Exception e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
    return rows;
  }

  private static ObjectNode row(VectorSchemaRoot root, int r) {
    ObjectNode node = NODES.objectNode();
    for (FieldVector v : root.getFieldVectors()) {
      node.set(v.getName(), json(v.getObject(r)));
    }
    return node;
  }

  /** An Arrow value as JSON: text, exact numbers, booleans, lists and structs. */
  private static JsonNode json(Object value) {
    if (value == null) {
      return NODES.nullNode();
    } else if (value instanceof Number n) {
      return n instanceof Double || n instanceof Float ? NODES.numberNode(new BigDecimal(n.toString()))
          : n instanceof BigDecimal b ? NODES.numberNode(b) : NODES.numberNode(n.longValue());
    } else if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(x -> array.add(json(x)));
      return array;
    } else if (value instanceof java.util.Map<?, ?> struct) {
      return JSON.valueToTree(struct);
    }
    return NODES.textNode(value.toString());
  }

  private static String firstLine(String message) {
    return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
  }
}
