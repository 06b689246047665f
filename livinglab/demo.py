"""Demo data of the living lab for `manage.py seed_demo`: a citizen panel and test campaigns in every state.

Runs last, after the members and projects seeders: campaigns belong to their organisations,
are proposed by their people and two of them to their projects. The panel is 300 generated
people (× `--scale`), the same on every run (`random.Random(2026)`), with believable names
and profiles across Tallinn, Tartu and the rest of Estonia, plus one persona who signs in,
Pille Paneel. Everybody consents to the terms in force; about one in twenty has withdrawn.

Like the other seeders it may run again: panellists are found by e-mail and campaigns by
their Estonian title, and what exists is left as it is (people may have answered an
invitation or changed their profile in the demo since), so a second run writes nothing.
Rows are written directly, not through the services, so seeding queues no e-mail.
"""

import random
import unicodedata
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db.models import Case, DateTimeField, Value, When
from django.utils import timezone, translation

from livinglab import choices, matching
from livinglab.models import (
    Answer,
    Campaign,
    CampaignStatus,
    ConsentEvent,
    FeedbackResponse,
    Panellist,
    Participation,
    Question,
    QuestionOption,
    Quota,
)
from livinglab.terms import terms_version_in_force
from members.demo import DEMO_PASSWORD, PEOPLE, demo_password_hash, upsert_person
from members.models import FocusArea, Organisation, User
from projects.interface import Project

SEED = 2026
PANELLISTS_PER_SCALE = 300
PANEL_DOMAIN = "@panel.escc.example"
BATCH_SIZE = 1000

S = CampaignStatus
P = Participation.Status

# --- The persona -------------------------------------------------------------------------------

PERSONA_EMAIL = f"pille{PANEL_DOMAIN}"
PERSONA_NAME = "Pille Paneel"
PERSONA_PROFILE = {
    "birth_year": 1988,
    "gender": choices.Gender.WOMAN,
    "municipality": "tartu",
    "district": "Annelinn",
    "occupation": choices.Occupation.EMPLOYED,
    "languages": ["et", "en"],
    "devices": ["smartphone", "laptop"],
    "operating_systems": ["android", "windows"],
    "digital_skill": choices.DigitalSkill.EVERYDAY,
    "mobility": ["cycling", "public_transport", "walking"],
    "accessibility_needs": [],
    "test_frequency": choices.TestFrequency.MONTHLY,
}
PERSONA_INTERESTS = ["mobility", "energy-environment"]
PERSONA_JOINED_DAYS_AGO = 200

# --- Names -------------------------------------------------------------------------------------

ESTONIAN_WOMEN = [
    "Mari", "Kati", "Liis", "Kadri", "Triin", "Anu", "Maarja", "Kristiina", "Helen", "Eha", "Tiiu", "Malle",
    "Sirje", "Ene", "Reet", "Merle", "Kairi", "Liisa", "Grete", "Laura", "Sandra", "Mirjam", "Hanna", "Eliise",
    "Sofia", "Emma", "Mia", "Getter", "Kertu", "Marju", "Katrin", "Ülle", "Õie", "Kärt", "Piret", "Signe",
    "Evelin", "Heli", "Annika", "Elo", "Karmen", "Tuuli",
]  # fmt: skip
ESTONIAN_MEN = [
    "Jaan", "Andres", "Tõnu", "Mart", "Toomas", "Rein", "Peeter", "Priit", "Margus", "Indrek", "Rasmus", "Karl",
    "Oskar", "Robin", "Kristjan", "Siim", "Martin", "Tanel", "Urmas", "Jüri", "Heino", "Ants", "Ülo", "Raivo",
    "Marek", "Kaspar", "Joosep", "Sten", "Henri", "Markus", "Sander", "Mihkel", "Aivar", "Veiko", "Lauri",
    "Tarmo", "Arvo", "Enn", "Hugo", "Romet",
]  # fmt: skip
ESTONIAN_SURNAMES = [
    "Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves", "Pärn", "Koppel", "Lepik", "Kuusk", "Oja",
    "Kivi", "Lill", "Mets", "Raud", "Vaher", "Põder", "Kõiv", "Järv", "Lepp", "Karu", "Org", "Kallas", "Luik",
    "Laur", "Parts", "Toom", "Ots", "Uibo", "Aas", "Rand", "Kruus", "Paju", "Kütt", "Nurk", "Tooming", "Sild",
    "Männik", "Kangur", "Vares", "Sarapuu", "Allik", "Pihlak", "Mänd", "Hein", "Jõgi", "Õunapuu", "Ruus",
    "Lõhmus", "Kull", "Teder", "Jürgenson", "Kaasik",
]  # fmt: skip
RUSSIAN_WOMEN = [
    "Jelena", "Olga", "Natalja", "Svetlana", "Tatjana", "Irina", "Anastassia", "Julia", "Marina", "Darja",
    "Viktoria", "Galina", "Ljudmila", "Anna", "Alina", "Kristina", "Jekaterina", "Valentina",
]  # fmt: skip
RUSSIAN_MEN = [
    "Sergei", "Aleksandr", "Dmitri", "Andrei", "Nikolai", "Vladimir", "Igor", "Maksim", "Artjom", "Pavel",
    "Mihhail", "Roman", "Denis", "Jevgeni", "Konstantin", "Ilja", "Oleg", "Viktor",
]  # fmt: skip
# Masculine forms; the feminine adds an "a" (Ivanov, Ivanova).
RUSSIAN_SURNAMES = [
    "Ivanov", "Smirnov", "Kuznetsov", "Petrov", "Vassiljev", "Sokolov", "Popov", "Volkov", "Morozov",
    "Jakovlev", "Fjodorov", "Orlov", "Nikitin", "Lebedev", "Zaitsev", "Pavlov", "Belov", "Gromov",
]  # fmt: skip
UKRAINIAN_WOMEN = ["Oksana", "Olena", "Iryna", "Kateryna", "Yulia", "Nataliia"]
UKRAINIAN_MEN = ["Oleksandr", "Andrii", "Taras", "Bohdan", "Dmytro", "Serhii"]
UKRAINIAN_SURNAMES = ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchenko", "Boiko"]
ENGLISH_WOMEN = ["Emily", "Sarah", "Hannah", "Chloe", "Olivia", "Grace", "Maria", "Sophie", "Laura", "Giulia"]
ENGLISH_MEN = ["James", "Daniel", "Thomas", "Ben", "Lucas", "Matteo", "David", "Michael", "Tom", "Pierre"]
ENGLISH_SURNAMES = [
    "Smith", "Brown", "Wilson", "Taylor", "Murphy", "Walker", "Müller", "Rossi", "García", "Novak",
    "Johansson", "Virtanen", "Korhonen", "O'Brien", "Dubois",
]  # fmt: skip

# --- Where people live -------------------------------------------------------------------------

