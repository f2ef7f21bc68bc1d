package org.entropyharness.store;

import java.util.function.Function;

/**
 * One column of a table of records: its name, kind and how to read the value off a record.
 *
 * @param <R> the record type
 */
public record Column<R>(String name, ColumnKind kind, boolean nullable, Function<R, Object> getter) {
  public static <R> Column<R> required(String name, ColumnKind kind, Function<R, Object> getter) {
    return new Column<>(name, kind, false, getter);
  }

  public static <R> Column<R> optional(String name, ColumnKind kind, Function<R, Object> getter) {
    return new Column<>(name, kind, true, getter);
  }
}
