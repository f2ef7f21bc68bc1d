/**
 * Answer checking for math reasoning: extraction of the final answer from a text by declared targets and
 * priorities ({@link org.entropyharness.metric.answer.AnswerExtractor}, {@link
 * org.entropyharness.metric.answer.Extraction}), the reference answer and how several combine ({@link
 * org.entropyharness.metric.answer.ReferenceAnswer}), and the grade ({@link
 * org.entropyharness.metric.answer.AnswerChecker}). Parsing lives in {@code latex}, comparison in {@code compare}.
 */
package org.entropyharness.metric.answer;
