"""Writes with rules on service requests: one public function per write, re-exported here."""

from support.services.requests import SupportError, ask_for_service, post_message, triage

__all__ = ["SupportError", "ask_for_service", "post_message", "triage"]
