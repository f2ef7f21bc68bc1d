/** Methods under test, one interface per family. */
package org.entropyharness.method;
