/**
 * Math problem sets: JSONL and Parquet files read through a field map (list-valued answers, a boxed transform for
 * solution-only sets, a unit field), and the seeded synthetic arithmetic set.
 */
package org.entropyharness.data.math;
