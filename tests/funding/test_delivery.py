"""Planning digest runs: one delivery per person and period, written before anything is queued."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from funding.digests import delivery, selection
from funding.digests.delivery import ensure_due_runs, plan_run, recipients
from funding.digests.periods import current_period
from funding.models import DigestDelivery, DigestItem, DigestRun
from members.models import FocusArea
from messaging import unsubscribe
from messaging.models import OutboxEmail
from tests.factories import CallFactory, CallFollowFactory, SubscriptionFactory, UserFactory
from tests.funding.factories import set_times

pytestmark = pytest.mark.django_db

TALLINN = ZoneInfo("Europe/Tallinn")


def tallinn(*args):
    return datetime(*args, tzinfo=TALLINN)


MONDAY_NOON = tallinn(2026, 11, 23, 12, 0)


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://portal.escc.example"


def subscriber(frequency="weekly", **user):
    return SubscriptionFactory(frequency=frequency, user=UserFactory(**user)).user


def new_call(**fields):
    """A call published an hour ago: new for every first digest."""
    call = CallFactory(**fields)
    return set_times(call, published_at=timezone.now() - timedelta(hours=1))


def test_a_subscriber_with_a_new_call_gets_one_delivery_its_items_and_an_email():
    person = subscriber(email="mari@example.ee")
    call = new_call(title_et="Nutika liikuvuse voor")

    assert plan_run("weekly") == 1

    period, _due = current_period("weekly")
    planned = DigestDelivery.objects.get(user=person)
    assert (planned.kind, planned.period, planned.item_count) == ("weekly", period, 1)
    assert list(planned.items.values_list("key", flat=True)) == [f"call:{call.pk}"]
    assert planned.email.to == "mari@example.ee"
    assert planned.email.status == OutboxEmail.Status.PENDING
    assert "Nutika liikuvuse voor" in planned.email.body_text
    assert "Nutika liikuvuse voor" in planned.email.body_html
    run = DigestRun.objects.get(kind="weekly", period=period)
    assert run.completed_at is not None
    assert run.planned == 1


def test_planning_the_same_period_twice_plans_nothing_new():
    for _ in range(3):
        subscriber()
    new_call()
    assert plan_run("weekly") == 3
    counts = (DigestDelivery.objects.count(), DigestItem.objects.count(), OutboxEmail.objects.count())

    assert plan_run("weekly") == 0

    assert (DigestDelivery.objects.count(), DigestItem.objects.count(), OutboxEmail.objects.count()) == counts
    assert DigestRun.objects.get().planned == 3


def test_a_call_already_sent_is_not_sent_again_in_the_next_period():
    person = subscriber(frequency="daily")
    new_call()
    now = timezone.now()
    plan_run("daily", now=now)

    assert plan_run("daily", now=now + timedelta(days=1)) == 0

    assert OutboxEmail.objects.count() == 1
    assert DigestDelivery.objects.filter(user=person).count() == 2


def test_the_message_id_is_derived_from_the_delivery_and_kept_when_sent(mail_after_commit):
    person = subscriber()
    new_call()

    with mail_after_commit():
        plan_run("weekly")

    planned = DigestDelivery.objects.get(user=person)
    expected = f"<digest.{planned.pk}.weekly.{planned.period}@portal.escc.example>"
    assert planned.email.message_id == expected
    assert delivery.message_id_for(planned) == expected
    [sent] = mail.outbox
    assert sent.extra_headers["Message-ID"] == expected
    assert sent.message()["Message-ID"] == expected


def test_every_digest_carries_one_click_unsubscribe_headers_for_the_digest(mail_after_commit):
    person = subscriber()
    new_call()

    with mail_after_commit():
        plan_run("weekly")

    [sent] = mail.outbox
    link = sent.extra_headers["List-Unsubscribe"]
    assert link.startswith("<https://portal.escc.example/et/unsubscribe/") and link.endswith("/>")
    assert sent.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    token = link.removeprefix("<https://portal.escc.example/et/unsubscribe/").removesuffix("/>")
    assert unsubscribe.read_token(token) == (person.pk, "digest")
    assert link[1:-1] in sent.body


def test_a_digest_is_written_in_the_persons_language():
    english = subscriber(preferred_language="en")
    estonian = subscriber(preferred_language="et")
    new_call(title_et="Nutika liikuvuse voor", title_en="Smart mobility call")

    plan_run("weekly")

    english_email = DigestDelivery.objects.get(user=english).email
    estonian_email = DigestDelivery.objects.get(user=estonian).email
    assert "/en/unsubscribe/" in english_email.headers["List-Unsubscribe"]
    assert "/et/unsubscribe/" in estonian_email.headers["List-Unsubscribe"]
    assert "Smart mobility call" in english_email.body_text
    assert "Nutika liikuvuse voor" in estonian_email.body_text
    assert english_email.subject.startswith("ESCC weekly digest")


def test_an_empty_digest_sends_nothing_but_records_the_period():
    person = subscriber()

    assert plan_run("weekly") == 0

    empty = DigestDelivery.objects.get(user=person)
    assert (empty.email, empty.item_count) == (None, 0)
    assert OutboxEmail.objects.count() == 0
    assert DigestRun.objects.get().completed_at is not None


def test_only_active_people_with_a_verified_address_and_that_frequency_are_planned():
    due = subscriber()
    subscriber(is_active=False)
    subscriber(frequency="daily")
    subscriber(frequency="off")
    unverified = subscriber()
    EmailAddress.objects.filter(user=unverified).update(verified=False)
    new_call()

    assert plan_run("weekly") == 1

    assert list(DigestDelivery.objects.values_list("user", flat=True)) == [due.pk]


def test_the_email_goes_to_the_verified_primary_address():
    person = subscriber(email="old@example.ee")
    EmailAddress.objects.filter(user=person).update(primary=False)
    EmailAddress.objects.create(user=person, email="new@example.ee", verified=True, primary=True)
    new_call()

    plan_run("weekly")

    assert OutboxEmail.objects.get().to == "new@example.ee"


def test_a_person_planned_meanwhile_by_another_planner_is_skipped_and_the_rest_planned(monkeypatch):
    people = [subscriber() for _ in range(3)]
    new_call()
    period, _due = current_period("weekly")
    build = selection.build_digests

    def build_while_another_planner_writes(subscriptions, **kwargs):
        digests = build(subscriptions, **kwargs)
        DigestDelivery.objects.create(
            user=people[1], kind="weekly", period=period, covers_from=timezone.now(), covers_until=timezone.now()
        )
        return digests

    monkeypatch.setattr(selection, "build_digests", build_while_another_planner_writes)

    assert plan_run("weekly") == 2

    assert DigestDelivery.objects.filter(user=people[1]).count() == 1
    assert DigestDelivery.objects.get(user=people[1]).email is None
    assert sorted(OutboxEmail.objects.values_list("to", flat=True)) == sorted([people[0].email, people[2].email])


def test_a_digest_that_cannot_be_rendered_holds_up_nobody_else(monkeypatch):
    broken, fine = subscriber(), subscriber()
    new_call()
    render = delivery.render_digest

    def render_or_fail(digest, **kwargs):
        if digest.user == broken:
            raise ValueError("a template error")
        return render(digest, **kwargs)

    monkeypatch.setattr(delivery, "render_digest", render_or_fail)

    assert plan_run("weekly") == 1

    assert list(DigestDelivery.objects.values_list("user", flat=True)) == [fine.pk]
    monkeypatch.setattr(delivery, "render_digest", render)
    assert plan_run("weekly") == 1  # the next run tries again
    assert DigestDelivery.objects.filter(user=broken).count() == 1


def test_a_run_held_by_another_planner_is_left_alone():
    subscriber()
    new_call()
    period, _due = current_period("weekly")
    DigestRun.objects.create(kind="weekly", period=period, started_at=timezone.now())

    assert plan_run("weekly") == 0

    assert DigestDelivery.objects.count() == 0


def people_with_a_digest(number):
    for _ in range(number):
        subscriber()


@pytest.fixture
def selection_queries(monkeypatch):
    """Counts the queries selection.py's build_digests makes (its own budget, tested there), per call."""
    counts = []
    build = selection.build_digests

    def counted(*args, **kwargs):
        with CaptureQueriesContext(connection) as queries:
            digests = build(*args, **kwargs)
        counts.append(len(queries))
        return digests

    monkeypatch.setattr(selection, "build_digests", counted)
    return counts


