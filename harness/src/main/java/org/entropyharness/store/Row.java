package org.entropyharness.store;

import java.util.List;
import java.util.Map;

/** One row read back from an Arrow file, by column name; the table's factory turns it into a record. */
public final class Row {
  private final Map<String, Object> values;

  Row(Map<String, Object> values) {
    this.values = values;
  }

  public boolean isNull(String column) {
    return values.get(column) == null;
  }

  public String string(String column) {
    Object v = values.get(column);
    return v == null ? null : v.toString();
  }

  public long longValue(String column) {
    Object v = values.get(column);
    return v == null ? 0L : ((Number) v).longValue();
  }

  public int intValue(String column) {
    Object v = values.get(column);
    return v == null ? 0 : ((Number) v).intValue();
  }

  public double doubleValue(String column) {
    Object v = values.get(column);
    return v == null ? Double.NaN : ((Number) v).doubleValue();
  }

  public java.time.Instant instant(String column) {
    return (java.time.Instant) values.get(column);
  }

  public Boolean bool(String column) {
    return (Boolean) values.get(column);
  }

  @SuppressWarnings("unchecked")
  public List<String> strings(String column) {
    Object v = values.get(column);
    return v == null ? List.of() : (List<String>) v;
  }

  public double[] doubles(String column) {
    Object v = values.get(column);
    return v == null ? new double[0] : (double[]) v;
  }

  public float[] floats(String column) {
    Object v = values.get(column);
    return v == null ? new float[0] : (float[]) v;
  }
}