# Relative weights: about 40 % Tallinn, 30 % Tartu, the rest across the country.
MUNICIPALITY_WEIGHTS = {
    "tallinn": 40, "tartu": 30, "narva": 2.5, "parnu": 2.5, "kohtla-jarve": 0.8, "viljandi": 1.2,
    "maardu": 0.8, "rakvere": 1.2, "sillamae": 0.5, "voru": 0.8, "haapsalu": 0.5, "keila": 0.5, "paide": 0.3,
    "loksa": 0.2, "narva-joesuu": 0.3, "harku": 1.2, "joelahtme": 0.5, "kiili": 0.4, "rae": 1.6, "saku": 0.5,
    "saue": 1.0, "viimsi": 1.6, "tartu-vald": 1.0, "kambja": 1.0, "kastre": 0.5, "luunja": 0.4, "noo": 0.4,
    "elva": 0.8, "saaremaa": 0.8, "hiiumaa": 0.3, "jogeva": 0.4, "otepaa": 0.3, "valga": 0.4, "polva": 0.4,
    "rapla": 0.4, "jarva": 0.3, "joehvi": 0.5, "other": 0.8, "abroad": 0.4,
}  # fmt: skip
MUNICIPALITIES = [code for code, _label in choices.MUNICIPALITY_CHOICES]

# (district, weight, weight for Russian speakers): the districts of the two cities, by population.
TALLINN_DISTRICTS = [
    ("Lasnamäe", 24, 40),
    ("Mustamäe", 14, 12),
    ("Kesklinn", 14, 8),
    ("Põhja-Tallinn", 12, 18),
    ("Õismäe", 10, 16),
    ("Nõmme", 9, 2),
    ("Kristiine", 7, 3),
    ("Pirita", 4, 1),
]
TARTU_DISTRICTS = [
    ("Annelinn", 28, 40),
    ("Karlova", 10, 6),
    ("Tammelinn", 8, 6),
    ("Ülejõe", 8, 10),
    ("Kesklinn", 7, 6),
    ("Ropka", 6, 10),
    ("Vaksali", 5, 5),
    ("Supilinn", 3, 1),
]
# Towns and villages in the other municipalities; the rest leave the district blank.
PLACES = {
    "narva": ["Kreenholm", "Pähklimäe", "Kesklinn", "Soldino", "Kalevi"],
    "parnu": ["Rääma", "Ülejõe", "Kesklinn", "Raeküla", "Mai"],
    "kohtla-jarve": ["Järve", "Ahtme", "Sompa"],
    "viimsi": ["Haabneeme", "Pringi", "Randvere", "Püünsi"],
    "rae": ["Jüri", "Peetri", "Lagedi", "Vaida"],
    "harku": ["Tabasalu", "Harkujärve", "Vääna-Jõesuu"],
    "saue": ["Saue", "Laagri", "Turba"],
    "saku": ["Saku", "Kiisa"],
    "tartu-vald": ["Kõrveküla", "Lähte", "Vara"],
    "kambja": ["Ülenurme", "Tõrvandi", "Kambja"],
    "kastre": ["Kurepalu", "Võnnu", "Melliste"],
    "luunja": ["Luunja", "Kabina"],
    "noo": ["Nõo", "Tõravere"],
    "elva": ["Elva", "Rõngu", "Puhja"],
    "saaremaa": ["Kuressaare", "Orissaare", "Kärla"],
    "hiiumaa": ["Kärdla", "Käina"],
    "other": ["Türi", "Kehra", "Tapa", "Põltsamaa"],
    "abroad": ["Helsinki", "Espoo", "Riia"],
}
RUSSIAN_SPEAKING_TOWNS = {"narva", "narva-joesuu", "sillamae", "kohtla-jarve", "maardu", "joehvi", "loksa"}

# (youngest, oldest, weight): "this year minus the year of birth", from 14 (someone who may still be 13) on.
AGES = [(14, 17, 3), (18, 29, 19), (30, 44, 28), (45, 59, 24), (60, 74, 19), (75, 85, 7)]


@dataclass(frozen=True)
class GeneratedPanellist:
    email: str
    name: str
    language: str
    profile: dict
    interests: tuple
    joined_days_ago: float
    withdrawn_days_later: float | None


def generate_panel(count, *, focus_area_slugs, year=None):
    """`count` panellists, the same ones on every call: the first 300 of any count are those of 300."""
    rng = random.Random(SEED)
    year = year or timezone.now().year
    taken = {PERSONA_EMAIL}
    return [_generate_one(number, rng, year, focus_area_slugs, taken) for number in range(count)]


def _generate_one(number, rng, year, focus_area_slugs, taken):
    municipality = rng.choices(MUNICIPALITIES, weights=[MUNICIPALITY_WEIGHTS.get(m, 0.3) for m in MUNICIPALITIES])[0]
    group = _language_group(rng, municipality)
    name_gender = rng.choice([choices.Gender.WOMAN, choices.Gender.MAN])
    first, last = _name(rng, group, name_gender)
    youngest, oldest, _weight = rng.choices(AGES, weights=[weight for _y, _o, weight in AGES])[0]
    age = rng.randint(youngest, oldest)
    languages = _languages(rng, group, age)
    devices = _devices(rng, age)
    skill = _digital_skill(rng, age)
    gender_roll = rng.random()
    gender = (
        choices.Gender.OTHER
        if gender_roll < 0.02
        else choices.Gender.UNSAID
        if gender_roll < 0.06
        else ""
        if gender_roll < 0.10
        else name_gender
    )
    profile = {
        "birth_year": year - age,
        "gender": gender,
        "municipality": municipality,
        "district": _district(rng, municipality, group),
        "occupation": _occupation(rng, age, name_gender),
        "languages": languages,
        "devices": devices,
        "operating_systems": _operating_systems(rng, devices, skill),
        "digital_skill": skill,
        "mobility": _mobility(rng, age),
        "accessibility_needs": _accessibility(rng, age),
        "test_frequency": rng.choices(choices.TestFrequency.values, weights=[30, 50, 20])[0],
    }
    how_many = rng.choices([1, 2, 3], weights=[35, 40, 25])[0]
    interests = tuple(rng.sample(focus_area_slugs, min(how_many, len(focus_area_slugs))))
    joined_days_ago = rng.triangular(1, 600, 30)
    withdrawn = number % 20 == 7  # one in twenty has withdrawn
    withdrawn_days_later = rng.uniform(0.05, 0.95) * joined_days_ago if withdrawn else None
    if group == "et":
        language = "et"
    else:
        language = "et" if "et" in languages and rng.random() < 0.5 else "en"
    return GeneratedPanellist(
        email=_email(first, last, taken),
        name=f"{first} {last}",
        language=language,
        profile=profile,
        interests=interests,
        joined_days_ago=joined_days_ago,
        withdrawn_days_later=withdrawn_days_later,
    )


def _language_group(rng, municipality):
    roll = rng.random()
    if municipality in RUSSIAN_SPEAKING_TOWNS:
        shares = [("ru", 0.80), ("uk", 0.05), ("en", 0.01)]
    elif municipality == "tallinn":
        shares = [("ru", 0.30), ("uk", 0.04), ("en", 0.07)]
    elif municipality in {"tartu", "abroad"}:
        shares = [("ru", 0.10), ("uk", 0.03), ("en", 0.10 if municipality == "tartu" else 0.5)]
    else:
        shares = [("ru", 0.05), ("uk", 0.02), ("en", 0.03)]
    for group, share in shares:
        if roll < share:
            return group
        roll -= share
    return "et"


