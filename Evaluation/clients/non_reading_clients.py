"""Clients that send large batches to `ddx serve` and never read the answers.

Two connections each send 64 lines, every line a batch of 100 `rank` requests (the first case
of CASES, `top` 1000), for at most 5 s, then wait 15 s without reading; the daemon's resident
memory is printed before and after. What the daemon holds for such a client should be bounded
by the lines it has in flight, not by what the client sent.

    python3 Evaluation/clients/non_reading_clients.py PORT DAEMON_PID CASES
"""

import json
import socket
import sys
import time


def resident_megabytes(pid):
    with open(f"/proc/{pid}/status") as f:
        line = next(line for line in f if line.startswith("VmRSS"))
    return int(line.split()[1]) // 1024


def main():
    port, pid = int(sys.argv[1]), int(sys.argv[2])
    with open(sys.argv[3]) as f:
        case = json.loads(f.readline())
    batch = [{"jsonrpc": "2.0", "id": i, "method": "rank", "params": {"case": case, "top": 1000}} for i in range(100)]
    data = ((json.dumps(batch) + "\n") * 64).encode()
    print(f"resident before: {resident_megabytes(pid)} MB")
    connections = []
    for number in range(2):
        s = socket.create_connection(("127.0.0.1", port))
        s.setblocking(False)
        sent, start = 0, time.time()
        while sent < len(data) and time.time() - start < 5:
            try:
                sent += s.send(data[sent:])
            except BlockingIOError:
                time.sleep(0.01)
        print(f"connection {number}: sent {sent} of {len(data)} bytes before the daemon stopped reading")
        connections.append(s)
    time.sleep(15)
    print(f"resident after 15 s of not reading: {resident_megabytes(pid)} MB")


if __name__ == "__main__":
    main()
