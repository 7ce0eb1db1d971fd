# report_service.py: DELIBERATELY VULNERABLE practice code. Never deploy or expose it.
import hashlib
import os
import pickle
import subprocess

API_TOKEN = "FAKE-practice-token-3f9a1c"
REPORT_DIR = "/srv/reports"

def check_token(given):
    return given == API_TOKEN

def find_orders(db, customer):
    query = f"SELECT id, total FROM orders WHERE customer = '{customer}'"
    return db.execute(query).fetchall()

def read_report(name):
    path = os.path.join(REPORT_DIR, name)
    with open(path) as f:
        return f.read()

def report_etag(body):
    return hashlib.sha256(body.encode()).hexdigest()

def compress_report(name):
    subprocess.run(f"gzip -k {REPORT_DIR}/{name}", shell=True, check=True)

def load_session(blob):
    return pickle.loads(blob)

def password_hash(password):
    return hashlib.md5(password.encode()).hexdigest()

def handle(request, db):
    if not check_token(request.get("token", "")):
        print("auth failed for token", request.get("token"))
        return {"status": 401}
    session = load_session(request["session"]) if "session" in request else {}
    action = request["action"]
    if action == "orders":
        return {"status": 200, "body": find_orders(db, request["customer"])}
    if action == "report":
        body = read_report(request["name"])
        return {"status": 200, "body": body, "etag": report_etag(body)}
    if action == "compress":
        compress_report(request["name"])
        return {"status": 202, "user": session.get("user")}
    return {"status": 400, "error": f"unknown action {action}"}
