package org.entropyharness.store;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A table of records as an Arrow schema: the columns in order, a factory from a read row back to a record, and a
 * format version kept in the schema metadata so readers can refuse files they do not understand.
 *
 * @param <R> the record type
 */
public record TableSchema<R>(String name, int formatVersion, List<Column<R>> columns, Function<Row, R> factory) {
  public static final String NAME_KEY = "entropyharness.table";
  public static final String VERSION_KEY = "entropyharness.format-version";

  public TableSchema {
    columns = List.copyOf(columns);
  }

  /** The Arrow schema, with the table name and format version as metadata. */
  public Schema arrowSchema() {
    return new Schema(
        columns.stream().map(c -> c.kind().field(c.name(), c.nullable())).toList(),
        Map.of(NAME_KEY, name, VERSION_KEY, Integer.toString(formatVersion)));
  }
}
