/**
 * The OpenAI-compatible HTTP backend: {@code /v1/completions} and {@code /v1/chat/completions} as served by vLLM,
 * SGLang, llama.cpp server and Ollama, with per-token entropy and confidence from the top-k logprobs, bounded concurrency, round-robin over
 * endpoints and retries.
 */
package org.entropyharness.lm.openai;
