"""Helpers for digest tests: moving rows in time and recording what a person was sent."""

from datetime import timedelta

import factory
from django.utils import timezone

from funding.models import DigestDelivery, DigestItem


def set_times(instance, **fields):
    """Set timestamps that auto_now/save() would overwrite (published_at, created_at, ...)."""
    type(instance).objects.filter(pk=instance.pk).update(**fields)
    for name, value in fields.items():
        setattr(instance, name, value)
    return instance


class DigestDeliveryFactory(factory.django.DjangoModelFactory):
    """A digest already planned for a person: by default a weekly one that covered until a day ago."""

    class Meta:
        model = DigestDelivery

    kind = "weekly"
    period = factory.Sequence(lambda n: f"2026-W{n % 52 + 1:02d}-{n}")
    covers_until = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    covers_from = factory.LazyAttribute(lambda delivery: delivery.covers_until - timedelta(days=7))


def record_sent(user, *keys, kind="weekly", covers_until=None):
    """Record that `user` was sent `keys` in a digest covering until `covers_until`."""
    delivery = DigestDeliveryFactory(
        user=user, kind=kind, covers_until=covers_until or timezone.now() - timedelta(days=30)
    )
    DigestItem.objects.bulk_create([DigestItem(user=user, delivery=delivery, key=key) for key in keys])
    return delivery
