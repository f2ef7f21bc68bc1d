/** Executes cells: streams sample rows, aggregates metric rows, resumes an interrupted run. */
package org.entropyharness.run;
