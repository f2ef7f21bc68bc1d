/** Language-model backends behind one interface: embedded, OpenAI-compatible HTTP, DJL TorchScript. */
package org.entropyharness.model.lm;