def planning_queries():
    with CaptureQueriesContext(connection) as queries:
        plan_run("weekly")
    return len(queries)


def forget_the_run():
    DigestRun.objects.all().delete()
    DigestDelivery.objects.all().delete()
    OutboxEmail.objects.all().delete()


# Planning's own queries. Per batch: the subscriptions 1, a savepoint 2, the writes 4 (deliveries,
# e-mails, the deliveries' link to them, items), the heartbeat 1. Per run: claiming the run 4
# (a get_or_create), the empty last batch 1, completing the run 1.
PLANNING_QUERIES_PER_BATCH = 8
PLANNING_QUERIES_PER_RUN = 6


def test_planning_runs_the_same_number_of_queries_for_5_and_50_people(selection_queries):
    new_call()
    people_with_a_digest(5)
    for_five = planning_queries()
    forget_the_run()
    people_with_a_digest(45)

    for_fifty = planning_queries()

    assert OutboxEmail.objects.count() == 50
    assert for_five == for_fifty
    assert selection_queries[0] == selection_queries[1]
    assert for_fifty == PLANNING_QUERIES_PER_RUN + PLANNING_QUERIES_PER_BATCH + selection_queries[1]


def test_each_batch_adds_a_fixed_number_of_queries(monkeypatch, selection_queries):
    monkeypatch.setattr(delivery, "BATCH_SIZE", 10)
    new_call()
    people_with_a_digest(30)

    three_batches = planning_queries()

    assert OutboxEmail.objects.count() == 30
    assert len(selection_queries) == 3 and len(set(selection_queries)) == 1
    assert three_batches == PLANNING_QUERIES_PER_RUN + 3 * (PLANNING_QUERIES_PER_BATCH + selection_queries[0])


