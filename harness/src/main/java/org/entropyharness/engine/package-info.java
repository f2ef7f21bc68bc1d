/** The JUnit Platform test engine: suite files become containers, cells and gates become tests. */
package org.entropyharness.engine;
