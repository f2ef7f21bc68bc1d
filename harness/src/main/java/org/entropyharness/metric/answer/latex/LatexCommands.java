package org.entropyharness.metric.answer.latex;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What each LaTeX command means to the answer parser: a spacing or style command to drop, a text command whose
 * argument is prose, an operator or relation, a bracket, a function, a constant or a Greek letter. A command not
 * listed here becomes an opaque symbol, so {@code \triangle ABC} still compares with itself.
 */
final class LatexCommands {
  /** Commands that print nothing the answer depends on. */
  static final Set<String> IGNORED =
      Set.of(
          "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl",
          "Biggr", "middle", "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits", "mathstrut", "strut",
          "!", ",", ";", ":", " ", "thinspace", "medspace", "thickspace", "negthinspace", "enspace", "nonumber",
          "notag", "$", "normalsize", "small", "large", "Large", "huge", "allowbreak", "quad", "qquad");

  /** Commands whose single argument is prose, kept as a text token. */
  static final Set<String> TEXT =
      Set.of("text", "textbf", "textit", "textrm", "textnormal", "textsf", "texttt", "textup", "mbox", "hbox", "emph",
          "textsc", "textmd", "fbox");

  /** Commands whose argument is math in another font; the font does not change the value. */
  static final Set<String> MATH_FONT =
      Set.of("mathrm", "mathbf", "mathit", "mathsf", "mathtt", "boldsymbol", "bm", "mathnormal", "operatorname",
          "boxed", "underline", "displaylimits", "mathbb", "mathcal", "mathfrak", "mathscr");

  /** Commands whose (first) argument is dropped with them. */
  static final Set<String> DROP_WITH_ARGUMENT =
      Set.of("color", "hspace", "vspace", "label", "tag", "phantom", "hphantom", "vphantom", "pmod", "mod", "bmod");

  /** Accents that decorate a symbol: the decorated symbol is a symbol of its own. */
  static final Set<String> ACCENTS =
      Set.of("hat", "widehat", "vec", "bar", "tilde", "widetilde", "dot", "ddot", "check", "breve", "acute", "grave",
          "overrightarrow", "overleftrightarrow", "overleftarrow", "overarc", "wideparen", "arc");

  /** Functions of one argument that the evaluator knows. */
  static final Set<String> FUNCTIONS =
      Set.of("sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "arccot", "sinh", "cosh", "tanh",
          "ln", "log", "lg", "exp", "sqrt", "abs", "floor", "ceil", "det", "gcd", "lcm", "max", "min", "arg", "Re",
          "Im");

  /** Lower-case Greek letters and the upper-case ones that differ from Latin. */
  static final Set<String> GREEK =
      Set.of("alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
          "kappa", "lambda", "mu", "nu", "xi", "omicron", "rho", "varrho", "sigma", "varsigma", "tau", "upsilon",
          "phi", "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma",
          "Upsilon", "Phi", "Psi", "Omega", "ell");

  /** Commands that are operators or relations, by the operator text the parser uses. */
  static final Map<String, String> OPERATORS = operators();

  /** Commands that are brackets, by the bracket text; closing ones start with ')' ']' '}' '>'. */
  static final Map<String, String> BRACKETS =
      Map.of("{", "{", "}", "}", "lbrace", "{", "rbrace", "}", "langle", "<", "rangle", ">", "lfloor", "floor",
          "rfloor", "floor)", "lceil", "ceil", "rceil", "ceil)");

  private LatexCommands() {}

  /** True for a command this table gives a meaning to. */
  static boolean isKnown(String name) {
    return IGNORED.contains(name) || TEXT.contains(name) || MATH_FONT.contains(name) || FUNCTIONS.contains(name)
        || GREEK.contains(name) || OPERATORS.containsKey(name) || BRACKETS.containsKey(name) || ACCENTS.contains(name)
        || java.util.Set.of("frac", "dfrac", "tfrac", "cfrac", "sqrt", "pi", "infty", "binom", "begin", "end",
            "overline", "circ").contains(name);
  }

  private static Map<String, String> operators() {
    Map<String, String> m = new HashMap<>();
    for (String c : new String[] {"cdot", "times", "ast", "cross"}) {
      m.put(c, "*");
    }
    m.put("div", "/");
    m.put("over", "/");
    m.put("pm", "pm");
    m.put("mp", "mp");
    for (String c : new String[] {"le", "leq", "leqslant", "leqq"}) {
      m.put(c, "<=");
    }
    for (String c : new String[] {"ge", "geq", "geqslant", "geqq"}) {
      m.put(c, ">=");
    }
    m.put("lt", "<");
    m.put("gt", ">");
    m.put("ne", "!=");
    m.put("neq", "!=");
    for (String c : new String[] {"approx", "simeq", "approxeq", "doteq", "thickapprox"}) {
      m.put(c, "~=");
    }
    m.put("equiv", "=");
    m.put("coloneqq", "=");
    m.put("in", "in");
    m.put("notin", "notin");
    m.put("cup", "cup");
    m.put("bigcup", "cup");
    m.put("cap", "cap");
    m.put("bigcap", "cap");
    m.put("setminus", "setminus");
    for (String c : new String[] {"to", "rightarrow", "Rightarrow", "implies", "longrightarrow", "Longrightarrow"}) {
      m.put(c, "=>");
    }
    for (String c : new String[] {"iff", "Leftrightarrow", "Longleftrightarrow", "leftrightarrow"}) {
      m.put(c, "<=>");
    }
    m.put("prime", "'");
    m.put("colon", ":");
    return Map.copyOf(m);
  }
}
