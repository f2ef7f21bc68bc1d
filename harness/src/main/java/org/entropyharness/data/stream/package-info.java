/**
 * Orders of a test stream: a small explicit random generator both this code and its Python reference implement,
 * seeded shuffles, and the Dirichlet process that makes labels temporally correlated.
 */
package org.entropyharness.data.stream;
