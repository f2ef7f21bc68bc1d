#!/usr/bin/env python3
"""Writes the response fixtures of OpenAiServersTest: what vLLM, SGLang, llama.cpp's llama-server and Ollama send
back for the same sampled completions, each serialized the way that server's source code does it (docs/servers.md
cites the files and commits). Run from this folder: python3 generate.py

The "model" behind every server is one table: for each problem, four sampled completions; for each generated
token, six candidate tokens (the sampled one among them) with log-probabilities of a full softmax whose remaining
mass sits on the rest of the vocabulary. Each server then writes what it would write:

  vLLM completions  logprobs.top_logprobs[j] is a dict keyed by token TEXT, built from {sampled, top 1..k} in that
                    order, so the sampled token comes first, there are k + 1 keys when it is outside the top k, and
                    two tokens with the same text collapse into one key (the later one's value wins); values are
                    max(logprob, -9999.0).                       (vllm/entrypoints/openai/completion/serving.py)
  vLLM chat         logprobs.content[j].top_logprobs is the first k items of that dict keyed by token ID, so it
                    holds the sampled token and only k - 1 of the top k when the sampled token is outside them.
                                                                  (vllm/entrypoints/openai/chat_completion/serving.py)
  SGLang            the top k by torch.topk, keyed by text with setdefault (first, highest one wins), text_offset
                    all -1; -inf values serialize as null (pydantic).     (python/sglang/srt/entrypoints/openai/utils.py)
  llama.cpp 2025+   /v1/completions answers in the chat layout: logprobs.content[j] = {id, token, bytes, logprob,
                    top_logprobs: [{id, token, bytes, logprob}]}, the top n_probs of the full softmax; a zero
                    probability is written as the lowest float.        (tools/server/server-task.cpp, utils.hpp)
  llama.cpp native  builds before PR #10974 (Dec 2024) answer /v1/completions with the /completion layout: content,
                    tokens_predicted, tokens_evaluated, completion_probabilities [{content, probs: [{tok_str,
                    prob}]}] with post-sampling probabilities.          (examples/server/server.cpp, utils.hpp)
  Ollama            one choice per request whatever n is; /v1/completions carries no logprobs; chat carries
                    logprobs.content from 0.12.11 on; ids are cmpl-<0..998>.       (openai/openai.go, middleware)
"""
import json
import math
import os
import random

K = 3  # the top-logprobs the tests ask for
PROBLEMS = [
    ("p1", "What is 7 + 5?", "12", ["12", "12", "12", "12"], 14),
    ("p2", "What is 9 * 4?", "36", ["36", "36", "32", "36"], 14),
    ("p3", "What is 15 - 8?", "7", ["6", "7", "6", "6"], 15),
]
CHAT_TEMPLATE_TOKENS = 21  # the chat template's tokens around the question (Qwen2.5's im_start/im_end framing)
WORDS = {" The": 576, " answer": 4226, " is": 374, " \\": 1124, "boxed": 79075, "{": 90, "}.": 7810,
         " A": 362, " So": 2055, " result": 1102, " \\(": 17767, "box": 2011, "[": 58, "}": 92, ".": 13,
         " thus": 8450, " equals": 16819, "\ufffd": 5321}
DIGITS = {str(d): 15 + d for d in range(10)}
ALTERNATIVES = [" A", " So", " result", " \\(", "box", "[", "}", ".", " thus", " equals"]


def token_id(text):
    return WORDS.get(text, DIGITS.get(text))


def tokens_of(answer):
    return [" The", " answer", " is", " \\", "boxed", "{"] + list(answer) + ["}."]


def position(rng, sampled, rank, collide):
    """Six candidates with full-softmax logprobs; the sampled token at the given rank (1-based)."""
    others = [t for t in ALTERNATIVES + list(DIGITS) if t != sampled]
    rng.shuffle(others)
    names = others[:5]
    if collide:  # two byte-fallback fragments decoding to the same replacement character
        names[0], names[1] = ("\ufffd", 5321), ("\ufffd", 5322)
    logits = sorted((rng.uniform(0.0, 3.0) for _ in range(6)), reverse=True)
    logits[0] += 2.5
    rest = rng.uniform(0.5, 2.0)  # the rest of the vocabulary, as one log-sum-exp
    norm = math.log(sum(math.exp(x) for x in logits) + math.exp(rest))
    order = names[:]
    order.insert(rank - 1, sampled)
    cands = []
    for name, logit in zip(order, logits):
        text, tid = name if isinstance(name, tuple) else (name, token_id(name))
        cands.append({"text": text, "id": tid, "logprob": round(logit - norm, 6), "sampled": name == sampled})
    return cands


