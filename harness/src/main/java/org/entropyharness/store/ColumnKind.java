package org.entropyharness.store;

import java.util.List;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/** The Arrow types our tables use, each with its field definition. */
public enum ColumnKind {
  STRING(ArrowType.Utf8.INSTANCE),
  LONG(new ArrowType.Int(64, true)),
  INT(new ArrowType.Int(32, true)),
  DOUBLE(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
  BOOL(ArrowType.Bool.INSTANCE),
  TIMESTAMP(new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC")),
  STRING_LIST(ArrowType.Utf8.INSTANCE),
  DOUBLE_LIST(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
  FLOAT_LIST(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE));

  private final ArrowType type;

  ColumnKind(ArrowType type) {
    this.type = type;
  }

  boolean isList() {
    return this == STRING_LIST || this == DOUBLE_LIST || this == FLOAT_LIST;
  }

  /** The Arrow field of a column of this kind. */
  Field field(String name, boolean nullable) {
    if (isList()) {
      Field element = new Field("item", new FieldType(true, type, null), null);
      return new Field(name, new FieldType(nullable, ArrowType.List.INSTANCE, null), List.of(element));
    }
    return new Field(name, new FieldType(nullable, type, null), null);
  }
}
