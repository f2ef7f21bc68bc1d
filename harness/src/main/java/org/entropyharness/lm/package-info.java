/**
 * Language models: one interface ({@link org.entropyharness.lm.LanguageModel}) with inference backends in
 * {@code embedded} (in-process), {@code openai} (OpenAI-compatible servers) and {@code djl} (TorchScript), a
 * generation cache in {@code cache}, and training apart in {@code train}.
 */
package org.entropyharness.lm;
