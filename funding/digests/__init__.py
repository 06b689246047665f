"""E-mail digests and deadline reminders.

    periods.py     which period a run is for, and when each kind is due (Europe/Tallinn)
    selection.py   what goes into each person's digest, built for a batch of people at once
    matching.py    a saved calls search evaluated in Python, agreeing with funding.filters.CallFilter
    rendering.py   a digest as subject, plain text and HTML, in the person's language
    delivery.py    planning a run: delivery rows, items sent and outbox e-mails, one transaction a batch

Sending, retrying and sweeping of the e-mails themselves is the messaging outbox's job.
"""
