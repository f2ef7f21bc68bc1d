/**
 * LaTeX answers as expressions: a tokenizer that drops spacing and font commands and reads thousands separators,
 * a recursive-descent parser to {@link org.entropyharness.metric.answer.latex.Node} (lists, relations, ratios, sets,
 * arithmetic, matrices, text), and exact ({@link org.entropyharness.metric.answer.latex.Exact}) and numeric ({@link
 * org.entropyharness.metric.answer.latex.Numeric}) evaluation, all under a {@link
 * org.entropyharness.metric.answer.latex.Deadline}.
 */
package org.entropyharness.metric.answer.latex;
