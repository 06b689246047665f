"""Planning a digest run: PostgreSQL first, the broker only to make it faster.

For each batch of subscribers due in a run, the digests are built (selection.py); for each
non-empty one a DigestDelivery row, its DigestItem rows and an outbox e-mail (with a
Message-ID derived from the delivery, and List-Unsubscribe headers) are written in one
transaction per batch, and the e-mails are queued after commit. The unique rows make
planning the same period twice plan nothing new; the outbox sends each e-mail once, retries
with backoff and sweeps what the queue lost.

Empty digests send nothing, but their delivery row is written (no e-mail, no items): the
person counts as planned for the period, so a second run, the sweeper's or a staff trigger,
does not build their digest again, and `covers_until` moves on, so the next digest looks at
one period, not at everything since the last non-empty one. (Reminders: selection returns
only people with something to remind, so no empty reminder rows are written.)

The outbox rows are bulk-created here rather than by one `queue_email` call each, so a batch
costs the same few statements for 5 people or 500. They are queued after commit as outbox
send batches (a task per SEND_BATCH_SIZE ids, one SMTP connection each), and the first broker
failure stops the queueing of the rest (each further try would wait out its own timeout):
the outbox sweeper sends them.

A run is claimed through its DigestRun row: the planner that created it, or one that finds
it unfinished and untouched for RUN_LEASE (a killed worker), plans it; `started_at` is
bumped after every batch as a heartbeat. So the beat task, a redelivered copy of it and the
sweeper never plan the same run at once; if they still meet (a lease ran out under a slow
planner), the delivery's unique constraint keeps each person to one digest.
"""

import time
from datetime import timedelta
from urllib.parse import urlsplit

import structlog
from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import CharField, Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone, translation

from funding.digests import selection
from funding.digests.periods import current_period
from funding.digests.rendering import render_digest
from funding.email_choices import DIGEST, REMINDERS
from funding.models import CallFollow, DeliveryKind, DigestDelivery, DigestItem, DigestRun, Subscription
from messaging import outbox
from messaging.models import OutboxEmail
from messaging.unsubscribe import unsubscribe_headers, unsubscribe_url

logger = structlog.get_logger(__name__)

BATCH_SIZE = 500
# A run nobody has touched for this long is taken over (its planner died).
RUN_LEASE = timedelta(minutes=10)
# The sweeper leaves a run this fresh to the beat task that is starting it.
SWEEP_GRACE = timedelta(minutes=5)
# A run missed for longer than this is left out: the next period's digest covers its items.
CATCH_UP = timedelta(days=2)
# Reminders are for deadlines 7 and 1 days ahead; people following nothing that close are skipped.
REMINDER_HORIZON = timedelta(days=9)


def plan_run(kind, *, now=None):
    """Plan the digests (or reminders) of the period due at `now` for `kind`. Returns how many were planned.

    "Planned" counts e-mails queued, not the empty deliveries recorded. Returns 0 without
    doing anything while another planner holds the run.
    """
    kind = DeliveryKind(kind)
    now = now or timezone.now()
    clock = _clock_from(now)
    period, _due_at = current_period(kind, now)
    run = _claim_run(kind, period, now)
    if run is None:
        logger.info("digest_run_busy", kind=kind, period=period)
        return 0
    planned = 0
    for batch in _due_batches(kind, period, now):
        planned += _plan_batch(kind, period, _build(kind, batch, now), {s.user_id: s.address for s in batch})
        # The heartbeat that keeps another planner off this run.
        DigestRun.objects.filter(pk=run.pk).update(started_at=clock())
    DigestRun.objects.filter(pk=run.pk).update(completed_at=clock(), planned=F("planned") + planned)
    logger.info("digest_run_planned", kind=kind, period=period, planned=planned)
    return planned


def ensure_due_runs(now=None):
    """Plan every run that is due but missing or abandoned (the sweeper, every few minutes).

    A lost beat message, or a worker killed mid-run, so delays a digest and never loses it.
    Returns {kind: planned} for the runs it planned.
    """
    now = now or timezone.now()
    done = {}
    for kind in DeliveryKind:
        period, due_at = current_period(kind, now)
        if not (SWEEP_GRACE <= now - due_at <= CATCH_UP):
            continue
        run = DigestRun.objects.filter(kind=kind, period=period).first()
        if run is None or (run.completed_at is None and run.started_at < now - RUN_LEASE):
            logger.warning("digest_run_caught_up", kind=kind, period=period, was_started=run is not None)
            done[kind.value] = plan_run(kind, now=now)
    return done


