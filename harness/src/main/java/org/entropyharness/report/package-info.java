/** Allure attachments, charts and the leaderboard. */
package org.entropyharness.report;
