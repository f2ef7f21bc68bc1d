package org.entropyharness.metric.answer.latex;

import java.util.Locale;
import java.util.Set;

/**
 * Words that name a unit when they follow a number outside {@code \text{}}: {@code 125 miles}, {@code 35 cm}. Only
 * these are dropped, so {@code 2xy} stays a product; any prose inside {@code \text{}} after a number is a unit.
 */
final class UnitWords {
  private static final Set<String> UNITS =
      Set.of(
          "cm", "mm", "km", "nm", "meter", "metre", "centimeter", "centimetre", "millimeter", "kilometer", "inch",
          "inches", "foot", "feet", "ft", "yard", "yd", "mile", "mi", "mph", "kph", "kmh", "sq", "square", "cubic",
          "unit", "degree", "deg", "radian", "rad", "second", "minute", "mins", "hour", "hr", "hrs", "day", "week",
          "month", "year", "yr", "dollar", "cent", "yuan", "euro", "pound", "lb", "lbs", "oz", "ounce", "kg", "gram",
          "mg", "liter", "litre", "ml", "gallon", "gal", "point", "people", "person", "student", "way", "time",
          "digit", "integer", "number", "edge", "face", "vertex", "vertices", "box", "ball", "coin", "page",
          "apple", "egg", "book", "child", "children", "team", "game", "step", "m2", "cm2", "sqft", "km2");

  private UnitWords() {}

  /** True for a unit word, singular or plural, in any case. */
  static boolean isUnit(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (UNITS.contains(w)) {
      return true;
    }
    if (w.endsWith("es") && UNITS.contains(w.substring(0, w.length() - 2))) {
      return true;
    }
    return w.endsWith("s") && UNITS.contains(w.substring(0, w.length() - 1));
  }

  /** A word that scales the number before it. */
  static int powerOfTen(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "thousand" -> 3;
      case "million" -> 6;
      case "billion" -> 9;
      case "trillion" -> 12;
      default -> 0;
    };
  }

  /** A word meaning per cent. */
  static boolean isPercent(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return w.equals("percent") || w.equals("pct") || w.equals("percentage") || w.equals("perc");
  }
}
