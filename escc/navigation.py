"""The portal's main paths and the cluster's services, as the home page and header show them.

A section links to its page once the app that owns it registers the URL name; until then
it is listed without a link, so no page ever links to something that does not exist.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    url_name: str
    title: str
    summary: str

    @property
    def url(self):
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return None


SECTIONS = [
    Section(
        "members:directory",
        _("Members"),
        _("Companies, R&D institutes and city authorities of the cluster, with what they can do."),
    ),
    Section(
        "projects:project_list",
        _("Projects"),
        _("Joint innovation projects, and those looking for partners right now."),
    ),
    Section(
        "funding:call_list",
        _("Funding calls"),
        _("Open and upcoming calls from EU, national and private funders, with their deadlines."),
    ),
    Section("funding:news_list", _("News"), _("What is happening in the cluster and around it.")),
    Section(
        "livinglab:home",
        _("Living lab"),
        _("Test a prototype with citizens, or join the panel of test users."),
    ),
    Section(
        "members:application_create",
        _("Join the cluster"),
        _("Apply for membership for your organisation."),
    ),
]

SERVICES = [
    (
        _("Joint innovation projects"),
        _(
            "We bring companies, researchers and cities together to develop and pilot smart city "
            "solutions as one consortium."
        ),
    ),
    (
        _("Information mediation"),
        _("Funding calls, partner searches and news, selected for our members and sent as a digest."),
    ),
    (
        _("Living lab"),
        _("A test environment in real city settings, with a panel of citizens who try out prototypes."),
    ),
    (
        _("Internationalisation"),
        _("Contacts with clusters and cities abroad, joint trade missions and export of solutions."),
    ),
    (
        _("Competence development"),
        _("Trainings, seminars and matchmaking events for members and city officials."),
    ),
]


def main_sections():
    return [{"title": s.title, "summary": s.summary, "url": s.url} for s in SECTIONS]


def services():
    return [{"title": title, "summary": summary} for title, summary in SERVICES]