def recipients(kind, *, now=None):
    """Who a run of `kind` at `now` would mail: a list of Digests, not saved (for staff)."""
    kind = DeliveryKind(kind)
    now = now or timezone.now()
    period, _due_at = current_period(kind, now)
    digests = []
    for batch in _due_batches(kind, period, now):
        digests += [digest for digest in _build(kind, batch, now) if not digest.is_empty]
    return digests


def _claim_run(kind, period, now):
    run, created = DigestRun.objects.get_or_create(kind=kind, period=period, defaults={"started_at": now})
    if created:
        return run
    stale = Q(completed_at__isnull=False) | Q(started_at__lt=now - RUN_LEASE)
    taken = DigestRun.objects.filter(stale, pk=run.pk).update(started_at=now)
    return run if taken else None


def _clock_from(now):
    """The time as the run sees it: `now` plus the time spent since. The wall clock, unless a run is replayed."""
    started = time.monotonic()
    return lambda: now + timedelta(seconds=time.monotonic() - started)


def _due_batches(kind, period, now):
    """The subscriptions (by pk) whose person is due a `kind` delivery for `period`, a list at a time.

    Looks at BATCH_SIZE subscriptions a query, so whether someone is already planned is asked
    of each row, not left to a join: an anti-join's estimate swings with the statistics of a
    table the run itself fills, and a bad one turned a 50 ms batch into 30 s.
    """
    after = 0
    while looked_at := _subscriptions_after(kind, period, now, after=after):
        after = looked_at[-1].pk
        if due := [subscription for subscription in looked_at if not subscription.planned]:
            yield due


def _subscriptions_after(kind, period, now, *, after):
    """The next BATCH_SIZE subscriptions after pk `after` that `kind` concerns, each annotated `planned`.

    Active people with a verified primary address (annotated `address`). Reminders: people
    who want them and follow a published call whose deadline is near (selection decides
    which deadlines are exactly 7 or 1 days ahead).
    """
    address = EmailAddress.objects.filter(user=OuterRef("user_id"), primary=True, verified=True).values("email")
    planned = DigestDelivery.objects.filter(user=OuterRef("user_id"), kind=kind, period=period)
    subscriptions = Subscription.objects.filter(user__is_active=True)
    if kind == DeliveryKind.REMINDER:
        close = Q(call__deadline__range=(now, now + REMINDER_HORIZON)) | Q(
            call__second_deadline__range=(now, now + REMINDER_HORIZON)
        )
        following = CallFollow.objects.filter(close, user=OuterRef("user_id"), call__state="published")
        subscriptions = subscriptions.filter(Exists(following), send_reminders=True)
    else:
        subscriptions = subscriptions.filter(frequency=kind)
    subscriptions = (
        subscriptions.annotate(address=Subquery(address[:1]), planned=Exists(planned))
        .filter(address__isnull=False, pk__gt=after)
        .select_related("user")
        .order_by("pk")
    )
    return list(subscriptions[:BATCH_SIZE])


def _build(kind, subscriptions, now):
    if kind == DeliveryKind.REMINDER:
        return selection.build_reminders([subscription.user_id for subscription in subscriptions], now=now)
    return selection.build_digests(subscriptions, kind=kind, now=now)


def _plan_batch(kind, period, digests, addresses):
    """Write the batch's deliveries, items and e-mails in one transaction; queue the e-mails after it.

    A few bulk statements whatever the batch's size. If another planner got to one of these
    people first (a unique delivery trips), the batch is planned again person by person,
    skipping those already planned. Returns how many e-mails were queued.
    """
    letters, writable, fragments = {}, [], {}
    for digest in digests:
        try:
            letters[digest.user.pk] = _letter(kind, digest, addresses[digest.user.pk], fragments)
        except Exception:  # noqa: BLE001 - one person's bad data must not hold up everyone else's digest
            logger.exception("digest_render_failed", kind=kind, period=period, user_id=digest.user.pk)
            continue  # nothing recorded: the next run tries again
        writable.append(digest)
    try:
        with transaction.atomic():
            email_ids = _write_batch(kind, period, writable, letters)
    except IntegrityError:
        logger.warning("digest_batch_conflict", kind=kind, period=period, people=len(writable))
        email_ids = []
        for digest in writable:
            try:
                with transaction.atomic():
                    email_ids += _write_batch(kind, period, [digest], letters)
            except IntegrityError:
                continue  # planned by someone else meanwhile
    transaction.on_commit(lambda: _enqueue(email_ids))
    return len(email_ids)


