/**
 * Whether two parsed answers mean the same ({@link org.entropyharness.metric.answer.compare.Equivalence}): lists
 * and sets by matching, relations by solution set or by proportional sides, intervals as sets of reals, values
 * exactly or at random points.
 */
package org.entropyharness.metric.answer.compare;