def _name(rng, group, gender):
    woman = gender == choices.Gender.WOMAN
    if group == "ru":
        surname = rng.choice(RUSSIAN_SURNAMES)
        return rng.choice(RUSSIAN_WOMEN if woman else RUSSIAN_MEN), f"{surname}a" if woman else surname
    if group == "uk":
        return rng.choice(UKRAINIAN_WOMEN if woman else UKRAINIAN_MEN), rng.choice(UKRAINIAN_SURNAMES)
    if group == "en":
        return rng.choice(ENGLISH_WOMEN if woman else ENGLISH_MEN), rng.choice(ENGLISH_SURNAMES)
    return rng.choice(ESTONIAN_WOMEN if woman else ESTONIAN_MEN), rng.choice(ESTONIAN_SURNAMES)


def _ascii(text):
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(letter for letter in plain.replace(" ", "-") if letter.isalnum() or letter == "-")


def _email(first, last, taken):
    local = f"{_ascii(first)}.{_ascii(last)}"
    email, number = f"{local}{PANEL_DOMAIN}", 1
    while email in taken:
        number += 1
        email = f"{local}{number}{PANEL_DOMAIN}"
    taken.add(email)
    return email


def _district(rng, municipality, group):
    cities = {"tallinn": TALLINN_DISTRICTS, "tartu": TARTU_DISTRICTS}
    if municipality in cities:
        if rng.random() < 0.06:
            return ""  # some leave it out
        districts = cities[municipality]
        weights = [ru if group in {"ru", "uk"} else weight for _name, weight, ru in districts]
        return rng.choices([name for name, _w, _r in districts], weights=weights)[0]
    if municipality in PLACES and rng.random() < 0.8:
        return rng.choice(PLACES[municipality])
    return ""


def _occupation(rng, age, gender):
    Job = choices.Occupation
    if age < 18:
        return Job.PUPIL
    if age < 25:
        options = [(Job.PUPIL, 50), (Job.EMPLOYED, 38), (Job.JOB_SEEKING, 6), (Job.OTHER, 6)]
    elif age < 64:
        parental = 9 if gender == choices.Gender.WOMAN and age <= 42 else 1
        options = [
            (Job.EMPLOYED, 66),
            (Job.SELF_EMPLOYED, 12),
            (Job.JOB_SEEKING, 6),
            (Job.PARENTAL_LEAVE, parental),
            (Job.PUPIL, 3 if age < 35 else 0),
            (Job.OTHER, 4),
        ]
    elif age < 70:
        options = [(Job.RETIRED, 60), (Job.EMPLOYED, 34), (Job.SELF_EMPLOYED, 6)]
    else:
        options = [(Job.RETIRED, 92), (Job.EMPLOYED, 5), (Job.OTHER, 3)]
    return rng.choices([value for value, _w in options], weights=[weight for _v, weight in options])[0]


def _languages(rng, group, age):
    def maybe(code, chance):
        return [code] if rng.random() < chance else []

    if group == "ru":
        spoken = ["ru", *maybe("et", 0.8 if age < 35 else 0.5), *maybe("en", 0.65 if age < 45 else 0.25)]
        return spoken + maybe("uk", 0.04)
    if group == "uk":
        return ["uk", *maybe("ru", 0.8), *maybe("en", 0.5), *maybe("et", 0.15)]
    if group == "en":
        return ["en", *maybe("et", 0.25), *maybe("fi", 0.1), *maybe("other", 0.4)]
    spoken = ["et", *maybe("en", 0.9 if age < 50 else 0.4), *maybe("ru", 0.5 if age >= 45 else 0.12)]
    return spoken + maybe("fi", 0.1)


def _devices(rng, age):
    chances = [
        ("smartphone", 0.97 if age < 60 else 0.82 if age < 75 else 0.6),
        ("laptop", 0.7 if age < 65 else 0.35),
        ("desktop", 0.3),
        ("tablet", 0.35),
        ("smartwatch", 0.2 if age < 50 else 0.05),
        ("smart_tv", 0.3),
    ]
    devices = [device for device, chance in chances if rng.random() < chance]
    return devices or [rng.choice(["smartphone", "tablet", "desktop"])]


def _operating_systems(rng, devices, skill):
    systems = set()
    if "smartphone" in devices:
        systems.add("android" if rng.random() < 0.6 else "ios")
    if "tablet" in devices:
        systems.add("ios" if rng.random() < 0.55 else "android")
    if {"laptop", "desktop"} & set(devices):
        linux = 0.35 if skill == choices.DigitalSkill.EXPERT else 0.05
        roll = rng.random()
        systems.add("linux" if roll < linux else "macos" if roll < linux + 0.22 else "windows")
    return sorted(systems)


def _digital_skill(rng, age):
    weights = (
        [5, 45, 40, 10]
        if age < 30
        else [10, 50, 28, 12]
        if age < 60
        else [35, 50, 13, 2]
        if age < 75
        else [60, 35, 5, 0]
    )
    return rng.choices(choices.DigitalSkill.values, weights=weights)[0]


def _mobility(rng, age):
    chances = [
        ("walking", 0.7),
        ("public_transport", 0.5 if age < 60 else 0.7),
        ("car", 0.6 if 25 <= age < 70 else 0.2),
        ("cycling", 0.45 if age < 45 else 0.25),
        ("scooter", 0.25 if age < 35 else 0.04),
    ]
    return [mode for mode, chance in chances if rng.random() < chance] or ["walking"]


def _accessibility(rng, age):
    if rng.random() >= (0.06 if age < 60 else 0.2 if age < 75 else 0.4):
        return []
    needs = rng.choices(choices.Accessibility.values, weights=[30, 25, 25, 12, 8], k=rng.choice([1, 1, 1, 2]))
    return sorted(set(needs))


# --- The campaigns -----------------------------------------------------------------------------

SCALE, SINGLE, MULTIPLE, TEXT = Question.Kind.SCALE, Question.Kind.SINGLE, Question.Kind.MULTIPLE, Question.Kind.TEXT
STAFF_EMAIL = PEOPLE[0][0]

