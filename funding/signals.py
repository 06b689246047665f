"""Funding reacts to members: a person who joins an organisation gets a weekly digest by default.

A receiver rather than a call in each members service, so members needs not know of digests.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from members.models import Membership


@receiver(post_save, sender=Membership, dispatch_uid="funding.subscribe_new_member")
def subscribe_new_member(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from funding.models import Subscription

        # get_or_create: a person who already chose (even "off") keeps their choice.
        Subscription.objects.get_or_create(user_id=instance.user_id)