def completions(seed):
    """problem -> four samples -> tokens with candidates (sorted by logprob, best first)."""
    rng = random.Random(seed)
    out = {}
    for pid, _, _, answers, _ in PROBLEMS:
        samples = []
        for s, answer in enumerate(answers):
            toks = tokens_of(answer)
            rows = []
            for j, tok in enumerate(toks):
                rank = 1
                if (pid, s, j) in {("p2", 2, 6), ("p3", 0, 6)}:
                    rank = 2  # a wrong digit sampled at rank 2
                if (pid, s, j) in {("p1", 1, 2), ("p3", 2, 1)}:
                    rank = 5  # sampled outside the top 3: vLLM adds it as a fourth key
                rows.append(position(rng, tok, rank, collide=(pid, s, j) == ("p2", 0, 3)))
            samples.append({"text": "".join(toks), "rows": rows, "tokens": toks})
        out[pid] = samples
    return out


def top(rows_j, k=K):
    return [c for c in rows_j][:k]


def sampled_of(row):
    return next(c for c in row if c["sampled"])


def vllm_dict_by_text(row, k):
    """vLLM: {sampled, top 1..k} keyed by decoded text; a later key with the same text overwrites the value."""
    d = {}
    for c in [sampled_of(row)] + row[:k]:
        d[c["text"]] = max(c["logprob"], -9999.0)
    return d


def vllm_choice_completions(i, sample):
    rows = sample["rows"]
    offsets, pos = [], 0
    for t in sample["tokens"]:
        offsets.append(pos)
        pos += len(t)
    return {"index": i, "text": sample["text"],
            "logprobs": {"text_offset": offsets,
                         "token_logprobs": [max(sampled_of(r)["logprob"], -9999.0) for r in rows],
                         "tokens": sample["tokens"],
                         "top_logprobs": [vllm_dict_by_text(r, K) for r in rows]},
            "finish_reason": "stop", "stop_reason": None, "token_ids": None, "prompt_logprobs": None,
            "prompt_token_ids": None}


def bytes_of(text):
    return list(text.encode("utf-8", errors="replace"))


def vllm_choice_chat(i, sample):
    content = []
    for r in sample["rows"]:
        by_id = {}
        for c in [sampled_of(r)] + r[:K]:
            by_id.setdefault(c["id"], c)  # a dict keyed by token id keeps the first insertion's position
        first_k = list(by_id.values())[:K]
        s = sampled_of(r)
        content.append({"token": s["text"], "logprob": max(s["logprob"], -9999.0), "bytes": bytes_of(s["text"]),
                        "top_logprobs": [{"token": c["text"], "logprob": max(c["logprob"], -9999.0),
                                          "bytes": bytes_of(c["text"])} for c in first_k]})
    return {"index": i, "message": {"role": "assistant", "reasoning_content": None, "content": sample["text"],
                                    "tool_calls": []},
            "logprobs": {"content": content}, "finish_reason": "stop", "stop_reason": None, "token_ids": None}


def sglang_choice(i, sample):
    tops = []
    for r in sample["rows"]:
        entry = {}
        for c in r[:K]:
            entry.setdefault(c["text"], c["logprob"])
        tops.append(entry)
    return {"index": i, "text": sample["text"],
            "logprobs": {"text_offset": [-1] * len(sample["rows"]),
                         "token_logprobs": [sampled_of(r)["logprob"] for r in sample["rows"]],
                         "tokens": sample["tokens"], "top_logprobs": tops},
            "finish_reason": "stop", "matched_stop": 151645}


def llama_entry(c):
    return {"id": c["id"], "token": c["text"], "bytes": bytes_of(c["text"]), "logprob": c["logprob"]}


def llama_content(sample):
    out = []
    for r in sample["rows"]:
        e = llama_entry(sampled_of(r))
        e["top_logprobs"] = [llama_entry(c) for c in r[:K]]
        out.append(e)
    return out


def usage(prompt, completion, extra=None):
    u = {"prompt_tokens": prompt, "total_tokens": prompt + completion, "completion_tokens": completion}
    u.update(extra or {})
    return u


