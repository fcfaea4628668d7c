"""An independent load client for `ddx serve`, in plain Python (asyncio, standard library only).

Sends REQUESTS rank requests over 16 connections, one request in flight per connection, the
cases taken in turn from CASES (JSON Lines: ddx cases or phenopackets, at most LIMIT distinct),
and prints throughput, p50 and p99 latency and the number of error answers.

    python3 Evaluation/clients/asyncio_load.py PORT CASES REQUESTS LIMIT [--parse]

With --parse every answer is decoded with `json.loads` (the client then costs more CPU than
the daemon); without it an answer counts as an error when its first bytes name an "error".
"""

import asyncio
import json
import sys
import time


def main():
    port, cases_path, total, limit = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    parse = "--parse" in sys.argv[5:]
    with open(cases_path) as f:
        cases = [line.strip() for line in f if line.strip()][:limit]
    lines = [
        ('{"jsonrpc":"2.0","id":%d,"method":"rank","params":{"case":%s}}\n' % (i, cases[i % len(cases)])).encode()
        for i in range(total)
    ]
    latencies, errors, next_index = [], 0, 0

    async def connection():
        nonlocal errors, next_index
        reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=1 << 24)
        while next_index < total:
            line = lines[next_index]
            next_index += 1
            start = time.perf_counter()
            writer.write(line)
            await writer.drain()
            answer = await reader.readline()
            latencies.append(time.perf_counter() - start)
            if parse:
                errors += "error" in json.loads(answer)
            else:
                errors += b'"error"' in answer[:40]
        writer.close()

    async def run():
        start = time.perf_counter()
        await asyncio.gather(*(connection() for _ in range(16)))
        return time.perf_counter() - start

    elapsed = asyncio.run(run())
    latencies.sort()
    print(
        f"{total} requests in {elapsed:.2f} s: {total / elapsed:.0f} requests/s, "
        f"p50 {latencies[len(latencies) // 2] * 1000:.2f} ms, "
        f"p99 {latencies[int(len(latencies) * 0.99)] * 1000:.2f} ms, errors {errors}"
    )


if __name__ == "__main__":
    main()
