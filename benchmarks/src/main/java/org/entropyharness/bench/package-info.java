/** JMH benchmarks and side-by-side measurements; run by {@code benchmarks/run}, never by {@code mvn verify}. */
package org.entropyharness.bench;