def write(folder, name, obj):
    """Compact, as the servers send it (pydantic's model_dump_json, nlohmann's dump(-1), Go's encoding/json)."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, separators=(",", ":"), ensure_ascii=False)
        f.write("\n")


def variant(name, manifest, gets):
    write(name, "variant.json", manifest)
    for path, body in gets.items():
        write(os.path.join(name, "GET"), path.strip("/").replace("/", "_") + ".json", body)


def vllm(data):
    models = {"object": "list", "data": [{"id": "Qwen/Qwen2.5-Math-1.5B-Instruct", "object": "model",
              "created": 1760000000, "owned_by": "vllm", "root": "Qwen/Qwen2.5-Math-1.5B-Instruct", "parent": None,
              "max_model_len": 4096, "permission": []}]}
    for api in ("completions", "chat"):
        name = "vllm-" + api
        variant(name, {"server": "vllm", "api": api, "choicesPerRequest": 4, "version": "0.11.0"},
                {"/v1/models": models, "/version": {"version": "0.11.0"}})
        for pid, _, _, _, prompt in PROBLEMS:
            samples = data[pid]
            p = prompt + (CHAT_TEMPLATE_TOKENS if api == "chat" else 0)
            choices = [(vllm_choice_completions if api == "completions" else vllm_choice_chat)(i, s)
                       for i, s in enumerate(samples)]
            write(name, pid + ".json", {
                "id": ("cmpl-" if api == "completions" else "chatcmpl-") + "9f1c" + pid,
                "object": "text_completion" if api == "completions" else "chat.completion",
                "created": 1760000100, "model": "Qwen/Qwen2.5-Math-1.5B-Instruct", "choices": choices,
                "service_tier": None, "system_fingerprint": None,
                "usage": usage(p, sum(len(s["rows"]) for s in samples), {"prompt_tokens_details": None}),
                "prompt_logprobs": None, "kv_transfer_params": None})


def sglang(data):
    variant("sglang-completions", {"server": "sglang", "api": "completions", "choicesPerRequest": 4},
            {"/v1/models": {"object": "list", "data": [{"id": "Qwen/Qwen2.5-Math-1.5B-Instruct", "object": "model",
                            "created": 1760000000, "owned_by": "sglang", "root": "Qwen/Qwen2.5-Math-1.5B-Instruct",
                            "parent": None, "max_model_len": 4096}]}})
    for pid, _, _, _, prompt in PROBLEMS:
        samples = data[pid]
        write("sglang-completions", pid + ".json", {
            "id": "4a7c2e" + pid, "object": "text_completion", "created": 1760000100,
            "model": "Qwen/Qwen2.5-Math-1.5B-Instruct", "choices": [sglang_choice(i, s) for i, s in enumerate(samples)],
            "usage": usage(prompt, sum(len(s["rows"]) for s in samples),
                           {"prompt_tokens_details": None, "reasoning_tokens": 0}),
            "metadata": {"weight_version": "default"}})


def llama_cpp(data):
    meta = {"vocab_type": 2, "n_vocab": 151936, "n_ctx_train": 4096, "n_embd": 1536, "n_params": 1543714304,
            "size": 1640000000}
    for name, build in (("llama-cpp-2025", "b5415-4a1b6c8e"), ("llama-cpp-2026", "b7310-00efb3e1")):
        models = {"object": "list", "data": [{"id": "qwen2.5-math-1.5b-instruct-q8_0.gguf", "object": "model",
                  "created": 1760000000, "owned_by": "llamacpp", "meta": dict(meta, n_ctx=4096) if name.endswith("2026")
                  else meta}]}
        variant(name, {"server": "llama-cpp", "api": "completions", "choicesPerRequest": 1, "build": build,
                       "nError": "500" if name.endswith("2025") else "400", "slots": 2},
                {"/v1/models": models, "/health": {"status": "ok"}})
        for pid, _, _, _, prompt in PROBLEMS:
            for i, s in enumerate(data[pid]):
                body = {"choices": [{"text": s["text"], "index": 0, "logprobs": {"content": llama_content(s)},
                                     "finish_reason": "stop"}],
                        "created": 1760000100, "model": "gpt-3.5-turbo", "system_fingerprint": build,
                        "object": "text_completion", "usage": usage(prompt, len(s["rows"])),
                        "id": "chatcmpl-" + pid + "x" + str(i) + "Qm7Tz"}
                if name.endswith("2026"):
                    body["timings"] = {"cache_n": 13 if i > 0 else 0, "prompt_n": prompt - (13 if i > 0 else 0),
                                       "prompt_ms": 21.4, "predicted_n": len(s["rows"]), "predicted_ms": 88.0}
                write(name, pid + "-" + str(i) + ".json", body)
    variant("llama-cpp-native", {"server": "llama-cpp", "api": "completions", "choicesPerRequest": 1,
                                 "build": "b3600", "nError": "ignored"},
            {"/props": {"system_prompt": "", "default_generation_settings": {"n_ctx": 4096, "n_predict": -1,
                        "temperature": 0.8, "top_k": 40, "top_p": 0.95, "min_p": 0.05, "n_probs": 0},
                        "total_slots": 1, "chat_template": ""},
             "/health": {"status": "ok"}})
    for pid, question, _, _, prompt in PROBLEMS:
        for i, s in enumerate(data[pid]):
            probs = []
            for r in s["rows"]:
                # post-sampling: top-k 40 / top-p 0.95 / temperature renormalize what survives
                kept = [math.exp(c["logprob"] / 0.8) for c in r[:K]]
                z = sum(math.exp(c["logprob"] / 0.8) for c in r)
                probs.append({"content": sampled_of(r)["text"],
                              "probs": [{"tok_str": c["text"], "prob": round(p / z, 6)} for c, p in zip(r[:K], kept)]})
            write("llama-cpp-native", pid + "-" + str(i) + ".json", {
                "content": s["text"], "id_slot": 0, "stop": True, "model": "qwen2.5-math-1.5b-instruct-q8_0.gguf",
                "tokens_predicted": len(s["rows"]), "tokens_evaluated": prompt,
                "generation_settings": {"n_ctx": 4096, "temperature": 0.8, "n_probs": K}, "prompt": question,
                "truncated": False, "stopped_eos": True, "stopped_word": False, "stopped_limit": False,
                "stopping_word": "", "tokens_cached": prompt + len(s["rows"]) - 1,
                "timings": {"prompt_n": prompt, "prompt_ms": 30.1, "predicted_n": len(s["rows"]),
                            "predicted_ms": 120.5},
                "index": 0, "completion_probabilities": probs})


def ollama(data):
    models = {"object": "list", "data": [{"id": "qwen2.5-math:1.5b", "object": "model", "created": 1760000000,
                                         "owned_by": "library"}]}
    for name, api, version in (("ollama-completions", "completions", "0.12.11"), ("ollama-chat", "chat", "0.12.11"),
                               ("ollama-chat-0.1.32", "chat", "0.1.32")):
        variant(name, {"server": "ollama", "api": api, "choicesPerRequest": 1, "version": version},
                {"/v1/models": models, "/api/version": {"version": version}})
        rng = random.Random(name)
        for pid, _, _, _, prompt in PROBLEMS:
            for i, s in enumerate(data[pid]):
                p = prompt + (CHAT_TEMPLATE_TOKENS if api == "chat" else 0)
                if version == "0.1.32" and i > 0:
                    p = 0  # the prompt was cached: ollama#5370
                choice = {"index": 0, "finish_reason": "stop"}
                if api == "completions":
                    choice["text"] = s["text"]
                else:
                    choice["message"] = {"role": "assistant", "content": s["text"]}
                    if version != "0.1.32":
                        choice["logprobs"] = {"content": [dict(
                            {"token": sampled_of(r)["text"], "logprob": sampled_of(r)["logprob"],
                             "bytes": bytes_of(sampled_of(r)["text"])},
                            top_logprobs=[{"token": c["text"], "logprob": c["logprob"], "bytes": bytes_of(c["text"])}
                                          for c in r[:K]]) for r in s["rows"]]}
                write(name, pid + "-" + str(i) + ".json", {
                    "id": ("cmpl-" if api == "completions" else "chatcmpl-") + str(rng.randrange(999)),
                    "object": "text_completion" if api == "completions" else "chat.completion",
                    "created": 1760000100, "model": "qwen2.5-math:1.5b", "system_fingerprint": "fp_ollama",
                    "choices": [choice], "usage": usage(p, len(s["rows"]))})


def main():
    data = completions(20261201)
    with open("problems.jsonl", "w", encoding="utf-8") as f:
        for pid, question, answer, _, _ in PROBLEMS:
            f.write(json.dumps({"id": pid, "question": question, "answer": answer}) + "\n")
    vllm(data)
    sglang(data)
    llama_cpp(data)
    ollama(data)


if __name__ == "__main__":
    main()
