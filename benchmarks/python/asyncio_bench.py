"""CPython asyncio reference rows for the jawait benchmarks (W1, W2, W5, W6).

Usage: python3 asyncio_bench.py (w1 | w2 | w5) [--uvloop]   prints "RESULT ms <ms>" (W5: median of 3)
       python3 asyncio_bench.py echo-server [--uvloop]       prints the port, serves until killed
"""
import asyncio
import random
import statistics
import sys
import time

SPAWN_TASKS = 1_000_000
PING_PONG_MESSAGES = 1_000_000
TIMER_TASKS = 100_000
TIMER_MAX_MILLIS = 100


async def child(i):
    await asyncio.sleep(0)
    return i


async def spawn_and_gather(n):
    tasks = [asyncio.create_task(child(i)) for i in range(n)]
    return sum(await asyncio.gather(*tasks))


async def echo(inbox, outbox, rounds):
    for _ in range(rounds):
        await outbox.put(await inbox.get())


async def ping_pong(messages):
    ping, pong = asyncio.Queue(1), asyncio.Queue(1)
    rounds = messages // 2
    echo_task = asyncio.create_task(echo(ping, pong, rounds))
    total = 0
    for i in range(rounds):
        await ping.put(i)
        total += await pong.get()
    await echo_task
    return total


async def timers(delays):
    await asyncio.gather(*(asyncio.sleep(d) for d in delays))


async def handle(reader, writer):
    while data := await reader.read(4096):
        writer.write(data)
        await writer.drain()
    writer.close()


async def echo_server():
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


def run(coro_factory, runs=3):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        asyncio.run(coro_factory())
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main():
    if "--uvloop" in sys.argv:
        import uvloop  # the caller checks first that it is installed
        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    what = sys.argv[1]
    if what == "w1":
        print("RESULT ms", run(lambda: spawn_and_gather(SPAWN_TASKS), runs=1))
    elif what == "w2":
        print("RESULT ms", run(lambda: ping_pong(PING_PONG_MESSAGES), runs=1))
    elif what == "w5":
        rng = random.Random(42)
        delays = [rng.randint(0, TIMER_MAX_MILLIS) / 1000 for _ in range(TIMER_TASKS)]
        print("RESULT ms", run(lambda: timers(delays)))
    elif what == "echo-server":
        asyncio.run(echo_server())
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
