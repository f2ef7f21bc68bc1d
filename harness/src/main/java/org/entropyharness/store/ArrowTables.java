package org.entropyharness.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.ValueVectorUtility;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.entropyharness.guard.FileKind;
import org.entropyharness.guard.InputFileException;
import org.entropyharness.guard.InputFiles;
import org.entropyharness.guard.Printable;

/** Writes lists of records as Arrow IPC files (the random-access "file" format) and reads them back. */
public final class ArrowTables {
  private static final int BATCH_ROWS = 16_384;

  private ArrowTables() {}

  /** Atomically writes {@code rows} to {@code file}; an empty list writes a file with the schema and no batches. */
  public static <R> void write(Path file, TableSchema<R> table, List<R> rows) throws IOException {
    AtomicFiles.write(file, channel -> writeTo(channel, table, rows));
  }

  private static <R> void writeTo(FileChannel channel, TableSchema<R> table, List<R> rows) throws IOException {
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(table.arrowSchema(), allocator);
        ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
      List<Column<R>> columns = table.columns();
      FieldVector[] vectors = new FieldVector[columns.size()];
      for (int c = 0; c < vectors.length; c++) {
        vectors[c] = root.getVector(columns.get(c).name());
      }
      writer.start();
      for (int from = 0; from < rows.size(); from += BATCH_ROWS) {
        List<R> batch = rows.subList(from, Math.min(rows.size(), from + BATCH_ROWS));
        root.allocateNew();
        // Row by row, not column by column: a row's objects are read once while they are in cache.
        for (int i = 0; i < batch.size(); i++) {
          R row = batch.get(i);
          for (int c = 0; c < vectors.length; c++) {
            Column<R> column = columns.get(c);
            setValue(vectors[c], column, i, column.getter().apply(row));
          }
        }
        root.setRowCount(batch.size());
        writer.writeBatch();
      }
      writer.end();
      channel.force(true); // the writer closes the channel when it closes
    }
  }

  private static void setValue(FieldVector vector, Column<?> column, int i, Object value) {
    if (value == null) {
      if (!column.nullable()) {
        throw new IllegalArgumentException("column " + column.name() + " is required but row " + i + " has no value");
      }
      if (!(vector instanceof ListVector)) {
        vector.setNull(i);
        return;
      }
    }
    set(vector, column.kind(), i, value);
  }

  private static void set(FieldVector vector, ColumnKind kind, int i, Object value) {
    switch (kind) {
      case STRING -> ((VarCharVector) vector).setSafe(i, value.toString().getBytes(StandardCharsets.UTF_8));
      case LONG -> ((BigIntVector) vector).setSafe(i, ((Number) value).longValue());
      case INT -> ((IntVector) vector).setSafe(i, ((Number) value).intValue());
      case DOUBLE -> ((Float8Vector) vector).setSafe(i, ((Number) value).doubleValue());
      case BOOL -> ((BitVector) vector).setSafe(i, (Boolean) value ? 1 : 0);
      case TIMESTAMP -> ((TimeStampMilliTZVector) vector).setSafe(i, ((Instant) value).toEpochMilli());
      default -> setList((ListVector) vector, kind, i, value);
    }
  }

  /** Appends the list's elements straight to the child vector: a list writer per element costs more than the copy. */
  private static void setList(ListVector vector, ColumnKind kind, int i, Object value) {
    if (value == null) {
      vector.setNull(i);
      return;
    }
    int start = vector.startNewValue(i);
    FieldVector data = vector.getDataVector();
    int size;
    switch (kind) {
      case STRING_LIST -> {
        List<?> strings = (List<?>) value;
        for (int j = 0; j < strings.size(); j++) {
          ((VarCharVector) data).setSafe(start + j, strings.get(j).toString().getBytes(StandardCharsets.UTF_8));
        }
        size = strings.size();
      }
      case DOUBLE_LIST -> {
        double[] doubles = (double[]) value;
        for (int j = 0; j < doubles.length; j++) {
          ((Float8Vector) data).setSafe(start + j, doubles[j]);
        }
        size = doubles.length;
      }
      case FLOAT_LIST -> {
        float[] floats = (float[]) value;
        for (int j = 0; j < floats.length; j++) {
          ((Float4Vector) data).setSafe(start + j, floats[j]);
        }
        size = floats.length;
      }
      default -> throw new IllegalStateException(kind.name());
    }
    vector.endValue(i, size);
  }

  /**
   * Reads every row of an Arrow file written with {@code table}'s schema.
   *
   * @throws StoreException if the file is missing, truncated, corrupted or of another table or format version
   */
  public static <R> List<R> read(Path file, TableSchema<R> table) throws StoreException {
    try {
      InputFiles.require(file, FileKind.ARROW);
    } catch (InputFileException e) {
      throw new StoreException(e.getMessage(), e);
    }
    // Arrow allocates what the file's metadata declares: a bounded allocator turns a lying file into an error
    try (BufferAllocator allocator = new RootAllocator(allocationLimit(file));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
      ArrowSchemaCheck.check(file, table, reader.getVectorSchemaRoot().getSchema());
      Map<String, Integer> positions = Row.positions(table.columns());
      List<R> rows = new ArrayList<>();
      List<ArrowBlock> blocks = reader.getRecordBlocks();
      for (int b = 0; b < blocks.size(); b++) {
        try {
          reader.loadRecordBatch(blocks.get(b));
          // offsets are checked against their buffers before any value is read: Arrow sizes a string's byte[] from
          // its offsets before checking them, so one damaged offset would allocate gigabytes
          ValueVectorUtility.validateFull(reader.getVectorSchemaRoot());
          readBatch(reader.getVectorSchemaRoot(), table, positions, rows);
        } catch (IOException | RuntimeException | AssertionError e) {
          // Arrow checks a batch's offsets against its buffers with Java assertions: under -ea a lying batch ends in
          // AssertionError, without it in IndexOutOfBoundsException; both mean the same damaged file
          throw new StoreException(file + ":1:1: record batch " + (b + 1) + " of " + blocks.size() + " is corrupted:"
              + " its buffers do not hold what its metadata declares (" + e.getClass().getSimpleName() + "); restore"
              + " it (git checkout -- " + file + ") or write it again", e);
        }
      }
      return rows;
    } catch (StoreException e) {
      throw e;
    } catch (NoSuchFileException e) {
      throw new StoreException(file + ":1:1: no such file; check the path");
    } catch (IOException | RuntimeException e) {
      throw new StoreException(
          file + ":1:1: not a complete Arrow IPC file (" + firstLine(e) + "); it is truncated or corrupted: restore it"
              + " (git checkout -- " + file + ") or write it again",
          e);
    }
  }

  /** Room for the file's buffers as declared by an honest file (they cannot exceed the file), and a margin. */
  private static long allocationLimit(Path file) throws IOException {
    return 2 * Files.size(file) + (16L << 20);
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (m.contains("Magic number")) {
      return "no Arrow end marker";
    }
    // Arrow's and the JDK's texts name internals (buffer indexes, class names): say what kind of failure it was
    return e.getClass().getSimpleName() + ": " + Printable.escape(m.lines().findFirst().orElse(m))
        .replaceAll("(.{120}).+", "$1...");
  }

  /** Looks each column's vector up once per batch; a row holds its values in column order. */
  private static <R> void readBatch(
      VectorSchemaRoot root, TableSchema<R> table, Map<String, Integer> positions, List<R> rows) {
    List<Column<R>> columns = table.columns();
    FieldVector[] vectors = new FieldVector[columns.size()];
    for (int c = 0; c < vectors.length; c++) {
      vectors[c] = root.getVector(columns.get(c).name());
    }
    int n = root.getRowCount();
    for (int i = 0; i < n; i++) {
      Object[] values = new Object[vectors.length];
      for (int c = 0; c < vectors.length; c++) {
        values[c] = vectors[c] == null || vectors[c].isNull(i) ? null : get(vectors[c], columns.get(c).kind(), i);
      }
      rows.add(table.factory().apply(new Row(positions, values)));
    }
  }

  private static Object get(FieldVector vector, ColumnKind kind, int i) {
    return switch (kind) {
      case STRING -> new String(((VarCharVector) vector).get(i), StandardCharsets.UTF_8);
      case LONG -> ((BigIntVector) vector).get(i);
      case INT -> ((IntVector) vector).get(i);
      case DOUBLE -> ((Float8Vector) vector).get(i);
      case BOOL -> ((BitVector) vector).get(i) == 1;
      case TIMESTAMP -> Instant.ofEpochMilli(((TimeStampMilliTZVector) vector).get(i));
      default -> getList((ListVector) vector, kind, i);
    };
  }

  private static Object getList(ListVector vector, ColumnKind kind, int i) {
    int start = vector.getElementStartIndex(i);
    int end = vector.getElementEndIndex(i);
    FieldVector data = vector.getDataVector();
    return switch (kind) {
      case STRING_LIST -> {
        List<String> out = new ArrayList<>(end - start);
        for (int j = start; j < end; j++) {
          out.add(new String(((VarCharVector) data).get(j), StandardCharsets.UTF_8));
        }
        yield List.copyOf(out);
      }
      case DOUBLE_LIST -> {
        double[] out = new double[end - start];
        for (int j = start; j < end; j++) {
          out[j - start] = ((Float8Vector) data).get(j);
        }
        yield out;
      }
      case FLOAT_LIST -> {
        float[] out = new float[end - start];
        for (int j = start; j < end; j++) {
          out[j - start] = ((Float4Vector) data).get(j);
        }
        yield out;
      }
      default -> throw new IllegalStateException(kind.name());
    };
  }
}