# Each campaign: its organisation (slug), proposer (e-mail), project (slug or None), bilingual texts,
# dates as days from today, "submitted"/"decided" as days ago, criteria, quotas (attribute, value,
# minimum, maximum per cent), the screener (text et, text en, [(label et, label en, accepted)]),
# feedback questions (kind, text et, text en, [(label et, label en)]; a several-choices question's
# last option is the "none of these" answer), and for the campaigns that have begun, the
# participants by status, when they were invited, how many answered the questionnaire, the
# scale answers' weights (1 to 5) and the free-text answers.
CAMPAIGNS = [
    {
        "status": S.FINISHED,
        "organisation": "tartu-mobility",
        "proposed_by": "mari@tartu-mobility.example",
        "project": "nutikad-bussiootepaviljonid",
        "title": ("Bussipeatuse saabumisaegade ekraan", "Bus-stop arrival screen"),
        "prototype": (
            "E-paberil ekraan bussipeatuses, mis näitab järgmiste busside tegelikke saabumisaegu, bussi "
            "täituvust ja häireteateid. Kiri on suur ja nupule vajutades loeb ekraan ajad ka ette.",
            "An e-paper screen at the bus stop showing the real arrival times of the next buses, how full "
            "each bus is and service alerts. The text is large, and a button reads the times aloud.",
        ),
        "tasks": (
            "Tulge Kaubamaja peatusesse, leidke ekraanilt oma bussi saabumisaeg ja täituvus ning proovige "
            "ettelugemise nuppu. Seejärel täitke viieminutiline küsimustik.",
            "Come to the Kaubamaja stop, find your bus's arrival time and how full it is on the screen, and "
            "try the read-aloud button. Then fill in a five-minute questionnaire.",
        ),
        "mode": Campaign.Mode.PLACE,
        "place": ("Kaubamaja bussipeatus, Riia 1, Tartu", "Kaubamaja bus stop, Riia 1, Tartu"),
        "incentive": ("10 eurot sõiduraha Tartu bussikaardile", "10 euros of fares on your Tartu bus card"),
        "days": (-42, -21),
        "submitted": 95,
        "decided": 91,
        "testers_wanted": 14,
        "criteria": {"municipality": ["tartu"], "mobility": ["public_transport"]},
        "quotas": [("age_band", "60-74", 3, None), ("district", "", None, 40)],
        "screener": (
            "Kui tihti sõidate Tartus linnaliinibussiga?",
            "How often do you take a city bus in Tartu?",
            [
                ("Iga päev", "Every day", True),
                ("Paar korda nädalas", "A few times a week", True),
                ("Harvem kui kord nädalas", "Less than once a week", False),
            ],
        ),
        "feedback": [
            (
                SCALE,
                "Kui lihtne oli ekraanilt oma bussi saabumisaega leida?",
                "How easy was it to find your bus's arrival time on the screen?",
                [],
            ),
            (SCALE, "Kui hästi oli ekraan päikese käes loetav?", "How readable was the screen in sunlight?", []),
            (
                SINGLE,
                "Mida vajate ekraanil kõige rohkem?",
                "What do you need most on the screen?",
                [
                    ("Saabumisajad", "Arrival times"),
                    ("Bussi täituvus", "How full the bus is"),
                    ("Häireteated", "Service alerts"),
                    ("Ilmateade", "Weather"),
                ],
            ),
            (
                MULTIPLE,
                "Mis tegi ekraani kasutamise raskeks?",
                "What made the screen hard to use?",
                [
                    ("Liiga väike kiri", "Text too small"),
                    ("Peegeldus päikese käes", "Glare in the sun"),
                    ("Ettelugemine oli liiga vaikne", "The read-aloud was too quiet"),
                    ("Ei leidnud oma liini", "Could not find my line"),
                    ("Miski ei seganud", "Nothing"),
                ],
            ),
            (
                TEXT,
                "Mida peaksime muutma, enne kui paigaldame ekraanid kümnesse peatusesse?",
                "What should we change before we install the screens at ten stops?",
                [],
            ),
        ],
        "participants": {P.ACCEPTED: 14, P.WAITLISTED: 1, P.DECLINED: 4, P.SCREENED_OUT: 2},
        "invited": 63,
        "responses": 12,
        "scale_weights": [[1, 1, 2, 6, 4], [1, 3, 4, 3, 1]],
        "texts": [
            "Kiri võiks olla veel suurem, ilma prillideta oli raske lugeda.",
            "Ettelugemise nupp on väga hea mõte, aga tänavamüra tõttu jäi hääl vaikseks.",
            "Täituvuse näit aitas otsustada, kas oodata järgmist bussi. Väga kasulik!",
            "Õhtul pimedas võiks ekraan olla paremini valgustatud.",
            "Tahaksin näha ka seda, kas bussis on ratastooli- või lapsevankrikoht vaba.",
        ],
    },
    {
        "status": S.RUNNING,
        "organisation": "emajoe-soojus",
        "proposed_by": "andres.kivi@emajoe-soojus.example",
        "project": "kaugkutte-digitaalne-kaksik",
        "title": ("Kaugkütte tarbimise töölaud", "District heating usage dashboard"),
        "prototype": (
            "Veebis ja mobiilis töötav töölaud, kus korteriühistu liige näeb oma maja soojustarbimist tundide "
            "kaupa, võrdlust sarnaste majadega ja järgmise nädala prognoosi. Andmed tulevad Annelinna "
            "pilootkvartali soojusarvestitest.",
            "A web and mobile dashboard where a member of a housing association sees the building's heat use "
            "by the hour, a comparison with similar buildings and next week's forecast. The data comes from "
            "the heat meters of the Annelinn pilot quarter.",
        ),
        "tasks": (
            "Kasutage töölauda kahe nädala jooksul vähemalt kolm korda: leidke eelmise nädala tarbimine, "
            "võrrelge seda sarnaste majadega ja vaadake prognoosi. Lõpuks vastake küsimustikule.",
            "Use the dashboard at least three times over two weeks: find last week's use, compare it with "
            "similar buildings and look at the forecast. At the end, answer the questionnaire.",
        ),
        "mode": Campaign.Mode.ONLINE,
        "place": ("", ""),
        "incentive": ("25-eurone kinkekaart", "A 25-euro gift card"),
        "days": (-7, 7),
        "submitted": 52,
        "decided": 48,
        "testers_wanted": 12,
        "criteria": {"municipality": ["tartu"], "age_band": ["30-44", "45-59", "60-74"]},
        "quotas": [("district", "tartu/Annelinn", 4, None), ("gender", "", None, 70)],
        "screener": (
            "Kas elate kortermajas, mis on ühendatud kaugküttega?",
            "Do you live in a block of flats on district heating?",
            [("Jah", "Yes", True), ("Ei", "No", False), ("Ei tea", "I am not sure", False)],
        ),
        "feedback": [
            (SCALE, "Kui arusaadav oli soojustarbimise graafik?", "How clear was the heat-use chart?", []),
            (
                SINGLE,
                "Kui tihti sooviksite töölauda vaadata?",
                "How often would you look at the dashboard?",
                [
                    ("Iga päev", "Every day"),
                    ("Kord nädalas", "Once a week"),
                    ("Kord kuus", "Once a month"),
                    ("Ainult arve tulles", "Only when the bill comes"),
                ],
            ),
            (
                MULTIPLE,
                "Millised vaated olid kasulikud?",
                "Which views were useful?",
                [
                    ("Tunnipõhine tarbimine", "Use by the hour"),
                    ("Võrdlus sarnaste majadega", "Comparison with similar buildings"),
                    ("Nädala prognoos", "Weekly forecast"),
                    ("Säästunõuanded", "Saving tips"),
                    ("Mitte ükski", "None of them"),
                ],
            ),
            (TEXT, "Mida tahaksite töölaual veel näha?", "What else would you like to see on the dashboard?", []),
        ],
        "participants": {P.ACCEPTED: 12, P.WAITLISTED: 2, P.DECLINED: 3, P.SCREENED_OUT: 2, P.INVITED: 1},
        "persona": P.ACCEPTED,
        "invited": 35,
        "responses": 5,
        "scale_weights": [[0, 1, 2, 4, 3]],
        "texts": [
            "Võiks näidata ka, kui palju see eurodes maksab.",
            "Prognoos oli huvitav, aga ma ei saanud aru, mida peaksin selle põhjal tegema.",
            "Võrdlus naabermajadega motiveeris rohkem kui ükski nõuanne.",
        ],
    },
    {
        "status": S.RECRUITING,
        "organisation": "tartu-linn",
        "proposed_by": "rasmus.org@tartu-linn.example",
        "project": None,
        "title": ("Tõukerataste parkimistsoonide kaart", "E-scooter parking zone map"),
        "prototype": (
            "Kaardirakendus, mis näitab Tartu kesklinnas tõukerataste ja rataste lubatud parkimistsoone, "
            "keelualasid ja vabu kohti. Rakendus hoiatab, kui jätate tõukeratta keelualale, ning juhatab "
            "lähimasse tsooni.",
            "A map app showing the permitted parking zones for e-scooters and bikes in central Tartu, the "
            "no-parking areas and free spaces. It warns you when you leave a scooter in a no-parking area "
            "and guides you to the nearest zone.",
        ),
        "tasks": (
            "Sõitke kesklinnas ühest punktist teise ja parkige rakenduse juhiste järgi. Proovige ka, mis "
            "juhtub, kui jätate sõiduki keelualale. Test võtab umbes pool tundi.",
            "Ride from one point in the city centre to another and park as the app guides you. Also try what "
            "happens when you leave the vehicle in a no-parking area. The test takes about half an hour.",
        ),
        "mode": Campaign.Mode.PLACE,
        "place": ("Raekoja plats, Tartu", "Town Hall Square, Tartu"),
        "incentive": ("Kahe kuu tasuta rattaringluse pilet", "Two months of free bike-share"),
        "include_minors": True,
        "days": (14, 28),
        "submitted": 21,
        "decided": 18,
        "testers_wanted": 10,
        "criteria": {
            "municipality": ["tartu", "tartu-vald", "kambja", "luunja", "kastre"],
            "mobility": ["cycling", "scooter"],
        },
        "quotas": [("age_band", "18-29", 3, None), ("district", "", None, 50)],
        "screener": (
            "Kas olete viimase aasta jooksul renditõukerattaga sõitnud?",
            "Have you ridden a rental e-scooter in the last year?",
            [
                ("Jah, mitu korda", "Yes, several times", True),
                ("Korra või paar", "Once or twice", True),
                ("Ei ole", "No", False),
            ],
        ),
        "feedback": [
            (
                SCALE,
                "Kui lihtne oli lubatud parkimistsooni leida?",
                "How easy was it to find a permitted parking zone?",
                [],
            ),
            (
                SINGLE,
                "Kas hoiatus keelualal parkimise kohta tuli õigel ajal?",
                "Did the no-parking warning come at the right time?",
                [
                    ("Jah", "Yes"),
                    ("Liiga hilja", "Too late"),
                    ("Liiga vara", "Too early"),
                    ("Ma ei näinud hoiatust", "I did not see a warning"),
                ],
            ),
            (
                MULTIPLE,
                "Mida kasutasite parkimiskoha otsimisel?",
                "What did you use to find a parking spot?",
                [
                    ("Kaarti", "The map"),
                    ("Häälejuhiseid", "Voice guidance"),
                    ("Märgistust tänaval", "Street markings"),
                    ("Ei kasutanud midagi", "Nothing"),
                ],
            ),
            (
                TEXT,
                "Mis teeks tõukerataste parkimise kesklinnas lihtsamaks?",
                "What would make parking e-scooters in the centre easier?",
                [],
            ),
        ],
        "participants": {P.ACCEPTED: 4, P.INVITED: 6, P.DECLINED: 2, P.SCREENED_OUT: 1},
        "persona": P.INVITED,
        "invited": 3,
    },
    {
        "status": S.APPROVED,
        "organisation": "linnamudel",
        "proposed_by": "eva.talvik@linnamudel.example",
        "project": None,
        "title": ("Ligipääsetav linnamarsruutide planeerija", "Accessible city-route planner"),
        "prototype": (
            "Teekonnaplaneerija, mis leiab Tallinnas marsruudi ilma treppide, kõrgete äärekivide ja "
            "remonditöödeta ning näitab madalapõhjaliste trammide ja busside väljumisi. Rakendus töötab ka "
            "ekraanilugejaga.",
            "A route planner that finds a route in Tallinn without stairs, high kerbs or roadworks and shows "
            "the departures of low-floor trams and buses. The app also works with a screen reader.",
        ),
        "tasks": (
            "Planeerige rakendusega kaks teekonda, mida tavaliselt teete, ja üks tundmatusse kohta. "
            "Testijuht on teiega kaasas ja küsib vahepeal, kuidas läheb.",
            "Plan two routes you usually take and one to a place you do not know. A test facilitator comes "
            "with you and asks along the way how it is going.",
        ),
        "mode": Campaign.Mode.PLACE,
        "place": ("Balti jaam, Tallinn", "Baltic Station, Tallinn"),
        "incentive": ("30-eurone kinkekaart; saatja osaleb tasuta", "A 30-euro gift card; a companion is welcome"),
        "days": (30, 44),
        "submitted": 14,
        "decided": 9,
        "staff_note": "Kinnitatud. Palun pakkuge testijatele võimalust tulla koos saatjaga.",
        "testers_wanted": 8,
        "criteria": {"municipality": ["tallinn"], "accessibility_needs": ["sight", "moving", "reading"]},
        "quotas": [("age_band", "60-74", 2, None)],
        "screener": (
            "Kas liigute linnas ratastooli, rulaatori või valge kepiga?",
            "Do you get around the city with a wheelchair, walker or white cane?",
            [("Jah, alati", "Yes, always", True), ("Mõnikord", "Sometimes", True), ("Ei", "No", False)],
        ),
        "feedback": [
            (
                SCALE,
                "Kui kindlalt tundsite end rakenduse juhiste järgi liikudes?",
                "How confident did you feel following the app's directions?",
                [],
            ),
            (
                SINGLE,
                "Kas pakutud marsruut sobis teile?",
                "Did the suggested route suit you?",
                [
                    ("Jah", "Yes"),
                    ("Osaliselt", "Partly"),
                    ("Ei", "No"),
                ],
            ),
            (
                MULTIPLE,
                "Milliseid takistusi rakendus ei teadnud?",
                "Which obstacles did the app not know about?",
                [
                    ("Trepid", "Stairs"),
                    ("Kõrged äärekivid", "High kerbs"),
                    ("Remonditööd", "Roadworks"),
                    ("Katkine lift", "A broken lift"),
                    ("Takistusi ei olnud", "There were none"),
                ],
            ),
            (
                TEXT,
                "Mida peaks rakendus teie teekonnal veel arvestama?",
                "What else should the app take into account on your routes?",
                [],
            ),
        ],
    },
    {
        "status": S.RETURNED,
        "organisation": "narova-robotics",
        "proposed_by": "jelena.smirnova@narova-robotics.example",
        "project": None,
        "title": ("Lumekoristuse teavitusrakendus", "Snow-clearing report app"),
        "prototype": (
            "Mobiilirakendus, millega elanik saab foto ja asukohaga teatada lumest puhastamata kõnniteest "
            "või jäisest bussipeatusest. Teade läheb otse linna hooldetöövõtjale ja rakendus näitab, millal "
            "koht puhastati.",
            "A mobile app for residents to report an uncleared pavement or an icy bus stop with a photo and "
            "the location. The report goes straight to the city's maintenance contractor, and the app shows "
            "when the spot was cleared.",
        ),
        "tasks": (
            "Teatage talve jooksul rakendusega vähemalt kahest puhastamata kohast ja jälgige, mis teadetest "
            "edasi saab.",
            "Over the winter, report at least two uncleared spots with the app and follow what happens to "
            "your reports.",
        ),
        "mode": Campaign.Mode.ONLINE,
        "place": ("", ""),
        "incentive": ("Narva ujula pääse", "A pass to the Narva swimming pool"),
        "days": (35, 95),
        "submitted": 12,
        "decided": 9,
        "staff_note": (
            "Palun lisage rakenduse tutvustus ka vene keeles, sest enamik Narva testijaid räägib vene keelt, "
            "ning kirjutage, kes näeb teadetele lisatud fotosid ja kui kaua neid hoitakse."
        ),
        "testers_wanted": 15,
        "criteria": {"municipality": ["narva", "narva-joesuu", "sillamae"], "devices": ["smartphone"]},
        "quotas": [("age_band", "60-74", 3, None)],
        "screener": (
            "Kas liigute talvel linnas jala või ühistranspordiga?",
            "Do you get around town on foot or by public transport in winter?",
            [
                ("Jah, iga päev", "Yes, every day", True),
                ("Mõnikord", "Sometimes", True),
                ("Ei, sõidan autoga", "No, I drive", False),
            ],
        ),
        "feedback": [
            (SCALE, "Kui lihtne oli teadet saata?", "How easy was it to send a report?", []),
            (
                SINGLE,
                "Kas saite teada, millal koht puhastati?",
                "Did you find out when the spot was cleared?",
                [
                    ("Jah", "Yes"),
                    ("Ei", "No"),
                    ("Ei mäleta", "I do not remember"),
                ],
            ),
            (
                MULTIPLE,
                "Mida lisasite teatele?",
                "What did you add to your report?",
                [
                    ("Foto", "A photo"),
                    ("Kommentaari", "A comment"),
                    ("Täpse asukoha kaardil", "The exact spot on the map"),
                    ("Ainult asukoha", "Only the location"),
                ],
            ),
            (TEXT, "Mida muudaksite rakenduses?", "What would you change in the app?", []),
        ],
    },
    {
        "status": S.SUBMITTED,
        "organisation": "kasutajakeskus",
        "proposed_by": "triin.kuusemaa@kasutajakeskus.example",
        "project": None,
        "title": ("Raamatukogu iseteeninduskiosk", "Library self-service kiosk"),
        "prototype": (
            "Puuteekraaniga kiosk, kus lugeja saab ise raamatuid laenutada ja tagastada, laenutusi pikendada "
            "ja end järjekorda panna. Kioskil on suur kiri, eesti, vene ja inglise keel ning abinupp, mis "
            "kutsub raamatukoguhoidja.",
            "A touch-screen kiosk where readers borrow and return books, renew loans and join the waiting "
            "list themselves. It has large text, Estonian, Russian and English, and a help button that calls "
            "a librarian.",
        ),
        "tasks": (
            "Laenutage kioskist üks raamat, pikendage mõnda laenutust ja tagastage raamat. Testijuht märgib "
            "üles, kus tekkis küsimusi.",
            "Borrow a book at the kiosk, renew a loan and return a book. A test facilitator notes where "
            "questions came up.",
        ),
        "mode": Campaign.Mode.PLACE,
        "place": (
            "Tartu Oskar Lutsu nimeline Linnaraamatukogu, Kompanii 3/5",
            "Tartu Oskar Luts City Library, Kompanii 3/5",
        ),
        "incentive": ("Kohv ja kook raamatukogu kohvikus", "Coffee and cake at the library café"),
        "days": (40, 54),
        "submitted": 2,
        "testers_wanted": 10,
        "criteria": {"municipality": ["tartu"], "age_band": ["60-74", "75+"]},
        "quotas": [("age_band", "75+", 3, None)],
        "screener": (
            "Kas olete viimase aasta jooksul raamatukogus käinud?",
            "Have you been to a library in the last year?",
            [
                ("Jah, sageli", "Yes, often", True),
                ("Mõnikord", "Sometimes", True),
                ("Ei ole", "No", False),
            ],
        ),
        "feedback": [
            (
                SCALE,
                "Kui lihtne oli kioskist raamatut laenutada?",
                "How easy was it to borrow a book at the kiosk?",
                [],
            ),
            (
                SINGLE,
                "Kas kasutaksite kioskit ka edaspidi?",
                "Would you use the kiosk again?",
                [
                    ("Jah", "Yes"),
                    ("Pigem jah", "Probably"),
                    ("Pigem ei", "Probably not"),
                    ("Ei", "No"),
                ],
            ),
            (
                MULTIPLE,
                "Milles vajasite abi?",
                "What did you need help with?",
                [
                    ("Lugejakaardi lugemine", "Reading my library card"),
                    ("Raamatu asetamine", "Placing the book"),
                    ("Laenutuse pikendamine", "Renewing a loan"),
                    ("Keele valimine", "Choosing the language"),
                    ("Abi ei vajanud", "I needed no help"),
                ],
            ),
            (TEXT, "Mida peaks kioskis muutma?", "What should change in the kiosk?", []),
        ],
    },
    {
        "status": S.DRAFT,
        "organisation": "nutivalgus",
        "proposed_by": "urmas.pold@nutivalgus.example",
        "project": "nutikas-tanavavalgustus-rakveres",
        "title": ("Tänavavalgustuse hämardamise piloot", "Smart street-light dimming pilot"),
        "prototype": (
            "Rakvere kesklinna tänavavalgustid hämarduvad öösel 30 protsendini ja süttivad täisvõimsusel, kui "
            "andur märkab jalakäijat või ratturit. Testijad hindavad, kas tänav tundub öösel turvaline ja kas "
            "valgus läheb õigel ajal eredaks.",
            "Street lights in central Rakvere dim to 30 per cent at night and brighten to full power when a "
            "sensor detects a pedestrian or cyclist. Testers judge whether the street feels safe at night and "
            "whether the light brightens in time.",
        ),
        "tasks": (
            "Jalutage või sõitke rattaga pärast kella 23 mööda Pikka ja Tallinna tänavat ning märkige "
            "rakendusse kohad, kus valgus jäi hiljaks või tundus liiga hämar.",
            "Walk or cycle along Pikk and Tallinna Street after 11 pm and mark in the app the spots where the "
            "light came on late or seemed too dim.",
        ),
        "mode": Campaign.Mode.PLACE,
        "place": ("Rakvere kesklinn, Pikk tänav", "Central Rakvere, Pikk Street"),
        "incentive": ("", ""),
        "days": (60, 90),
        "testers_wanted": 20,
        "criteria": {"municipality": ["rakvere"], "mobility": ["walking", "cycling"]},
        "quotas": [],
        "screener": (
            "Kas liigute Rakvere kesklinnas ka pärast kella 22?",
            "Are you in central Rakvere after 10 pm too?",
            [("Jah, sageli", "Yes, often", True), ("Mõnikord", "Sometimes", True), ("Ei", "No", False)],
        ),
        "feedback": [
            (
                SCALE,
                "Kui turvaliselt tundsite end hämardatud tänaval?",
                "How safe did you feel on the dimmed street?",
                [],
            ),
            (
                SINGLE,
                "Kas valgus süttis täisvõimsusel õigel ajal?",
                "Did the light reach full power in time?",
                [
                    ("Jah", "Yes"),
                    ("Veidi hiljaks", "A little late"),
                    ("Liiga hilja", "Too late"),
                ],
            ),
            (
                MULTIPLE,
                "Mis teid valguse juures häiris?",
                "What bothered you about the light?",
                [
                    ("Ristmikel liiga hämar", "Too dim at crossings"),
                    ("Akende all liiga ere", "Too bright under windows"),
                    ("Vilkumine", "Flickering"),
                    ("Miski ei häirinud", "Nothing"),
                ],
            ),
            (
                TEXT,
                "Mida peaksime pilooti laiendades arvestama?",
                "What should we keep in mind when extending the pilot?",
                [],
            ),
        ],
    },
]