def test_a_planner_that_dies_mid_run_is_finished_by_the_sweeper_without_repeats(monkeypatch):
    monkeypatch.setattr(delivery, "BATCH_SIZE", 2)
    people = [subscriber(frequency="daily") for _ in range(5)]
    set_times(CallFactory(), published_at=MONDAY_NOON - timedelta(hours=12))
    build = selection.build_digests
    batches = []

    def die_in_the_second_batch(subscriptions, **kwargs):
        batches.append(len(subscriptions))
        if len(batches) == 2:
            raise SystemExit("worker killed")
        return build(subscriptions, **kwargs)

    monkeypatch.setattr(selection, "build_digests", die_in_the_second_batch)
    with pytest.raises(SystemExit):
        plan_run("daily", now=MONDAY_NOON)
    assert DigestDelivery.objects.count() == 2
    monkeypatch.setattr(selection, "build_digests", build)

    assert ensure_due_runs(MONDAY_NOON + timedelta(minutes=5)).get("daily") is None  # the lease still holds
    assert ensure_due_runs(MONDAY_NOON + delivery.RUN_LEASE + timedelta(minutes=1))["daily"] == 3

    assert sorted(DigestDelivery.objects.values_list("user", flat=True)) == sorted(person.pk for person in people)
    assert OutboxEmail.objects.count() == 5
    assert DigestRun.objects.get(kind="daily").completed_at is not None


def test_people_planned_already_are_skipped_wherever_they_fall_among_the_batches(monkeypatch):
    monkeypatch.setattr(delivery, "BATCH_SIZE", 3)
    people = [subscriber(frequency="daily") for _ in range(7)]
    set_times(CallFactory(), published_at=MONDAY_NOON - timedelta(hours=12))
    period, _due_at = current_period("daily", MONDAY_NOON)
    for person in people[1:5]:  # the whole second batch and one on each side of it
        DigestDelivery.objects.create(
            user=person, kind="daily", period=period, covers_from=MONDAY_NOON, covers_until=MONDAY_NOON, item_count=0
        )

    assert plan_run("daily", now=MONDAY_NOON) == 3

    assert sorted(OutboxEmail.objects.values_list("to", flat=True)) == sorted(
        person.email for person in [people[0], *people[5:]]
    )
    assert DigestDelivery.objects.count() == 7


def test_with_the_broker_down_queueing_stops_at_the_first_failure_and_the_rows_wait(mail_after_commit, monkeypatch):
    from messaging import outbox, tasks

    monkeypatch.setattr(outbox, "SEND_BATCH_SIZE", 1)  # three send batches: only the first is tried

    for _ in range(3):
        subscriber()
    new_call()
    attempts = []

    def broker_down(email_ids):
        attempts.append(email_ids)
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(tasks.send_email_batch, "delay", broker_down)

    with mail_after_commit():
        assert plan_run("weekly") == 3

    assert len(attempts) == 1
    assert set(OutboxEmail.objects.values_list("status", flat=True)) == {OutboxEmail.Status.PENDING}


# --- Deadline reminders ------------------------------------------------------------------------


