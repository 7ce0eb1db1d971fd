#!/usr/bin/env python3
"""practice/integration/agent/agent.py: a minimal gate-diagnosing agent.

Usage: agent.py [--scripted] [--max-turns N] TASK
Run from the repository root. --scripted replays SCRIPT instead of calling a model, so the loop and the
dispatcher's refusals can be tested without tokens. The transcript goes to out/transcript.jsonl.
"""
import argparse, json, subprocess, sys, time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = Path.cwd().resolve()
OUT = HERE / "out"
MAX_TURNS = 12


def run(task, call_model, tools, handlers, log, max_turns=MAX_TURNS):
    messages = [{"role": "system", "content": (HERE / "system.md").read_text()},
                {"role": "user", "content": task}]
    for turn in range(max_turns):                      # budget check
        reply = call_model(messages, tools)            # provider adapter: the only provider-specific part
        messages.append(reply)
        log.write(json.dumps({"turn": turn, "role": "assistant", "msg": reply}) + "\n")
        calls = reply.get("tool_calls") or []
        if not calls:
            return reply["content"]                    # final answer
        for call in calls:
            result = dispatch(call, tools, handlers)   # validation happens here
            messages.append({"role": "tool", "tool_call_id": call["id"], "content": result})
            log.write(json.dumps({"turn": turn, "role": "tool", "name": call["name"],
                                  "result": result[:2000]}) + "\n")
    stop = "STOPPED: turn budget exhausted"
    log.write(json.dumps({"turn": max_turns, "role": "harness", "msg": stop}) + "\n")
    return stop


def schema_errors(args, schema):
    """The subset of JSON Schema the catalog uses: object, required, enum, string, additionalProperties."""
    if not isinstance(args, dict):
        return ["arguments must be a JSON object"]
    props = schema.get("properties", {})
    errors = [f"missing required argument {name!r}" for name in schema.get("required", []) if name not in args]
    if schema.get("additionalProperties") is False:
        errors += [f"unknown argument {name!r}; allowed: {sorted(props)}" for name in args if name not in props]
    for name, value in args.items():
        spec = props.get(name, {})
        if spec.get("type") == "string" and not isinstance(value, str):
            errors.append(f"{name} must be a string")
        if "enum" in spec and value not in spec["enum"]:
            errors.append(f"{name} must be one of {json.dumps(spec['enum'])}, got {json.dumps(value)}")
    return errors


def safe_path(p):
    full = (ROOT / p).resolve()
    if full != ROOT and ROOT not in full.parents:
        raise ValueError(f"path outside workspace: {p}")
    return full


def dispatch(call, tools, handlers):
    """Validate one tool call and run it. Every refusal is returned as the tool result; nothing raises."""
    catalog = {t["name"]: t for t in tools}
    if call["name"] not in catalog:
        return json.dumps({"error": f"unknown tool {call['name']!r}; known tools: {sorted(catalog)}"})
    try:
        args = json.loads(call.get("arguments") or "{}")
    except json.JSONDecodeError as e:
        return json.dumps({"error": f"arguments are not valid JSON: {e}"})
    errors = schema_errors(args, catalog[call["name"]]["parameters"])
    if errors:
        return json.dumps({"error": "; ".join(errors)})
    try:
        return handlers[call["name"]](**args)
    except ValueError as e:                            # path confinement and other refusals by a handler
        return json.dumps({"error": str(e)})


def read_file(path):
    lines = safe_path(path).read_text().splitlines()
    note = [f"[truncated: {len(lines)} lines, first 200 shown]"] if len(lines) > 200 else []
    return "\n".join(lines[:200] + note)


def run_gate(mode):
    done = subprocess.run(["scripts/validate.sh", mode], cwd=ROOT, capture_output=True, text=True)
    tail = (done.stdout + done.stderr).splitlines()[-60:]
    return json.dumps({"exit": done.returncode, "output": "\n".join(tail)})


def propose_patch(summary, diff):
    OUT.mkdir(exist_ok=True)
    name = f"patch-{time.strftime('%Y%m%dT%H%M%S')}.diff"
    (OUT / name).write_text(f"# {summary}\n{diff if diff.endswith(chr(10)) else diff + chr(10)}")
    return json.dumps({"written": f"out/{name}"})


SCRIPT = [
    {"role": "assistant", "content": None, "tool_calls": [
        {"id": "c1", "name": "run_shell", "arguments": "{\"cmd\": \"ls\"}"}]},
    {"role": "assistant", "content": None, "tool_calls": [
        {"id": "c2", "name": "run_gate", "arguments": "{\"mode\": \"quick\"}"}]},
    {"role": "assistant", "content": None, "tool_calls": [
        {"id": "c3", "name": "read_file", "arguments": "{\"path\": \"../../etc/hosts\"}"}]},
    {"role": "assistant", "content": None, "tool_calls": [
        {"id": "c4", "name": "run_gate", "arguments": "{\"mode\": \"full\"}"}]},
    {"role": "assistant", "content": "Diagnosis complete; see out/."},
]


def scripted_model(messages, tools):
    turn = sum(1 for m in messages if m["role"] == "assistant")
    return SCRIPT[turn]


def call_model(messages, tools):
    raise SystemExit("no model adapter: write call_model for your provider (step 8), or use --scripted")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scripted", action="store_true")
    parser.add_argument("--max-turns", type=int, default=MAX_TURNS)
    parser.add_argument("task")
    opts = parser.parse_args()
    tools = json.loads((HERE / "tools.json").read_text())["tools"]
    handlers = {"read_file": read_file, "run_gate": run_gate, "propose_patch": propose_patch}
    OUT.mkdir(exist_ok=True)
    with (OUT / "transcript.jsonl").open("a") as log:
        answer = run(opts.task, scripted_model if opts.scripted else call_model, tools, handlers, log, opts.max_turns)
    print(answer)
    return 0 if not answer.startswith("STOPPED") else 3


if __name__ == "__main__":
    sys.exit(main())