# Who recruits first: a person picked for one campaign is not picked for a later one (except Pille).
RECRUITING_ORDER = [S.FINISHED, S.RUNNING, S.RECRUITING]


def seed_livinglab(*, scale=1):
    """The panel (300 × scale generated panellists and Pille Paneel) and a campaign in every state."""
    terms_version = terms_version_in_force()
    if terms_version is None:
        return ["  Living lab: no panel terms are published, so no panel was seeded."]
    now = timezone.now()
    # modeltranslation writes the untranslated columns in the active language: keep them Estonian.
    with translation.override(settings.LANGUAGE_CODE):
        password = demo_password_hash()
        persona = _seed_persona(password=password, terms_version=terms_version, now=now)
        _seed_panel(PANELLISTS_PER_SCALE * max(1, scale), password=password, terms_version=terms_version, now=now)
        _seed_campaigns(persona=persona, terms_version=terms_version, now=now)
    return [f"  Panellist:      {PERSONA_EMAIL} / {DEMO_PASSWORD}", _summary_line()]


def _seed_persona(*, password, terms_version, now):
    """Pille Paneel: a panellist in Annelinn who signs in; her profile is left as the demo changed it."""
    user = upsert_person(PERSONA_EMAIL, PERSONA_NAME, "et", password=password)
    panellist = Panellist.objects.filter(user=user).first()
    if panellist is not None:
        return panellist
    joined = now - timedelta(days=PERSONA_JOINED_DAYS_AGO)
    panellist = Panellist.objects.create(user=user, terms_version=terms_version, consented_at=joined, **PERSONA_PROFILE)
    # joined_at is auto_now_add: date it back once, when it is first written.
    Panellist.objects.filter(pk=panellist.pk).update(joined_at=joined)
    panellist.interests.set(FocusArea.objects.filter(slug__in=PERSONA_INTERESTS))
    ConsentEvent.objects.create(
        panellist=panellist, action=ConsentEvent.Action.GIVEN, terms_version=terms_version, at=joined
    )
    return panellist


