#!/usr/bin/env python3
# scripts/mcp_kit.py: serves the helpers in .codex/functions.json as MCP tools over stdio.
import json, os, subprocess, sys
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HELPERS = {h["name"]: h for h in json.load(open(os.path.join(ROOT, ".codex/functions.json")))["helpers"]}

def result(req_id, payload):
    print(json.dumps({"jsonrpc": "2.0", "id": req_id, "result": payload}), flush=True)

for line in sys.stdin:
    req = json.loads(line)
    method, req_id = req.get("method"), req.get("id")
    if method == "initialize":
        result(req_id, {"protocolVersion": req["params"]["protocolVersion"],
                        "capabilities": {"tools": {}}, "serverInfo": {"name": "kit", "version": "1"}})
    elif method == "tools/list":
        result(req_id, {"tools": [{"name": n, "description": h["description"], "inputSchema": h["parameters"]}
                                  for n, h in HELPERS.items()]})
    elif method == "tools/call" and req["params"]["name"] in HELPERS:
        helper = HELPERS[req["params"]["name"]]
        args = req["params"].get("arguments", {})
        argv = [os.path.join(ROOT, helper["command"])] + [str(args[k]) for k in helper["parameters"]["properties"] if k in args]
        done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
        result(req_id, {"content": [{"type": "text", "text": done.stdout + done.stderr}], "isError": done.returncode != 0})
    elif req_id is not None:
        print(json.dumps({"jsonrpc": "2.0", "id": req_id, "error": {"code": -32601, "message": "unknown method"}}), flush=True)
