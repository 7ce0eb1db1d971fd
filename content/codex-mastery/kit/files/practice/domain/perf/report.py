# report.py: total amount per user, in order of first appearance
import json, sys

def load_events(path):
    with open(path) as f:
        return [json.loads(line) for line in f]

def unique_users(events):
    seen = []
    for e in events:
        if e["user"] not in seen:
            seen.append(e["user"])
    return seen

def totals_by_user(events):
    out = {}
    for u in unique_users(events):
        out[u] = sum(e["amount"] for e in events if e["user"] == u)
    return out

if __name__ == "__main__":
    for user, total in totals_by_user(load_events(sys.argv[1])).items():
        print(f"{user}\t{total}")
