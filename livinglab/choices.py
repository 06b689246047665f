"""The answers a panel profile offers, shared by the profile form, campaign criteria and quotas.

Single answers (gender, occupation, skill, how often) are TextChoices. Multiple answers
(languages, devices, systems, mobility, accessibility) are stored by `ChoiceListField`.
Ages are derived from the year of birth as "this calendar year minus the year of birth",
which may be one year more than the person's age until their birthday.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

# Estonia's age of digital consent (Isikuandmete kaitse seadus § 8): younger people cannot join.
MINIMUM_AGE = 13
ADULT_AGE = 18


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("In another way")
    UNSAID = "unsaid", _("Prefer not to say")


class Occupation(models.TextChoices):
    PUPIL = "pupil", _("Pupil or student")
    EMPLOYED = "employed", _("Employed")
    SELF_EMPLOYED = "self_employed", _("Self-employed or entrepreneur")
    JOB_SEEKING = "job_seeking", _("Looking for work")
    PARENTAL_LEAVE = "parental_leave", _("On parental leave")
    RETIRED = "retired", _("Retired")
    OTHER = "other", _("Other")


class Language(models.TextChoices):
    ESTONIAN = "et", _("Estonian")
    ENGLISH = "en", _("English")
    RUSSIAN = "ru", _("Russian")
    UKRAINIAN = "uk", _("Ukrainian")
    FINNISH = "fi", _("Finnish")
    OTHER = "other", _("Another language")


class Device(models.TextChoices):
    SMARTPHONE = "smartphone", _("Smartphone")
    TABLET = "tablet", _("Tablet")
    LAPTOP = "laptop", _("Laptop")
    DESKTOP = "desktop", _("Desktop computer")
    SMARTWATCH = "smartwatch", _("Smartwatch")
    SMART_TV = "smart_tv", _("Smart TV")


class OperatingSystem(models.TextChoices):
    ANDROID = "android", _("Android")
    IOS = "ios", _("iOS or iPadOS")
    WINDOWS = "windows", _("Windows")
    MACOS = "macos", _("macOS")
    LINUX = "linux", _("Linux")


class DigitalSkill(models.TextChoices):
    BASIC = "basic", _("Basic: I use a few apps I know")
    EVERYDAY = "everyday", _("Everyday: I manage most e-services myself")
    ADVANCED = "advanced", _("Advanced: I try new apps and help others")
    EXPERT = "expert", _("Expert: I work in IT")


class Mobility(models.TextChoices):
    CAR = "car", _("Car")
    PUBLIC_TRANSPORT = "public_transport", _("Public transport")
    CYCLING = "cycling", _("Cycling")
    WALKING = "walking", _("Walking")
    SCOOTER = "scooter", _("E-scooter")


class Accessibility(models.TextChoices):
    SIGHT = "sight", _("Seeing")
    HEARING = "hearing", _("Hearing")
    MOVING = "moving", _("Moving, e.g. a wheelchair or walker")
    READING = "reading", _("Reading or understanding text")
    OTHER = "other", _("Other needs")


class TestFrequency(models.TextChoices):
    MONTHLY = "monthly", _("Once a month or more")
    QUARTERLY = "quarterly", _("A few times a year")
    YEARLY = "yearly", _("About once a year")


@dataclass(frozen=True)
class AgeBand:
    code: str
    label: object
    youngest: int
    oldest: int  # inclusive; 150 for the open band


AGE_BANDS = [
    AgeBand("13-17", _("13–17"), 13, 17),
    AgeBand("18-29", _("18–29"), 18, 29),
    AgeBand("30-44", _("30–44"), 30, 44),
    AgeBand("45-59", _("45–59"), 45, 59),
    AgeBand("60-74", _("60–74"), 60, 74),
    AgeBand("75+", _("75 or older"), 75, 150),
]
AGE_BAND_CHOICES = [(band.code, band.label) for band in AGE_BANDS]


def age_in(year, birth_year):
    return year - birth_year


def age_band_of(age):
    for band in AGE_BANDS:
        if band.youngest <= age <= band.oldest:
            return band.code
    return ""


# Estonia's towns and the rural municipalities where the cluster's partner cities and most
# panellists live; everyone else picks "another municipality" (the district says where).
MUNICIPALITY_CHOICES = [
    ("tallinn", "Tallinn"),
    ("tartu", "Tartu linn"),
    ("narva", "Narva linn"),
    ("parnu", "Pärnu linn"),
    ("kohtla-jarve", "Kohtla-Järve linn"),
    ("viljandi", "Viljandi linn"),
    ("maardu", "Maardu linn"),
    ("rakvere", "Rakvere linn"),
    ("sillamae", "Sillamäe linn"),
    ("voru", "Võru linn"),
    ("haapsalu", "Haapsalu linn"),
    ("keila", "Keila linn"),
    ("paide", "Paide linn"),
    ("loksa", "Loksa linn"),
    ("narva-joesuu", "Narva-Jõesuu linn"),
    ("harku", "Harku vald"),
    ("joelahtme", "Jõelähtme vald"),
    ("kiili", "Kiili vald"),
    ("rae", "Rae vald"),
    ("saku", "Saku vald"),
    ("saue", "Saue vald"),
    ("viimsi", "Viimsi vald"),
    ("tartu-vald", "Tartu vald"),
    ("kambja", "Kambja vald"),
    ("kastre", "Kastre vald"),
    ("luunja", "Luunja vald"),
    ("noo", "Nõo vald"),
    ("elva", "Elva vald"),
    ("saaremaa", "Saaremaa vald"),
    ("hiiumaa", "Hiiumaa vald"),
    ("jogeva", "Jõgeva vald"),
    ("otepaa", "Otepää vald"),
    ("valga", "Valga vald"),
    ("polva", "Põlva vald"),
    ("rapla", "Rapla vald"),
    ("jarva", "Järva vald"),
    ("joehvi", "Jõhvi vald"),
    ("other", _("Another municipality")),
    ("abroad", _("Outside Estonia")),
]