def test_reminders_go_out_7_days_and_1_day_before_a_followed_deadline_once_each():
    follower = subscriber(frequency="off")
    call = CallFactory(deadline=tallinn(2026, 12, 8, 17, 0), opens_at=tallinn(2026, 10, 1))
    CallFollowFactory(user=follower, call=call)
    planned_on = {}

    for day in range(1, 10):
        morning = tallinn(2026, 12, day, 7, 0)
        planned_on[day] = plan_run("reminder", now=morning) + plan_run("reminder", now=morning + timedelta(hours=3))

    assert {day: count for day, count in planned_on.items() if count} == {1: 1, 7: 1}
    keys = sorted(DigestItem.objects.filter(user=follower).values_list("key", flat=True))
    assert [key.rsplit(":", 1)[1] for key in keys] == ["1", "7"]
    assert all("/unsubscribe/" in email.headers["List-Unsubscribe"] for email in OutboxEmail.objects.all())


def test_reminders_carry_an_unsubscribe_link_for_reminders_only():
    follower = subscriber(frequency="off")
    CallFollowFactory(user=follower, call=CallFactory(deadline=tallinn(2026, 12, 8, 17, 0)))

    plan_run("reminder", now=tallinn(2026, 12, 1, 7, 0))

    link = OutboxEmail.objects.get().headers["List-Unsubscribe"]
    token = link.rsplit("/unsubscribe/", 1)[1].removesuffix("/>")
    assert unsubscribe.read_token(token) == (follower.pk, "reminders")


def test_people_who_turned_reminders_off_get_none():
    follower = SubscriptionFactory(frequency="weekly", send_reminders=False).user
    CallFollowFactory(user=follower, call=CallFactory(deadline=tallinn(2026, 12, 8, 17, 0)))

    assert plan_run("reminder", now=tallinn(2026, 12, 1, 7, 0)) == 0

    assert DigestDelivery.objects.count() == 0


# --- Runs that beat lost ---------------------------------------------------------------------


def test_ensure_due_runs_plans_a_run_whose_beat_message_was_lost():
    person = subscriber(frequency="daily")
    set_times(CallFactory(), published_at=MONDAY_NOON - timedelta(hours=12))

    planned = ensure_due_runs(MONDAY_NOON)

    assert planned["daily"] == 1
    assert DigestDelivery.objects.get(user=person).period == "2026-11-23"
    assert set(DigestRun.objects.values_list("kind", "period")) >= {("daily", "2026-11-23"), ("weekly", "2026-W48")}


def test_ensure_due_runs_leaves_completed_runs_and_runs_in_progress_alone():
    subscriber(frequency="daily")
    set_times(CallFactory(), published_at=MONDAY_NOON - timedelta(hours=12))
    DigestRun.objects.create(kind="daily", period="2026-11-23", completed_at=MONDAY_NOON - timedelta(hours=5))
    DigestRun.objects.create(kind="weekly", period="2026-W48", started_at=MONDAY_NOON - timedelta(minutes=2))

    planned = ensure_due_runs(MONDAY_NOON)

    assert "daily" not in planned and "weekly" not in planned
    assert DigestDelivery.objects.count() == 0


def test_ensure_due_runs_finishes_a_run_whose_planner_died():
    person = subscriber(frequency="daily")
    set_times(CallFactory(), published_at=MONDAY_NOON - timedelta(hours=12))
    DigestRun.objects.create(kind="daily", period="2026-11-23", started_at=MONDAY_NOON - timedelta(hours=5))

    assert ensure_due_runs(MONDAY_NOON)["daily"] == 1

    assert DigestDelivery.objects.get(user=person).email is not None
    assert DigestRun.objects.get(kind="daily").completed_at is not None


def test_ensure_due_runs_leaves_the_first_minutes_to_beat_and_old_periods_alone():
    subscriber(frequency="daily")
    set_times(CallFactory(), published_at=MONDAY_NOON - timedelta(days=5))

    assert "daily" not in ensure_due_runs(tallinn(2026, 11, 23, 7, 2))
    # Monthly: due on 1 November, more than two days before.
    assert "monthly" not in ensure_due_runs(MONDAY_NOON)


# --- Who a run would mail --------------------------------------------------------------------


def test_recipients_lists_the_non_empty_digests_without_saving_anything():
    everything = subscriber()
    SubscriptionFactory(user=UserFactory(), focus_areas=[FocusArea.objects.get(slug="tourism")])
    new_call(focus_areas=[FocusArea.objects.get(slug="mobility")])

    digests = recipients("weekly")

    assert [digest.user for digest in digests] == [everything]
    assert digests[0].keys
    assert (DigestRun.objects.count(), DigestDelivery.objects.count(), OutboxEmail.objects.count()) == (0, 0, 0)
