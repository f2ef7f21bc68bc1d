/** Pure metric functions over per-item scores, and answer checking. */
package org.entropyharness.metric;
