package org.entropyharness.metric.answer.latex;

import org.entropyharness.metric.answer.latex.Token.Kind;

/** Turns one LaTeX command (read by {@link LatexTokenizer}) into the tokens it stands for. */
final class CommandReader {
  private final LatexTokenizer t;

  CommandReader(LatexTokenizer t) {
    this.t = t;
  }

  void read(String name) {
    if (LatexCommands.IGNORED.contains(name)) {
      if (name.equals("quad") || name.equals("qquad")) {
        t.emitToken(Kind.SEPARATOR, "quad");
      } else {
        t.markSpaced();
      }
    } else if (name.equals("\\")) {
      if (!t.commandFollows()) {
        t.emitToken(Kind.ROW, "\\\\");
      }
    } else if (name.equals("%")) {
      t.emitToken(Kind.PERCENT, "%");
    } else if (name.equals("|")) {
      t.emitToken(Kind.BAR, "|");
    } else if (LatexCommands.BRACKETS.containsKey(name)) {
      bracket(LatexCommands.BRACKETS.get(name));
    } else if (LatexCommands.OPERATORS.containsKey(name)) {
      t.emitToken(Kind.OPERATOR, LatexCommands.OPERATORS.get(name));
    } else if (!argumentCommand(name)) {
      plainCommand(name);
    }
  }

  private void bracket(String b) {
    boolean closing = b.startsWith("}") || b.startsWith(">") || b.endsWith(")");
    t.emitToken(closing ? Kind.CLOSE : Kind.OPEN, b);
  }

  /** Commands that take an argument; false when {@code name} is not one of them. */
  private boolean argumentCommand(String name) {
    if (LatexCommands.TEXT.contains(name)) {
      text(t.bracedArgument());
    } else if (LatexCommands.MATH_FONT.contains(name)) {
      mathFont(name, t.bracedArgument());
    } else if (LatexCommands.DROP_WITH_ARGUMENT.contains(name)) {
      if (t.bracedArgument() == null && !name.equals("bmod")) {
        t.bareArgument();
      }
      t.markSpaced();
    } else if (LatexCommands.ACCENTS.contains(name)) {
      String arg = t.bracedArgument();
      arg = arg == null ? t.bareArgument() : arg;
      if (arg == null) {
        throw new NotAnExpression("\\" + name + " without argument");
      }
      t.emitToken(Kind.SYMBOL, name + "{" + arg.strip() + "}");
    } else if (name.equals("textcolor")) {
      t.bracedArgument();
      t.emitNested(nullToEmpty(t.bracedArgument()));
    } else if (name.equals("begin") || name.equals("end")) {
      environment(name);
    } else {
      return false;
    }
    return true;
  }

  private void text(String arg) {
    if (arg == null) {
      throw new NotAnExpression("text command without argument");
    }
    String content = arg.replace("\\ ", " ").replace("~", " ").replace("\\,", " ").replace("\\!", "").strip();
    t.emitToken(Kind.TEXT, content);
  }

  /**
   * A font changes nothing but how a symbol looks: {@code \mathrm{cm}} is the unit cm, {@code \mathrm{e}} the
   * constant e, {@code \mathbb{R}} a symbol, {@code \boxed{x}} its content.
   */
  private void mathFont(String name, String arg) {
    if (arg == null) {
      return;
    }
    String content = arg.strip();
    if (name.equals("mathbb") || name.equals("mathcal") || name.equals("mathfrak") || name.equals("mathscr")) {
      t.emitToken(Kind.SYMBOL, name + "{" + content + "}");
    } else if (name.equals("operatorname") && LatexCommands.FUNCTIONS.contains(content)) {
      t.emitToken(Kind.COMMAND, content);
    } else if ((name.equals("mathrm") || name.equals("operatorname")) && content.length() > 1
        && content.chars().allMatch(c -> LatexTokenizer.isAsciiLetter((char) c) || c == ' ')) {
      t.emitToken(Kind.TEXT, content);
    } else {
      t.emitToken(Kind.BRACE_OPEN, "{");
      t.emitNested(arg);
      t.emitToken(Kind.BRACE_CLOSE, "}");
    }
  }

  private void environment(String which) {
    String env = t.bracedArgument();
    if (env == null) {
      throw new NotAnExpression("\\" + which + " without environment");
    }
    env = env.strip().replace("*", "");
    if (which.equals("begin") && (env.equals("array") || env.equals("tabular"))) {
      t.bracedArgument();
    }
    t.emitToken(which.equals("begin") ? Kind.BEGIN : Kind.END, env);
  }

  private void plainCommand(String name) {
    switch (name) {
      case "frac", "dfrac", "tfrac", "cfrac" -> t.emitToken(Kind.COMMAND, "frac");
      case "binom", "dbinom", "tbinom", "choose" -> t.emitToken(Kind.COMMAND, "binom");
      case "circ", "degree" -> t.emitToken(Kind.DEGREE, "deg");
      case "infty", "infin" -> t.emitToken(Kind.COMMAND, "infty");
      case "emptyset", "varnothing" -> t.emitToken(Kind.COMMAND, "emptyset");
      case "ldots", "dots", "cdots", "dotsc", "dotsb", "dotsm", "vdots" -> t.emitToken(Kind.SYMBOL, "...");
      case "imath" -> t.emitToken(Kind.SYMBOL, "i");
      case "pi", "sqrt", "overline", "not" -> t.emitToken(Kind.COMMAND, name);
      default -> other(name);
    }
  }

  private void other(String name) {
    if (LatexCommands.FUNCTIONS.contains(name)) {
      t.emitToken(Kind.COMMAND, name);
    } else if (LatexCommands.GREEK.contains(name)) {
      t.emitToken(Kind.SYMBOL, name);
    } else if (name.length() == 1 && !LatexTokenizer.isAsciiLetter(name.charAt(0))) {
      t.markSpaced();
    } else {
      t.emitToken(Kind.SYMBOL, "\\" + name);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
