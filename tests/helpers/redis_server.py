"""A throw-away redis-server on a free port, keeping nothing on disk, that a test can stop and start.

Stopping it loses every queued message, like the production Redis that keeps nothing on
disk (NOTES.md, Reliability facts); starting it again gives an empty server on the same port.
"""

import subprocess
import time
from contextlib import contextmanager

import redis

from tests.helpers.ports import free_port


class RedisServer:
    def __init__(self, port):
        self.port = port
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, *, timeout=10):
        assert self.process is None, "already running"
        self.process = subprocess.Popen(
            [
                "redis-server",
                *("--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no"),
                *("--loglevel", "warning"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(host="127.0.0.1", port=self.port, socket_connect_timeout=0.2)
        deadline = time.monotonic() + timeout
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"redis-server did not start on port {self.port}") from None
                time.sleep(0.02)
            finally:
                client.close()

    def stop(self):
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)
        self.process = None

    def client(self):
        return redis.Redis(host="127.0.0.1", port=self.port, socket_connect_timeout=1, socket_timeout=1)


@contextmanager
def running_redis_server():
    """Start a Redis on a free port; stopped when the block ends, whatever happens."""
    server = RedisServer(free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()
