# make_events.py: writes events.jsonl with N events for U users (fixed seed)
import json, random, sys
n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
users = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000
rng = random.Random(42)
with open("events.jsonl", "w") as f:
    for _ in range(n):
        f.write(json.dumps({"user": f"u{rng.randrange(users)}",
                            "amount": rng.randrange(1, 500)}) + "\n")
