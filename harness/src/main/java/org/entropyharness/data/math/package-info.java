/** Math problem sets: JSONL files with a field map, and the seeded synthetic arithmetic set. */
package org.entropyharness.data.math;
