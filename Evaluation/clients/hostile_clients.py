"""Hostile clients against a running `ddx serve`, in plain Python (standard library only).

Each probe sends something a daemon must survive on one connection, reads what comes back, then
asks `health` on the same connection (did it recover?) and `rank` on a fresh one (are others
still served?). Prints one line per probe; exits 1 if another client was not served.

    python3 Evaluation/clients/hostile_clients.py PORT CASES

CASES: JSON Lines of ddx cases or phenopackets; the first line is the case ranked.
"""

import json
import socket
import sys
import time

PORT = int(sys.argv[1])
with open(sys.argv[2]) as f:
    CASE = json.loads(f.readline())
FAILURES = []


def connect():
    s = socket.create_connection(("127.0.0.1", PORT))
    s.settimeout(30)
    return s


def read_line(s):
    data = b""
    while not data.endswith(b"\n"):
        chunk = s.recv(65536)
        if not chunk:
            return data or None
        data += chunk
    return data


def request(method, id, params=None):
    body = {"jsonrpc": "2.0", "id": id, "method": method}
    if params is not None:
        body["params"] = params
    return (json.dumps(body) + "\n").encode()


def others_served(name):
    s = connect()
    s.sendall(request("rank", 7, {"case": CASE}))
    answer = json.loads(read_line(s))
    s.close()
    if "result" not in answer:
        FAILURES.append(name)
    return "result" in answer


def probe(name, payload):
    s = connect()
    s.sendall(payload)
    answer = read_line(s)
    recovered = None
    if answer:
        try:
            s.sendall(request("health", 9))
            again = read_line(s)
            recovered = bool(again and b'"result"' in again)
        except OSError:
            recovered = "closed"
    s.close()
    shown = (answer or b"<closed>")[:150].decode("utf-8", "replace").strip()
    print(f"{name}: {shown} | recovered: {recovered} | others served: {others_served(name)}")


def main():
    probe("garbage bytes", b"\x00\x01\xff garbage }{\n")
    probe("invalid UTF-8", b'{"jsonrpc":"2.0","id":1,"method":"rank","params":{"x":"\xc3\x28"}}\n')
    probe("10,000-deep arrays", b"[" * 10000 + b"]" * 10000 + b"\n")
    probe("1e999 as the id", b'{"jsonrpc":"2.0","id":1e999,"method":"health"}\n')
    probe("1e999 in a case", b'{"jsonrpc":"2.0","id":2,"method":"rank","params":{"case":{"age":1e999,"findings":[]}}}\n')
    probe("50 MB line", b'{"jsonrpc":"2.0","id":3,"method":"rank","params":{"pad":"' + b"a" * (50 << 20) + b'"}}\n')

    slow = connect()
    line = request("health", 4)
    served = []
    for i in range(5):
        slow.sendall(line[i : i + 1])
        served.append(others_served("one byte a second"))
        time.sleep(1)
    slow.close()
    print(f"one byte a second for 5 s: others served each second: {served}")

    leaving = connect()
    leaving.sendall(b'{"jsonrpc":"2.0","id":5,"meth')
    leaving.close()
    print(f"leaving mid-line: others served: {others_served('leaving mid-line')}")

    leaving = connect()
    leaving.sendall(b"".join(request("rank", 100 + i, {"case": CASE}) for i in range(50)))
    leaving.recv(1000)
    leaving.close()
    time.sleep(0.5)
    print(f"leaving with 50 answers unread: others served: {others_served('leaving mid-response')}")
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
