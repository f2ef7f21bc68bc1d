/** Decoding and voting strategies for the reasoning family. */
package org.entropyharness.method.reasoning;
