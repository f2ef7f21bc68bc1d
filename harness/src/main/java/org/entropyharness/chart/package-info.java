/**
 * Charts of results, drawn with XChart from metric and sample rows and returned as PNG bytes; the families choose
 * which to show ({@link org.entropyharness.chart.ChartSpec}), the reports place them.
 */
package org.entropyharness.chart;
