"""The Celery app: tasks from every installed app, settings from Django's CELERY_* names.

Every task is a DjangoTask, so `task.delay_on_commit(...)` enqueues only once the
surrounding transaction has committed. Late acks with a prefetch of one (settings)
mean a killed worker's task goes back to the queue instead of vanishing.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "escc.settings")

app = Celery("escc", task_cls="celery.contrib.django.task:DjangoTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
