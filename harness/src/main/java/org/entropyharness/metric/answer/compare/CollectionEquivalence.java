package org.entropyharness.metric.answer.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.entropyharness.metric.answer.latex.Node;
import org.entropyharness.metric.answer.latex.Node.AnswerList;
import org.entropyharness.metric.answer.latex.Node.Bracketed;

/**
 * Several answers at once. A list ({@code 1, -2}; {@code 3 \text{ and } 4}) and a set {@code \{…\}} hold their
 * answers in any order: each answer on one side must match a different one on the other (a bipartite matching).
 * Against an ordered tuple or list, the reference decides: an unordered reference accepts the tuple's items in any
 * order, an ordered one only in its own order. An answer listed twice, in any form, counts once, as in a set of
 * solutions.
 */
final class CollectionEquivalence {
  /** Larger collections are compared item by item in order only, to bound the work. */
  private static final int MAX_MATCHING = 48;

  private final Equivalence eq;

  CollectionEquivalence(Equivalence eq) {
    this.eq = eq;
  }

  boolean equal(Node g, Node p) {
    List<Node> gi = unorderedItems(g);
    List<Node> pi = unorderedItems(p);
    if (gi != null && pi != null) {
      return named(g) != named(p) ? inOrder(gi, pi) : unordered(gi, pi);
    }
    if (gi != null && p instanceof Bracketed b) {
      return named(g) ? inOrder(gi, expanded(b.items())) : unordered(gi, expanded(b.items()));
    }
    if (pi != null && g instanceof Bracketed b) {
      return inOrder(expanded(b.items()), pi);
    }
    List<Node> single = distinct(gi != null ? gi : pi);
    return single.size() == 1 && (gi != null ? eq.equal(single.get(0), p) : eq.equal(g, single.get(0)));
  }

  /**
   * True for a list of assignments to different names ({@code p=5, q=2}): a tuple with named components, whose order
   * is the order written when it meets an unnamed tuple.
   */
  static boolean named(Node n) {
    if (!(n instanceof AnswerList list)) {
      return false;
    }
    java.util.Set<Node> names = new java.util.HashSet<>();
    for (Node item : list.items()) {
      if (!(item instanceof Node.Relation r) || !r.ops().equals(List.of("=")) || !Names.isName(r.operands().get(0))
          || !names.add(r.operands().get(0))) {
        return false;
      }
    }
    return true;
  }

  /** The items of a list or a set, ± expanded; null when {@code n} is neither. */
  static List<Node> unorderedItems(Node n) {
    if (n instanceof AnswerList list) {
      return expanded(list.items());
    }
    if (n instanceof Bracketed b && b.open().equals("{")) {
      return expanded(b.items());
    }
    return null;
  }

  private static List<Node> expanded(List<Node> items) {
    List<Node> out = new ArrayList<>();
    for (Node item : items) {
      out.addAll(PlusMinusExpansion.expand(item));
    }
    return out;
  }

  boolean inOrder(List<Node> g, List<Node> p) {
    if (g.size() != p.size()) {
      return false;
    }
    for (int k = 0; k < g.size(); k++) {
      if (!eq.equal(g.get(k), p.get(k))) {
        return false;
      }
    }
    return true;
  }

  boolean unordered(List<Node> gold, List<Node> pred) {
    List<Node> g = distinct(gold);
    List<Node> p = distinct(pred);
    int n = g.size();
    if (n != p.size()) {
      return false;
    }
    if (n == 1) {
      return eq.equal(g.get(0), p.get(0));
    }
    if (n > MAX_MATCHING) {
      return inOrder(g, p);
    }
    boolean[][] edge = new boolean[n][n];
    for (int i = 0; i < n; i++) {
      boolean any = false;
      for (int j = 0; j < n; j++) {
        edge[i][j] = eq.equal(g.get(i), p.get(j));
        any |= edge[i][j];
      }
      if (!any) {
        return false;
      }
    }
    int[] owner = new int[n];
    Arrays.fill(owner, -1);
    for (int i = 0; i < n; i++) {
      if (!augment(i, edge, owner, new boolean[n])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The items without repeats: an answer given twice in two forms ({@code \\boxed{15\\frac{39}{40}}, or
   * \\boxed{\\frac{639}{40}}}) is one answer.
   */
  private List<Node> distinct(List<Node> items) {
    List<Node> out = new ArrayList<>();
    for (Node item : new java.util.LinkedHashSet<>(items)) {
      boolean repeat = false;
      for (int k = 0; k < out.size() && !repeat && items.size() <= MAX_MATCHING; k++) {
        repeat = eq.equal(out.get(k), item);
      }
      if (!repeat) {
        out.add(item);
      }
    }
    return out;
  }

  private static boolean augment(int i, boolean[][] edge, int[] owner, boolean[] seen) {
    for (int j = 0; j < owner.length; j++) {
      if (edge[i][j] && !seen[j]) {
        seen[j] = true;
        if (owner[j] < 0 || augment(owner[j], edge, owner, seen)) {
          owner[j] = i;
          return true;
        }
      }
    }
    return false;
  }
}
