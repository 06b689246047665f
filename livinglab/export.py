"""Everything the portal holds about a panellist, as the JSON they download (GDPR article 15 and 20).

The account, the panel profile (codes and their labels), the consent history, every
invitation with its screener answers, the feedback they gave, and what messaging holds:
the e-mails sent to them and their notifications.
"""

from django.utils import timezone

from livinglab.models import Answer, Panellist
from livinglab.services.panel import PROFILE_FIELDS
from messaging import personal_data


def _when(value):
    return value.isoformat() if value else None


def _profile(panellist):
    profile = {}
    for name in PROFILE_FIELDS:
        field = Panellist._meta.get_field(name)
        value = getattr(panellist, name)
        labels = dict(field.choices or getattr(getattr(field, "choice_set", None), "choices", []) or [])
        if isinstance(value, list):
            profile[name] = [{"value": item, "label": str(labels.get(item, item))} for item in value]
        elif labels:
            profile[name] = {"value": value, "label": str(labels.get(value, value))}
        else:
            profile[name] = value
    profile["interests"] = [area.name for area in panellist.interests.all()]
    profile["age_band"] = panellist.age_band
    profile["is_minor"] = panellist.is_minor
    return profile


def panel_data(panellist):
    user = panellist.user
    participations = panellist.participations.select_related("campaign", "campaign__organisation").order_by(
        "invited_at"
    )
    answers = (
        Answer.objects.filter(response__participation__panellist=panellist)
        .select_related("question", "response")
        .prefetch_related("options")
    )
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "name": user.display_name,
            "preferred_language": user.preferred_language,
            "joined": _when(user.date_joined),
        },
        "panel_profile": _profile(panellist),
        "consent": {
            "terms_version": panellist.terms_version,
            "given_at": _when(panellist.consented_at),
            "withdrawn_at": _when(panellist.withdrawn_at),
            "history": [
                {
                    "action": event.action,
                    "terms_version": event.terms_version,
                    "at": _when(event.at),
                    "stayed_in_running_tests": event.kept_running_campaigns,
                }
                for event in panellist.consent_events.order_by("at", "pk")
            ],
        },
        "participations": [
            {
                "campaign": participation.campaign.title,
                "organisation": participation.campaign.organisation.name,
                "pseudonym": participation.pseudonym,
                "status": participation.status,
                "invited_at": _when(participation.invited_at),
                "answered_at": _when(participation.answered_at),
                "screener_answers": participation.screener_answers,
            }
            for participation in participations
        ],
        "feedback": [
            {
                "campaign_pseudonym": answer.response.pseudonym,
                "question": answer.question.text,
                "scale": answer.scale,
                "choices": [option.label for option in answer.options.all()],
                "text": answer.text,
            }
            for answer in answers
        ],
        **personal_data.held_about(user),
    }
