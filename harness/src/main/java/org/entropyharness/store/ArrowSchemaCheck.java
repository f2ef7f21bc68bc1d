package org.entropyharness.store;

import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Checks an Arrow file's schema against the table it should hold before any row is read: the table's name and
 * format version, and each column's presence and type. A column of another type is said to be one, not reported as
 * a truncated file.
 */
final class ArrowSchemaCheck {
  private ArrowSchemaCheck() {}

  static void check(Path file, TableSchema<?> table, Schema schema) throws StoreException {
    Map<String, String> meta = schema.getCustomMetadata();
    String name = meta == null ? null : meta.get(TableSchema.NAME_KEY);
    String version = meta == null ? null : meta.get(TableSchema.VERSION_KEY);
    if (!table.name().equals(name) || !Integer.toString(table.formatVersion()).equals(version)) {
      throw new StoreException(
          file + ":1:1: holds table '" + name + "' format " + version + ", expected '" + table.name() + "' format "
              + table.formatVersion() + "; use a file written by this harness version");
    }
    for (Column<?> column : table.columns()) {
      Field field = schema.getFields().stream().filter(f -> f.getName().equals(column.name())).findFirst().orElse(null);
      // Optional columns added later (model_label, series, step) read as null from older files.
      if (field == null && !column.nullable()) {
        throw new StoreException(file + ":1:1: column '" + column.name() + "' is missing; the file was not written by"
            + " this harness");
      }
      if (field != null && !matches(field, column.kind())) {
        throw new StoreException(file + ":1:1: column '" + column.name() + "' holds " + describe(field) + " where "
            + "this harness writes " + describe(column.kind().field(column.name(), true)) + "; the file was not"
            + " written by this harness: write it again");
      }
    }
  }

  private static boolean matches(Field field, ColumnKind kind) {
    Field expected = kind.field(field.getName(), true);
    if (!field.getType().equals(expected.getType())) {
      return false;
    }
    return !kind.isList() || field.getChildren().size() == 1
        && field.getChildren().get(0).getType().equals(expected.getChildren().get(0).getType());
  }

  private static String describe(Field field) {
    ArrowType type = field.getType();
    return type instanceof ArrowType.List && field.getChildren().size() == 1
        ? "a list of " + field.getChildren().get(0).getType() : String.valueOf(type);
  }
}
