from celery import shared_task

from members import services


@shared_task(name="members.remind_profile_confirmation")
def remind_profile_confirmation():
    """Ask the admins of profiles not confirmed for a year to check them (daily)."""
    return services.remind_profile_confirmation()
