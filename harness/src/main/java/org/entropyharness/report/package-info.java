/** Allure attachments, charts, the leaderboard and the spread of results over seeds. */
package org.entropyharness.report;