def _seed_panel(count, *, password, terms_version, now):
    """The generated panellists missing from the database, in bulk: accounts, addresses, profiles, consent."""
    focus_areas = {area.slug: area.pk for area in FocusArea.objects.all()}
    people = generate_panel(count, focus_area_slugs=sorted(focus_areas))
    users = dict(User.objects.filter(email__endswith=PANEL_DOMAIN).values_list("email", "pk"))
    new_users = [
        User(
            email=person.email,
            display_name=person.name,
            preferred_language=person.language,
            password=password,
            date_joined=now - timedelta(days=person.joined_days_ago),
        )
        for person in people
        if person.email not in users
    ]
    User.objects.bulk_create(new_users, batch_size=BATCH_SIZE)
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in new_users],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )
    users = dict(User.objects.filter(email__endswith=PANEL_DOMAIN).values_list("email", "pk"))
    on_panel = set(Panellist.objects.filter(user__email__endswith=PANEL_DOMAIN).values_list("user_id", flat=True))
    new = []
    for person in people:
        if users[person.email] in on_panel:
            continue
        joined = now - timedelta(days=person.joined_days_ago)
        withdrawn = (
            None if person.withdrawn_days_later is None else joined + timedelta(days=person.withdrawn_days_later)
        )
        panellist = Panellist(
            user_id=users[person.email],
            terms_version=terms_version,
            consented_at=joined,
            withdrawn_at=withdrawn,
            **person.profile,
        )
        new.append((person, panellist))
    Panellist.objects.bulk_create([panellist for _person, panellist in new], batch_size=BATCH_SIZE)
    _date_joins_back([panellist for _person, panellist in new])
    Interest = Panellist.interests.through
    Interest.objects.bulk_create(
        [
            Interest(panellist_id=panellist.pk, focusarea_id=focus_areas[slug])
            for person, panellist in new
            for slug in person.interests
        ],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )
    events = []
    for _person, panellist in new:
        events.append(
            ConsentEvent(
                panellist_id=panellist.pk,
                action=ConsentEvent.Action.GIVEN,
                terms_version=terms_version,
                at=panellist.consented_at,
            )
        )
        if panellist.withdrawn_at is not None:
            events.append(
                ConsentEvent(
                    panellist_id=panellist.pk,
                    action=ConsentEvent.Action.WITHDRAWN,
                    terms_version=terms_version,
                    at=panellist.withdrawn_at,
                )
            )
    ConsentEvent.objects.bulk_create(events, batch_size=BATCH_SIZE)


