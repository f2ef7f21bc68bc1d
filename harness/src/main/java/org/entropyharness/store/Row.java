package org.entropyharness.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row read back from an Arrow file, by column name; the table's factory turns it into a record. The values are an
 * array in column order with one name-to-index map shared by every row of a read, not a map per row.
 */
public final class Row {
  private final Map<String, Integer> positions;
  private final Object[] values;

  Row(Map<String, Integer> positions, Object[] values) {
    this.positions = positions;
    this.values = values;
  }

  /** Each column's index by name, built once per read. */
  static Map<String, Integer> positions(List<? extends Column<?>> columns) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      positions.put(columns.get(i).name(), i);
    }
    return Map.copyOf(positions);
  }

  private Object value(String column) {
    Integer i = positions.get(column);
    return i == null ? null : values[i];
  }

  public boolean isNull(String column) {
    return value(column) == null;
  }

  public String string(String column) {
    Object v = value(column);
    return v == null ? null : v.toString();
  }

  public long longValue(String column) {
    Object v = value(column);
    return v == null ? 0L : ((Number) v).longValue();
  }

  public int intValue(String column) {
    Object v = value(column);
    return v == null ? 0 : ((Number) v).intValue();
  }

  public double doubleValue(String column) {
    Object v = value(column);
    return v == null ? Double.NaN : ((Number) v).doubleValue();
  }

  public java.time.Instant instant(String column) {
    return (java.time.Instant) value(column);
  }

  public Boolean bool(String column) {
    return (Boolean) value(column);
  }

  @SuppressWarnings("unchecked")
  public List<String> strings(String column) {
    Object v = value(column);
    return v == null ? List.of() : (List<String>) v;
  }

  public double[] doubles(String column) {
    Object v = value(column);
    return v == null ? new double[0] : (double[]) v;
  }

  public float[] floats(String column) {
    Object v = value(column);
    return v == null ? new float[0] : (float[]) v;
  }
}