def _write_batch(kind, period, digests, letters):
    deliveries = DigestDelivery.objects.bulk_create(
        [
            DigestDelivery(
                user=digest.user,
                kind=kind,
                period=period,
                covers_from=digest.covers_from,
                covers_until=digest.covers_until,
                item_count=len(digest.keys),
            )
            for digest in digests
        ]
    )
    sending = [(delivery, digest) for delivery, digest in zip(deliveries, digests, strict=True) if not digest.is_empty]
    if not sending:
        return []
    emails = OutboxEmail.objects.bulk_create(
        [OutboxEmail(message_id=message_id_for(delivery), **letters[delivery.user_id]) for delivery, _digest in sending]
    )
    for (delivery, _digest), email in zip(sending, emails, strict=True):
        delivery.email = email
    # One UPDATE that finds each delivery's e-mail by its Message-ID (unique, indexed): bulk_update's
    # CASE over 500 rows costs more Python than the rest of the batch's writing.
    before, after = _message_id_around_pk(kind, period)
    message_id = Concat(Value(before), Cast(OuterRef("pk"), CharField()), Value(after))
    DigestDelivery.objects.filter(pk__in=[delivery.pk for delivery, _digest in sending]).update(
        email=Subquery(OutboxEmail.objects.filter(message_id=message_id).values("pk")[:1])
    )
    _record_items([(delivery, key) for delivery, digest in sending for key in dict.fromkeys(digest.keys)])
    return [email.pk for email in emails]


def _record_items(items):
    """Write (delivery, key) pairs as DigestItems; an item a concurrent digest of another kind just sent is kept once.

    On PostgreSQL one INSERT of three arrays: a batch holds five times as many items as
    people, and a model instance for each cost more than all the rest of the batch's writing.
    """
    if connection.vendor != "postgresql":
        DigestItem.objects.bulk_create(
            [DigestItem(user_id=delivery.user_id, delivery_id=delivery.pk, key=key) for delivery, key in items],
            ignore_conflicts=True,
        )
        return
    table = connection.ops.quote_name(DigestItem._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (user_id, delivery_id, key) "  # noqa: S608 - the table name is the model's own
            "SELECT * FROM UNNEST(%s::bigint[], %s::bigint[], %s::varchar[]) ON CONFLICT DO NOTHING",
            [
                [delivery.user_id for delivery, _key in items],
                [delivery.pk for delivery, _key in items],
                [key for _delivery, key in items],
            ],
        )


def message_id_for(delivery):
    """The delivery's Message-ID: the same whoever sends it, however often (resends show as one).

    _write_batch builds the same string in SQL to link the delivery to its e-mail.
    """
    before, after = _message_id_around_pk(delivery.kind, delivery.period)
    return f"{before}{delivery.pk}{after}"


def _message_id_around_pk(kind, period):
    return "<digest.", f".{kind}.{period}@{_message_id_domain()}>"


def _message_id_domain():
    return urlsplit(settings.SITE_URL).hostname or "escc.example"


def _letter(kind, digest, address, fragments):
    """The outbox fields of a digest's e-mail (all but the Message-ID), rendered in its language."""
    if digest.is_empty:
        return None
    scope = REMINDERS if kind == DeliveryKind.REMINDER else DIGEST
    user, language = digest.user, digest.language
    preferences_key = ("preferences_url", language)
    if preferences_key not in fragments:
        with translation.override(language):
            fragments[preferences_key] = settings.SITE_URL.rstrip("/") + reverse("funding:preferences")
    link = unsubscribe_url(user, scope, language=language)
    subject, text, html = render_digest(
        digest, unsubscribe_url=link, preferences_url=fragments[preferences_key], fragments=fragments
    )
    return {
        "kind": f"digest.{kind}",
        "to": address,
        "from_email": settings.DEFAULT_FROM_EMAIL,
        "subject": subject,
        "body_text": text,
        "body_html": html,
        "headers": unsubscribe_headers(link),
    }


def _enqueue(email_ids):
    """Queue the sends in outbox batches; at the first broker failure stop: the sweeper sends the rest."""
    from messaging import tasks

    for batch in outbox.batches(email_ids):
        try:
            tasks.send_email_batch.delay(batch)
        except Exception:  # noqa: BLE001 - the broker is down; the rows are due and the sweeper sends them
            logger.warning("digest_enqueue_failed", email_ids=len(batch), first_id=batch[0], exc_info=True)
            return
