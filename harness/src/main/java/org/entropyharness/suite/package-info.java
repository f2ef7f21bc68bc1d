/** Suite files: YAML with positions, schema validation, the validated {@link org.entropyharness.suite.SuiteSpec} records and their expansion into cells. */
package org.entropyharness.suite;
