/** Test-time adaptation methods behind {@code AdaptationMethod}: Source, BN-adapt, Tent, EATA, SAR, DeYO, Renyi-Tent. */
package org.entropyharness.method.tta;
