from celery import shared_task

from members import services


@shared_task(name="members.remind_profile_confirmation")
def remind_profile_confirmation():
    """Store which profiles went a year unconfirmed, and ask their admins to check them (daily)."""
    services.refresh_profile_staleness()
    return services.remind_profile_confirmation()
