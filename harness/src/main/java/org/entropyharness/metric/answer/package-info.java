/**
 * Answer checking for math reasoning: extraction of the final answer from a model's text ({@link
 * org.entropyharness.metric.answer.AnswerExtractor}), normalisation of LaTeX surface forms ({@link
 * org.entropyharness.metric.answer.AnswerNormalizer}) and equivalence by string, exact rational arithmetic and
 * numeric evaluation ({@link org.entropyharness.metric.answer.AnswerChecker}).
 *
 * <p>No computer-algebra library is used: Symja (matheclipse-core) was weighed and found too heavy for a grader
 * that runs per sample (see {@code AnswerChecker}); expressions with variables are compared by evaluation at
 * several fixed points instead.
 */
package org.entropyharness.metric.answer;
