/**
 * The OpenAI-compatible HTTP backend: {@code /v1/completions} and {@code /v1/chat/completions} as served by vLLM,
 * SGLang, llama.cpp's server and Ollama. A {@link org.entropyharness.lm.openai.ServerProfile} (named in the suite or
 * asked of the server) shapes the requests; responses are read per layout, checked, and turned into per-token entropy
 * and confidence of the top-k logprobs, with what the server did not send marked as missing rather than filled in
 * (docs/servers.md). Bounded concurrency, round-robin over endpoints, retries for transient failures only.
 */
package org.entropyharness.lm.openai;
