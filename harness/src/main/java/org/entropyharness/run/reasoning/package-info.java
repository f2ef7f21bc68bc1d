/** The reasoning family's cell runner: problems, a language model, a strategy, graded traces, metrics. */
package org.entropyharness.run.reasoning;