def _date_joins_back(panellists, *, batch=400):
    """joined_at is auto_now_add (bulk_create too): set it to the day of consent, one UPDATE per batch."""
    for start in range(0, len(panellists), batch):
        rows = panellists[start : start + batch]
        Panellist.objects.filter(pk__in=[row.pk for row in rows]).update(
            joined_at=Case(
                *[When(pk=row.pk, then=Value(row.consented_at)) for row in rows], output_field=DateTimeField()
            )
        )


def _seed_campaigns(*, persona, terms_version, now):
    today = timezone.localdate(now)
    organisations = {
        row.slug: row for row in Organisation.objects.filter(slug__in={data["organisation"] for data in CAMPAIGNS})
    }
    emails = {data["proposed_by"] for data in CAMPAIGNS} | {STAFF_EMAIL}
    people = {row.email: row for row in User.objects.filter(email__in=emails)}
    projects = dict(
        Project.objects.filter(slug__in={data["project"] for data in CAMPAIGNS if data["project"]}).values_list(
            "slug", "pk"
        )
    )
    existing = set(
        Campaign.objects.filter(title_et__in=[data["title"][0] for data in CAMPAIGNS]).values_list(
            "title_et", flat=True
        )
    )
    picked = set()
    by_status = {data["status"]: data for data in CAMPAIGNS}
    for data in [*(by_status[status] for status in RECRUITING_ORDER), *CAMPAIGNS]:
        if data["title"][0] in existing or data["organisation"] not in organisations:
            continue
        existing.add(data["title"][0])
        campaign = _seed_campaign(
            data,
            organisation=organisations[data["organisation"]],
            proposer=people.get(data["proposed_by"]),
            staff=people.get(STAFF_EMAIL),
            project_id=projects.get(data["project"]),
            today=today,
            now=now,
        )
        if "participants" in data:
            rng = random.Random(f"{SEED}-{data['status']}")
            participations = _seed_participations(
                campaign, data, persona=persona, terms_version=terms_version, picked=picked, rng=rng, now=now
            )
            if data.get("responses"):
                _seed_responses(campaign, data, participations, persona=persona, rng=rng, today=today, now=now)


