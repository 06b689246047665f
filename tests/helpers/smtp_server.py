"""An SMTP server on 127.0.0.1 (aiosmtpd, in a thread) that records what it accepts.

It can refuse: `server.refuse_all("550 5.1.1 ...")` answers every message so (a 4xx or a
5xx), and `server.defer_first_attempt_of_every(2)` answers 451 to the first attempt of every
second distinct message (told apart by Message-ID), the way a greylisting server does.
`server.answer_to("mari@example.ee", "550 ...")` answers so to every message for that address,
and `server.hang_up_at(3)` takes the third message of the server's life, then closes the line
before answering it (the client never learns whether it arrived). Every message it accepts
records the client's address and port in `.peer`, so a test can count the connections used.
"""

import email
import email.policy
import threading
import time
from contextlib import contextmanager

from aiosmtpd.controller import Controller

from tests.helpers.ports import free_port

DEFERRAL = "451 4.7.1 Greylisted, please try again later"


class RecordingHandler:
    def __init__(self):
        self.lock = threading.Lock()
        self.received = []  # email.message.EmailMessage, with .envelope_to set
        self.refused = []  # (Message-ID, answer)
        self.refuse_all = None
        self.defer_every = 0
        self.answers = {}  # recipient -> answer
        self.hang_up_at = None
        self.arrived = 0
        self._seen_ids = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        message_id = message["Message-ID"]
        with self.lock:
            self.arrived += 1
            answer = self._answer_for(message_id, envelope.rcpt_tos)
            if answer:
                self.refused.append((message_id, answer))
                return answer
            message.envelope_to = list(envelope.rcpt_tos)
            message.peer = session.peer
            self.received.append(message)
            if self.arrived == self.hang_up_at:
                server.transport.close()  # the answer that follows is never written
        return "250 2.0.0 Message accepted"

    def _answer_for(self, message_id, recipients):
        for recipient in recipients:
            if recipient in self.answers:
                return self.answers[recipient]
        if self.refuse_all:
            return self.refuse_all
        if message_id in self._seen_ids:
            return None
        self._seen_ids.append(message_id)
        if self.defer_every and len(self._seen_ids) % self.defer_every == 0:
            return DEFERRAL
        return None


class SMTPServer:
    def __init__(self, handler, port):
        self.handler = handler
        self.host = "127.0.0.1"
        self.port = port

    @property
    def received(self):
        with self.handler.lock:
            return list(self.handler.received)

    @property
    def refused(self):
        with self.handler.lock:
            return list(self.handler.refused)

    def refuse_all(self, answer):
        self.handler.refuse_all = answer

    def defer_first_attempt_of_every(self, n):
        self.handler.defer_every = n

    def answer_to(self, recipient, answer):
        self.handler.answers[recipient] = answer

    def hang_up_at(self, number):
        self.handler.hang_up_at = number

    @property
    def connections(self):
        """How many client connections the accepted messages came over."""
        return len({message.peer for message in self.received})

    def wait_for(self, count, *, timeout=15):
        """Wait until `count` messages have arrived; the messages (fails on timeout)."""
        deadline = time.monotonic() + timeout
        while len(self.received) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"SMTP server got {len(self.received)} of {count} messages in {timeout} s")
            time.sleep(0.05)
        return self.received


@contextmanager
def running_smtp_server():
    """Start the server on a free port; stopped when the block ends, whatever happens."""
    handler = RecordingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), server_hostname="localhost")
    controller.start()
    try:
        yield SMTPServer(handler, controller.port)
    finally:
        controller.stop()
