/** Arrow schemas, atomic writers and readers for runs and baselines; run directories and manifests. */
package org.entropyharness.store;
