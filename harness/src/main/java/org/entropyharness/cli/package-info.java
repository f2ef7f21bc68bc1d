/** The {@code harness} command line. */
package org.entropyharness.cli;