def _seed_campaign(data, *, organisation, proposer, staff, project_id, today, now):
    submitted = now - timedelta(days=data["submitted"]) if "submitted" in data else None
    decided = now - timedelta(days=data["decided"]) if "decided" in data else None
    texts = {}
    for field in ("title", "prototype", "tasks", "place", "incentive"):
        et, en = data[field]
        texts |= {field: et, f"{field}_et": et, f"{field}_en": en}
    starts, ends = data["days"]
    campaign = Campaign.objects.create(
        organisation=organisation,
        proposed_by=proposer,
        project_id=project_id,
        mode=data["mode"],
        starts_on=today + timedelta(days=starts),
        ends_on=today + timedelta(days=ends),
        testers_wanted=data["testers_wanted"],
        criteria=data["criteria"],
        include_minors=data.get("include_minors", False),
        status=data["status"],
        staff_note=data.get("staff_note", ""),
        submitted_at=submitted,
        decided_by=staff if decided else None,
        decided_at=decided,
        **texts,
    )
    # created_at is auto_now_add: date the campaign back once, a few days before it was submitted.
    Campaign.objects.filter(pk=campaign.pk).update(created_at=(submitted or now) - timedelta(days=3))
    Quota.objects.bulk_create(
        Quota(campaign=campaign, attribute=attribute, value=value, minimum=minimum, maximum_percent=maximum)
        for attribute, value, minimum, maximum in data["quotas"]
    )
    text_et, text_en, options = data["screener"]
    screener = _question(campaign, Question.Purpose.SCREENER, SINGLE, text_et, text_en, 0)
    QuestionOption.objects.bulk_create(
        QuestionOption(question=screener, label=et, label_et=et, label_en=en, is_accepted=accepted, position=number)
        for number, (et, en, accepted) in enumerate(options)
    )
    chosen = []
    for position, (kind, text_et, text_en, labels) in enumerate(data["feedback"]):
        question = _question(campaign, Question.Purpose.FEEDBACK, kind, text_et, text_en, position)
        chosen += [
            QuestionOption(question=question, label=et, label_et=et, label_en=en, position=number)
            for number, (et, en) in enumerate(labels)
        ]
    QuestionOption.objects.bulk_create(chosen)
    return campaign


def _question(campaign, purpose, kind, text_et, text_en, position):
    return Question.objects.create(
        campaign=campaign, purpose=purpose, kind=kind, text=text_et, text_et=text_et, text_en=text_en, position=position
    )


def _seed_participations(campaign, data, *, persona, terms_version, picked, rng, now):
    """Invitations to matching panellists: places filled as the quotas ask, then the other answers.

    Written directly, not through livinglab.services.invitations, which e-mails everyone.
    """
    plan = dict(data["participants"])
    persona_status = data.get("persona")
    if persona_status:
        plan[persona_status] -= 1
    candidates = list(
        matching.matching(campaign.criteria, include_minors=campaign.include_minors, terms_version=terms_version)
        .exclude(pk=persona.pk)
        .exclude(pk__in=picked)
        .order_by("user__email")
        .values("pk", *matching.QUOTA_VALUE_FIELDS)
    )
    already = []
    if persona_status == P.ACCEPTED:
        already = list(Panellist.objects.filter(pk=persona.pk).values("pk", *matching.QUOTA_VALUE_FIELDS))
    places = matching.pick(
        candidates,
        quotas=list(campaign.quotas.all()),
        wanted=campaign.testers_wanted,
        how_many=plan.pop(P.ACCEPTED, 0),
        already=already,
        rng=rng,
    )
    chosen = [(row["pk"], P.ACCEPTED) for row in places]
    rest = [row for row in candidates if row not in places]
    rng.shuffle(rest)
    for status, how_many in plan.items():
        chosen += [(row["pk"], status) for row in rest[:how_many]]
        rest = rest[how_many:]
    if persona_status:
        chosen.append((persona.pk, persona_status))
    screener = campaign.questions.get(purpose=Question.Purpose.SCREENER)
    accepted_options = list(screener.options.filter(is_accepted=True).values_list("pk", flat=True))
    refused_options = list(screener.options.filter(is_accepted=False).values_list("pk", flat=True))
    invited = now - timedelta(days=data["invited"])
    rows = []
    for panellist_id, status in chosen:
        invited_at = invited + timedelta(minutes=rng.randint(0, 240))
        answered_at = None if status == P.INVITED else invited_at + timedelta(hours=rng.randint(1, 44))
        answers = {}
        if status in {P.ACCEPTED, P.WAITLISTED}:
            answers = {str(screener.pk): [rng.choice(accepted_options)]}
        elif status == P.SCREENED_OUT:
            answers = {str(screener.pk): [rng.choice(refused_options)]}
        rows.append(
            Participation(
                campaign=campaign,
                panellist_id=panellist_id,
                status=status,
                screener_answers=answers,
                invited_at=invited_at,
                answered_at=answered_at,
                waitlisted_at=answered_at if status == P.WAITLISTED else None,
            )
        )
    picked.update(panellist_id for panellist_id, _status in chosen if panellist_id != persona.pk)
    return Participation.objects.bulk_create(rows)


def _seed_responses(campaign, data, participations, *, persona, rng, today, now):
    """The questionnaire answers of some testers with a place (never Pille's: she answers in the demo)."""
    testers = [p for p in participations if p.status == P.ACCEPTED and p.panellist_id != persona.pk]
    answering = rng.sample(testers, min(data["responses"], len(testers)))
    questions = list(campaign.questions.filter(purpose=Question.Purpose.FEEDBACK).prefetch_related("options"))
    responses = FeedbackResponse.objects.bulk_create(
        FeedbackResponse(
            campaign=campaign,
            participation=participation,
            pseudonym=participation.pseudonym,
            submitted_at=_answered_at(campaign, rng, today=today, now=now),
        )
        for participation in answering
    )
    answers = []
    for number, response in enumerate(responses):
        scales = iter(data["scale_weights"])
        for question in questions:
            options = list(question.options.all())
            if question.kind == SCALE:
                answers.append(
                    (
                        Answer(
                            response=response,
                            question=question,
                            scale=rng.choices(range(1, 6), weights=next(scales))[0],
                        ),
                        [],
                    )
                )
            elif question.kind == TEXT:
                if number < len(data["texts"]):
                    answers.append((Answer(response=response, question=question, text=data["texts"][number]), []))
            elif question.kind == SINGLE:
                picked = rng.choices(options, weights=range(len(options) + 1, 1, -1))[0]
                answers.append((Answer(response=response, question=question), [picked]))
            else:
                # The last option is "none of these": alone, or never.
                several = [options[-1]] if rng.random() < 0.2 else rng.sample(options[:-1], rng.randint(1, 2))
                answers.append((Answer(response=response, question=question), several))
    Answer.objects.bulk_create([answer for answer, _options in answers])
    Chosen = Answer.options.through
    chosen = [
        Chosen(answer_id=answer.pk, questionoption_id=option.pk) for answer, options in answers for option in options
    ]
    Chosen.objects.bulk_create(chosen)


def _answered_at(campaign, rng, *, today, now):
    """A moment in the test's last days, never in the future."""
    last = min(campaign.ends_on, today)
    day = max(campaign.starts_on, last - timedelta(days=rng.randint(0, 4)))
    moment = timezone.make_aware(datetime.combine(day, time(rng.randint(8, 21), rng.randint(0, 59))))
    return min(moment, now - timedelta(minutes=rng.randint(5, 300)))


def _summary_line():
    panellists = Panellist.objects.all()
    withdrawn = panellists.filter(withdrawn_at__isnull=False).count()
    return (
        f"  Living lab: {panellists.count()} panellists ({withdrawn} withdrawn), {Campaign.objects.count()} "
        f"campaigns, {Participation.objects.count()} invitations, {FeedbackResponse.objects.count()} "
        "questionnaire answers."
    )
