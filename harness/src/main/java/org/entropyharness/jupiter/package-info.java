/** Suites inside Jupiter tests: a suite file, or one declared in Java, as {@code @TestFactory} dynamic tests. */
package org.entropyharness.jupiter;
