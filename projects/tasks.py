from celery import shared_task

from projects import services


@shared_task(name="projects.close_expired_partner_searches")
def close_expired_partner_searches():
    """Close the partner search of projects past its end date (daily from beat). Returns how many.

    Idempotent: a second run the same day finds nothing open past its date.
    """
    return services.close_expired_partner_searches()
