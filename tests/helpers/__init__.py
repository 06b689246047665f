"""Real servers for tests: an SMTP server that records what it receives, a throw-away Redis."""
