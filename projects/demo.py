"""Demo data for `manage.py seed_demo`: joint projects with partners, requests and updates.

Runs after the members seeders and uses their organisations and people. Like them it may
run again: a project is found by its slug and only fields that differ are saved; a
participant, request, invitation or update that exists is left as it is (people may have
answered a request in the demo since). Rows are written directly, not through the
services, so seeding queues no e-mail. `--scale N` adds (N − 1) × 12 generated projects in
bulk, for measuring pages at size.

Titles, summaries and descriptions have one language per project, as people write them:
All project texts are in Estonian: projects have one language, and the site does not yet mark it (lang).
"""

from datetime import date, timedelta
from itertools import cycle, islice

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone, translation

from funding.interface import Call
from members.models import Competence, FocusArea, Membership, Organisation, OrganisationKind, Role, User
from members.text import search_text
from messaging.models import Notification
from projects.models import (
    JoinRequest,
    NotificationKind,
    ParticipantRole,
    Participation,
    Project,
    ProjectUpdate,
    SoughtKind,
    Stage,
    Visibility,
)
from projects.notifications import key as notification_key
from projects.notifications import people_to_notify

GENERATED_SLUG_PREFIX = "demo-project-"
GENERATED_PER_SCALE = 12
BATCH_SIZE = 1000

PENDING, ACCEPTED, DECLINED, WITHDRAWN = (
    JoinRequest.Status.PENDING,
    JoinRequest.Status.ACCEPTED,
    JoinRequest.Status.DECLINED,
    JoinRequest.Status.WITHDRAWN,
)
REQUEST, INVITATION = JoinRequest.Direction.REQUEST, JoinRequest.Direction.INVITATION

# Each project: its fields; "lead" and "partners" are organisation slugs with the people who
# are contacts; "search_days" keeps an open search ending that many days ahead (None: no end
# date); "requests" are (organisation, direction, role, status, days ago, sender, message,
# decision note); "updates" are (days ago, author, text).
PROJECTS = [
    {
        "slug": "nutikad-bussiootepaviljonid",
        "target_call": "heitevaba-linnalogistika",  # funding.demo_data.CALLS
        "title": "Nutikad bussiootepaviljonid",
        "summary": "Ootepaviljonid, mis loevad ootajaid ja näitavad, kui täis on järgmine buss.",
        "description": (
            "Tartu Liikuvus ja Tartu linn katsetavad kümnes ootepaviljonis andureid, mis loendavad ootajaid "
            "ja annavad liinivedajale teada, kui buss läheb täis.\n\n"
            "## Mida otsime\n\n"
            "- **Teaduspartnerit**, kellel on kogemus *masinnägemise* ja isikuandmeid kaitsva "
            "videoanalüüsiga;\n"
            "- andurite tootjat, kes aitab paviljonid välja ehitada.\n\n"
            "Piloot algab 2027. aasta kevadel Tartu kesklinnas."
        ),
        "stage": Stage.FORMING,
        "visibility": Visibility.PUBLIC,
        "starts_on": date(2027, 3, 1),
        "ends_on": date(2028, 8, 31),
        "budget_eur": 480000,
        "focus_areas": ["mobility", "ict-governance"],
        "sought_competences": ["computer-vision", "iot-sensors"],
        "sought_kinds": ["research"],
        "pilot_city": "Tartu",
        "pilot_site": "Kesklinna bussipeatused",
        "needs_test_users": True,
        "is_open_for_joining": True,
        "search_days": 60,
        "lead": ("tartu-mobility", ["mari@tartu-mobility.example"]),
        "partners": [("tartu-linn", ParticipantRole.PILOT_SITE, ["kertu.kask@tartu-linn.example"])],
        "requests": [
            (
                "jaatmetark",
                REQUEST,
                ParticipantRole.PARTNER,
                PENDING,
                4,
                "grete.tali@jaatmetark.example",
                "Meie prügikastide kaamerad tunnevad objekte juba ära; sama lahendus sobiks ootajate loendamiseks.",
                "",
            ),
            (
                "linnauuringute-instituut",
                INVITATION,
                ParticipantRole.RESEARCH,
                PENDING,
                2,
                "mari@tartu-mobility.example",
                "Teie ühistranspordi planeerimise kogemus aitaks pilooti hinnata. Kas liitute?",
                "",
            ),
            (
                "rannarada",
                REQUEST,
                ParticipantRole.PARTNER,
                DECLINED,
                30,
                "kristel.lill@rannarada.example",
                "Saame teha reisijatele mobiilirakenduse.",
                "Aitäh! Rakendus on meil endal olemas, otsime praegu andurite ja videoanalüüsi partnerit.",
            ),
        ],
        "updates": [
            (20, "mari@tartu-mobility.example", "Linn kinnitas kümme pilootpeatust. Otsime nüüd teaduspartnerit."),
            (3, "kertu.kask@tartu-linn.example", "Peatuste elektriühendused on olemas kaheksas paviljonis kümnest."),
        ],
    },
    {
        "slug": "liikuvusandmete-ruumianaluus",
        "target_call": "heitevaba-linnalogistika",  # funding.demo_data.CALLS
        "title": "Liikuvusandmete ruumianalüüs",
        "summary": "Anonüümitud sõiduandmetest linnaplaneerijatele kaart, kus ja millal inimesed liiguvad.",
        "description": (
            "Tartu Ülikooli geoinformaatikud analüüsivad koos Tartu Liikuvusega piletiandmeid ja jagatud "
            "rataste sõite.\n\nTulemuseks on **avatud metoodika** ja kaardirakendus linnaplaneerijatele."
        ),
        "stage": Stage.RUNNING,
        "visibility": Visibility.MEMBERS,
        "starts_on": date(2025, 9, 1),
        "ends_on": date(2027, 8, 31),
        "budget_eur": 260000,
        "focus_areas": ["mobility", "ict-governance"],
        "sought_competences": ["gis"],
        "sought_kinds": [],
        "lead": ("tartu-ulikool", ["piret.saar@ut-research.example", "jaan@ut-research.example"]),
        "partners": [("tartu-mobility", ParticipantRole.PARTNER, ["laura.mets@tartu-mobility.example"])],
        "requests": [
            (
                "tartu-mobility",
                INVITATION,
                ParticipantRole.PARTNER,
                ACCEPTED,
                400,
                "piret.saar@ut-research.example",
                "Kas jagaksite anonüümitud sõiduandmeid uurimistöö jaoks?",
                "Hea meelega!",
            ),
        ],
        "updates": [
            (60, "jaan@ut-research.example", "Esimene andmekogum on puhastatud: **1,2 miljonit** sõitu 2025. aastast."),
            (12, "laura.mets@tartu-mobility.example", "Lisasime andmestikku kevadhooaja rattarendi sõidud."),
        ],
    },
    {
        "slug": "ohukvaliteet-koolide-juures",
        "target_call": "linnatervise-kaasamine",  # funding.demo_data.CALLS
        "title": "Õhukvaliteet koolide juures",
        "summary": "Andurid kooliteede äärde, et vanemad ja linn näeksid, kus õhk on puhtam.",
        "description": (
            "Idee: paigaldada odavad õhukvaliteedi andurid kahekümne kooli juurde ja näidata andmeid "
            "lapsevanematele mobiilis.\n\nOtsime **linna või valda**, kes oleks pilootala, ja kodanikuühendust, "
            "kes kaasaks peresid."
        ),
        "stage": Stage.IDEA,
        "visibility": Visibility.PUBLIC,
        "focus_areas": ["energy-environment", "health-welfare"],
        "sought_competences": ["co-creation", "open-data"],
        "sought_kinds": ["public", "other"],
        "pilot_city": "Tartu",
        "is_open_for_joining": True,
        "search_days": None,
        "lead": ("ohuseire", ["onne.ounap@ohuseire.example"]),
        "partners": [],
        "requests": [
            (
                "nutilinna-kodanikud",
                REQUEST,
                ParticipantRole.TEST,
                PENDING,
                6,
                "kristiina.vaino@nutilinnakodanikud.example",
                "Meie vabatahtlikud aitavad hea meelega peresid kaasata ja andureid testida.",
                "",
            ),
        ],
        "updates": [],
    },
    {
        "slug": "kaugkutte-digitaalne-kaksik",
        "target_call": "kohalikud-digitaalsed-kaksikud",  # funding.demo_data.CALLS
        "title": "Kaugkütte digitaalne kaksik",
        "summary": "Tartu kaugküttevõrgu mudel, mis ennustab soojusvajadust ja vähendab kadusid.",
        "description": (
            "Emajõe Soojus ehitab koos TalTechiga kaugküttevõrgu digitaalset kaksikut.\n\n"
            "1. võrgu hüdrauliline mudel;\n2. ilmaprognoosil põhinev soojusvajaduse ennustus;\n"
            "3. piloot kahes Annelinna kvartalis.\n\nOtsime veel **energiamodelleerimise** partnerit."
        ),
        "stage": Stage.FORMING,
        "visibility": Visibility.MEMBERS,
        "starts_on": date(2027, 1, 1),
        "ends_on": date(2029, 12, 31),
        "budget_eur": 1200000,
        "focus_areas": ["energy-environment", "building-energy"],
        "sought_competences": ["energy-modelling", "digital-twins", "machine-learning"],
        "sought_kinds": ["research", "company"],
        "pilot_city": "Tartu",
        "pilot_site": "Annelinn",
        "is_open_for_joining": True,
        "search_days": 45,
        "lead": ("emajoe-soojus", ["andres.kivi@emajoe-soojus.example"]),
        "partners": [("taltech", ParticipantRole.RESEARCH, ["toomas.rebane@taltech-research.example"])],
        "requests": [
            (
                "taltech",
                REQUEST,
                ParticipantRole.RESEARCH,
                ACCEPTED,
                90,
                "toomas.rebane@taltech-research.example",
                "Meie energiatehnoloogia labor teeb sarnast mudelit Tallinnas.",
                "Tere tulemast!",
            ),
            (
                "baltic-grid-analytics",
                REQUEST,
                ParticipantRole.PARTNER,
                PENDING,
                5,
                "ilze.berzina@baltic-grid.example",
                "Prognoosime kolme Läti võrgu soojusvajadust ja tahaksime oma mudelid kaasa tuua.",
                "",
            ),
        ],
        "updates": [
            (40, "toomas.rebane@taltech-research.example", "Võrgu mudeli esimene versioon on valmis."),
        ],
    },
    {
        "slug": "nutikas-tanavavalgustus-rakveres",
        "title": "Nutikas tänavavalgustus Rakveres",
        "summary": "Valgustid, mis heledalt põlevad ainult siis, kui tänaval on liikujaid.",
        "description": (
            "Rakvere kesklinna 300 valgustit said liikumisandurid ja kaugjuhtimise. Projekt mõõdab aasta "
            "jooksul energiasäästu ja elanike rahulolu."
        ),
        "stage": Stage.RUNNING,
        "visibility": Visibility.PUBLIC,
        "starts_on": date(2026, 1, 1),
        "ends_on": date(2027, 6, 30),
        "budget_eur": 350000,
        "focus_areas": ["energy-environment", "public-services"],
        "sought_competences": ["smart-lighting"],
        "sought_kinds": [],
        "pilot_city": "Rakvere",
        "lead": ("nutivalgus", ["urmas.pold@nutivalgus.example"]),
        "partners": [("citysense", ParticipantRole.PARTNER, ["anna@citysense.example"])],
        "requests": [],
        "updates": [
            (15, "urmas.pold@nutivalgus.example", "Esimese kvartali tulemus: elektrit kulus **38 %** vähem."),
        ],
    },
    {
        "slug": "rattaringluse-kasutajauuring",
        "title": "Rattaringluse kasutajauuring",
        "summary": "Miks ja kuidas tartlased linnarattaid kasutavad ning mis neid veel takistab.",
        "description": (
            "Uuring küsitles 2 400 rattaringluse kasutajat ja 600 mittekasutajat.\n\n"
            "> Peamine takistus oli ohutu rattatee puudumine kodu lähedal.\n\n"
            "Aruanne on avaldatud linna kodulehel."
        ),
        "stage": Stage.COMPLETED,
        "visibility": Visibility.PUBLIC,
        "starts_on": date(2024, 3, 1),
        "ends_on": date(2025, 6, 30),
        "budget_eur": 90000,
        "focus_areas": ["mobility", "public-services"],
        "sought_competences": ["user-testing"],
        "sought_kinds": [],
        "lead": ("tartu-linn", ["kertu.kask@tartu-linn.example"]),
        "partners": [
            ("kasutajakeskus", ParticipantRole.PARTNER, ["triin.kuusemaa@kasutajakeskus.example"]),
            ("tartu-ulikool", ParticipantRole.RESEARCH, ["jaan@ut-research.example"]),
        ],
        "requests": [],
        "updates": [
            (500, "triin.kuusemaa@kasutajakeskus.example", "Küsitlus on lõppenud, vastuseid tuli 3 000."),
            (420, "kertu.kask@tartu-linn.example", "Lõpparuanne on avaldatud. Aitäh kõigile partneritele!"),
        ],
    },
    {
        "slug": "droonidega-lumekoristuse-seire",
        "title": "Droonidega lumekoristuse seire",
        "summary": "Droonid, mis näitavad, millised tänavad on pärast lumesadu veel koristamata.",
        "description": "Projekt jäi rahastuseta ja lõpetati. Droonide tehnoloogia on valmis uueks katseks.",
        "stage": Stage.CANCELLED,
        "visibility": Visibility.PUBLIC,
        "starts_on": date(2025, 11, 1),
        "focus_areas": ["public-services", "energy-environment"],
        "sought_competences": ["drones", "computer-vision"],
        "sought_kinds": ["public"],
        "pilot_city": "Narva",
        "partner_search_ends_on": date(2025, 10, 1),
        "lead": ("narova-robotics", ["dmitri.ivanov@narova-robotics.example"]),
        "partners": [],
        "requests": [
            (
                "vooremaa-vald",
                INVITATION,
                ParticipantRole.PILOT_SITE,
                WITHDRAWN,
                300,
                "dmitri.ivanov@narova-robotics.example",
                "Kas Vooremaa vald oleks pilootala?",
                "",
            ),
        ],
        "updates": [],
    },
    {
        "slug": "cross-border-air-quality-data-hub",
        "target_call": "interreg-lms-vaikeprojektid-targad-linnad",  # funding.demo_data.CALLS
        # Written in English by its Finnish lead; the pages mark it lang="en".
        "language": "en",
        "title": "Cross-border air quality data hub",
        "summary": "One open interface for air quality sensors in Helsinki, Tallinn and Tartu.",
        "description": (
            "CitySense and Õhuseire are building a shared **open data** interface for air quality sensors "
            "on both sides of the Gulf of Finland.\n\n"
            "We are looking for a **city** that publishes the data and a partner for data analytics."
        ),
        "stage": Stage.FORMING,
        "visibility": Visibility.PUBLIC,
        "starts_on": date(2027, 2, 1),
        "ends_on": date(2028, 12, 31),
        "budget_eur": 700000,
        "focus_areas": ["energy-environment", "ict-governance"],
        "sought_competences": ["open-data", "data-analytics", "iot-sensors"],
        "sought_kinds": ["public"],
        "pilot_city": "Tartu",
        "is_open_for_joining": True,
        "search_days": 90,
        "lead": ("citysense", ["anna@citysense.example"]),
        "partners": [("ohuseire", ParticipantRole.PARTNER, ["onne.ounap@ohuseire.example"])],
        "requests": [
            (
                "tartu-linn",
                INVITATION,
                ParticipantRole.PILOT_SITE,
                PENDING,
                3,
                "anna@citysense.example",
                "Kas Tartu linn avaldaks oma andurite andmed andmekeskuse kaudu?",
                "",
            ),
            (
                "tartu-mobility",
                INVITATION,
                ParticipantRole.PARTNER,
                PENDING,
                1,
                "anna@citysense.example",
                "Teie andmeanalüütikud saaksid siduda liiklusvood õhukvaliteediga.",
                "",
            ),
            (
                "andmeait",
                REQUEST,
                ParticipantRole.PARTNER,
                WITHDRAWN,
                25,
                "joosep.parn@andmeait.example",
                "Saame andmeid analüüsida.",
                "",
            ),
        ],
        "updates": [
            (10, "anna@citysense.example", "Liidese spetsifikatsiooni mustand ootab partnerite kommentaare."),
        ],
    },
    {
        "slug": "koolide-energiatohus-renoveerimine",
        "title": "Koolide energiatõhus renoveerimine",
        "summary": "Kolme maakooli renoveerimine liginullenergiahooneks, BIM-mudelist ehituseni.",
        "description": (
            "Energiasäästu Teaduskeskus juhib kolme koolihoone renoveerimist Vooremaa vallas.\n\n"
            "Hoonetest tehakse **BIM-mudelid** ja ehituse järel mõõdetakse energiatarvet kaks aastat."
        ),
        "stage": Stage.RUNNING,
        "visibility": Visibility.MEMBERS,
        "starts_on": date(2026, 4, 1),
        "ends_on": date(2028, 10, 31),
        "budget_eur": 2400000,
        "focus_areas": ["building-energy", "energy-environment"],
        "sought_competences": ["bim", "deep-renovation", "building-automation"],
        "sought_kinds": [],
        "pilot_city": "Jõgeva",
        "lead": ("energiasaastu-teaduskeskus", ["natalja.kuznetsova@energiasaast.example"]),
        "partners": [
            ("linnamudel", ParticipantRole.PARTNER, ["mart.kuusik@linnamudel.example"]),
            ("vooremaa-vald", ParticipantRole.PILOT_SITE, ["ylle.kivimagi@vooremaa.example"]),
        ],
        "requests": [],
        "updates": [
            (35, "mart.kuusik@linnamudel.example", "Kõigi kolme kooli BIM-mudelid on valmis."),
            (7, "ylle.kivimagi@vooremaa.example", "Ehitushange kuulutatakse välja järgmisel kuul."),
        ],
    },
    {
        "slug": "turismivoogude-reaalajas-kaart",
        "title": "Turismivoogude reaalajas kaart",
        "summary": "Pärnu rannas ja kesklinnas: kus on parasjagu rahvast palju ja kus vähe.",
        "description": (
            "Idee on näidata külastajatele ja linnale reaalajas, kui palju inimesi on eri paikades, et "
            "rahvahulgad jaguneksid ühtlasemalt.\n\nOtsime **andmeanalüütikat** ja ülikooli partnerit."
        ),
        "stage": Stage.IDEA,
        "visibility": Visibility.MEMBERS,
        "focus_areas": ["tourism", "mobility"],
        "sought_competences": ["visitor-analytics", "data-analytics", "mobile-apps"],
        "sought_kinds": ["research"],
        "pilot_city": "Pärnu",
        "is_open_for_joining": True,
        "search_days": None,
        "lead": ("rannarada", ["kristel.lill@rannarada.example"]),
        "partners": [],
        "requests": [
            (
                "andmeait",
                REQUEST,
                ParticipantRole.PARTNER,
                PENDING,
                8,
                "joosep.parn@andmeait.example",
                "Teeme külastajaanalüütikat Tartus; Pärnu andmed sobiksid meie mudelitesse hästi.",
                "",
            ),
        ],
        "updates": [],
    },
    {
        "slug": "accessible-e-health-at-home",
        "language": "en",
        "title": "Accessible e-health at home",
        "summary": "A tablet service that helps older people living alone keep in touch with their nurse.",
        "description": (
            "Mulgi Tervis is preparing a pilot in Viljandi county with 50 older people living alone.\n\n"
            "We are looking for:\n\n- a **research partner** for the evaluation;\n"
            "- an organisation of people with disabilities to test the service;\n- **test users**."
        ),
        "stage": Stage.FORMING,
        "visibility": Visibility.PUBLIC,
        "starts_on": date(2027, 4, 1),
        "ends_on": date(2028, 3, 31),
        "budget_eur": 210000,
        "focus_areas": ["health-welfare", "public-services"],
        "sought_competences": ["user-testing", "assistive-technology", "ux-design"],
        "sought_kinds": ["research", "other"],
        "pilot_city": "Viljandi",
        "needs_test_users": True,
        "is_open_for_joining": True,
        "search_days": 30,
        "lead": ("mulgi-tervis", ["helen.oja@mulgi-tervis.example"]),
        "partners": [("kasutajakeskus", ParticipantRole.TEST, ["triin.kuusemaa@kasutajakeskus.example"])],
        "requests": [
            (
                "tartu-ulikool",
                INVITATION,
                ParticipantRole.RESEARCH,
                DECLINED,
                20,
                "helen.oja@mulgi-tervis.example",
                "Kas teie e-tervise teadlased hindaksid pilooti?",
                "Kahjuks on meie meeskond 2028. aastani hõivatud.",
            ),
            (
                "nutilinna-kodanikud",
                REQUEST,
                ParticipantRole.TEST,
                PENDING,
                2,
                "kristiina.vaino@nutilinnakodanikud.example",
                "Meie vabatahtlikud saavad aidata eakatel tahvelarvuteid proovida.",
                "",
            ),
        ],
        "updates": [
            (9, "helen.oja@mulgi-tervis.example", "Esimene tahvelarvuti prototüüp läbis kasutatavustesti."),
        ],
    },
    {
        "slug": "elektribusside-laadimistaristu",
        "title": "Elektribusside laadimistaristu",
        "summary": "Kiirlaadijad Tartu linnaliinide lõpp-peatustesse ja nende mõju sõiduplaanidele.",
        "description": (
            "Projekt ehitas kuus kiirlaadijat linnaliinide lõpp-peatustesse ja töötas koos vedajaga välja "
            "laadimisgraafiku, mis ei pikenda sõiduplaane."
        ),
        "stage": Stage.COMPLETED,
        "visibility": Visibility.MEMBERS,
        "starts_on": date(2023, 5, 1),
        "ends_on": date(2025, 4, 30),
        "budget_eur": 1600000,
        "focus_areas": ["mobility", "energy-environment"],
        "sought_competences": ["ev-charging"],
        "sought_kinds": [],
        "pilot_city": "Tartu",
        "lead": ("rohetee", ["karl.sepp@rohetee.example"]),
        "partners": [
            ("tartu-linn", ParticipantRole.PILOT_SITE, ["rasmus.org@tartu-linn.example"]),
            ("taltech", ParticipantRole.RESEARCH, ["karin.lepp@taltech-research.example"]),
        ],
        "requests": [],
        "updates": [
            (600, "karl.sepp@rohetee.example", "Kõik kuus laadijat on töös."),
        ],
    },
]

PROJECT_FIELDS = [
    "title",
    "summary",
    "description",
    "language",
    "stage",
    "visibility",
    "starts_on",
    "ends_on",
    "budget_eur",
    "pilot_city",
    "pilot_site",
    "needs_test_users",
    "is_open_for_joining",
]


def seed_projects(*, scale=1):
    """The demo projects, with partners, requests, invitations and updates; `scale` adds more."""
    now = timezone.now()
    # Competence names are translated: keep the untranslated columns Estonian, as members do.
    with translation.override(settings.LANGUAGE_CODE):
        organisations = {row.slug: row for row in Organisation.objects.filter(slug__in=_organisation_slugs())}
        people = {row.email: row for row in User.objects.filter(email__in=_emails())}
        competences = {row.slug: row for row in Competence.objects.all()}
        focus_areas = {row.slug: row for row in FocusArea.objects.all()}
        # The calls some projects target (funding.demo seeds them first).
        calls = dict(Call.objects.filter(slug__in=_target_calls()).values_list("slug", "pk"))
        for data in PROJECTS:
            project = _seed_project(data, organisations=organisations, people=people, calls=calls, now=now)
            _seed_wishes(project, data, competences=competences, focus_areas=focus_areas)
            _seed_participants(project, data, organisations=organisations, people=people)
            _seed_requests(project, data, organisations=organisations, people=people, now=now)
            _seed_updates(project, data, organisations=organisations, people=people, now=now)
        if scale > 1:
            _seed_generated(scale, competences=list(competences.values()), focus_areas=list(focus_areas.values()))
    return _summary_lines()


def _target_calls():
    return {data["target_call"] for data in PROJECTS if "target_call" in data}


def _organisation_slugs():
    slugs = set()
    for data in PROJECTS:
        slugs.add(data["lead"][0])
        slugs.update(slug for slug, _role, _contacts in data["partners"])
        slugs.update(request[0] for request in data["requests"])
    return slugs


def _emails():
    emails = set()
    for data in PROJECTS:
        emails.update(data["lead"][1])
        for _slug, _role, contacts in data["partners"]:
            emails.update(contacts)
        emails.update(request[5] for request in data["requests"])
        emails.update(update[1] for update in data["updates"])
    return emails


def _seed_project(data, *, organisations, people, calls, now):
    values = {field: data.get(field, _default(field)) for field in PROJECT_FIELDS}
    values["target_call_id"] = calls.get(data.get("target_call"))
    project = Project.objects.filter(slug=data["slug"]).first()
    values["partner_search_ends_on"] = _search_ends_on(project, data, today=timezone.localdate(now))
    if project is None:
        lead_slug, lead_contacts = data["lead"]
        return Project.objects.create(slug=data["slug"], created_by=people[lead_contacts[0]], **values)
    changed = [field for field, value in values.items() if getattr(project, field) != value]
    if changed:
        for field in changed:
            setattr(project, field, values[field])
        project.save(update_fields=[*changed, "updated_at"])
    return project


def _default(field):
    return Project._meta.get_field(field).get_default()


def _search_ends_on(project, data, *, today):
    """An open search keeps its stored end date while that is still ahead; fixed dates would all pass."""
    if "partner_search_ends_on" in data:
        return data["partner_search_ends_on"]
    days = data.get("search_days")
    if not data.get("is_open_for_joining") or days is None:
        return None
    current = project and project.partner_search_ends_on
    if current is not None and current >= today:
        return current
    return today + timedelta(days=days)


def _seed_wishes(project, data, *, competences, focus_areas):
    wanted_areas = {focus_areas[slug].pk for slug in data["focus_areas"]}
    if set(project.focus_areas.values_list("pk", flat=True)) != wanted_areas:
        project.focus_areas.set(wanted_areas)
    wanted_competences = {competences[slug].pk for slug in data["sought_competences"]}
    if set(project.sought_competences.values_list("pk", flat=True)) != wanted_competences:
        project.sought_competences.set(wanted_competences)
    existing_kinds = set(project.sought_kinds.values_list("kind", flat=True))
    wanted_kinds = set(data["sought_kinds"])
    if existing_kinds != wanted_kinds:
        project.sought_kinds.exclude(kind__in=wanted_kinds).delete()
        SoughtKind.objects.bulk_create(
            [SoughtKind(project=project, kind=kind) for kind in wanted_kinds - existing_kinds]
        )


def _seed_participants(project, data, *, organisations, people):
    lead_slug, lead_contacts = data["lead"]
    existing = {row.organisation_id: row for row in project.participations.all()}
    for slug, role, contacts in [(lead_slug, ParticipantRole.LEAD, lead_contacts), *data["partners"]]:
        organisation = organisations[slug]
        if organisation.pk in existing:
            continue
        participation = Participation.objects.create(project=project, organisation=organisation, role=role)
        participation.contact_people.set([people[email] for email in contacts])


def _seed_requests(project, data, *, organisations, people, now):
    # Any status counts: a request answered in the demo since is not made again.
    existing = set(project.join_requests.values_list("organisation_id", "direction"))
    for slug, direction, role, status, days_ago, sender, message, note in data["requests"]:
        organisation = organisations[slug]
        if (organisation.pk, direction) in existing:
            continue
        sent = now - timedelta(days=days_ago)
        is_decided = status in (ACCEPTED, DECLINED)
        decider = _decider(data, direction=direction, slug=slug, people=people) if is_decided else None
        request = JoinRequest.objects.create(
            project=project,
            organisation=organisation,
            direction=direction,
            proposed_role=role,
            message=message,
            created_by=people[sender],
            status=status,
            decided_by=decider,
            decided_at=sent + timedelta(days=1) if status != PENDING else None,
            decision_note=note,
        )
        # created_at is auto_now_add: date the request back once, when it is first written.
        JoinRequest.objects.filter(pk=request.pk).update(created_at=sent)
        if status == PENDING:
            _seed_waiting_notifications(request, sent)


def _seed_waiting_notifications(request, sent):
    """The inbox rows a real request or invitation leaves with those who answer it (no e-mail in a demo)."""
    if request.direction == REQUEST:
        answering = next(
            (p.organisation for p in request.project.participations.all() if p.role == ParticipantRole.LEAD), None
        )
        kind = NotificationKind.REQUEST_RECEIVED
    else:
        answering, kind = request.organisation, NotificationKind.INVITATION_RECEIVED
    if answering is None:
        return
    target_type = ContentType.objects.get_for_model(Project)
    params = {"join_request": request.pk, "organisation": request.organisation_id}
    for person in people_to_notify(answering, admins_only=True):
        notification, _created = Notification.objects.get_or_create(
            recipient=person,
            kind=notification_key(kind),
            dedupe_key=f"join_request:{request.pk}",
            defaults={"target_type": target_type, "target_id": request.project_id, "params": params},
        )
        Notification.objects.filter(pk=notification.pk).update(created_at=sent)


def _decider(data, *, direction, slug, people):
    """A request is answered by the lead's first contact; an invitation by the invited organisation's admin."""
    if direction == REQUEST:
        return people[data["lead"][1][0]]
    admin = Membership.objects.filter(organisation__slug=slug, role=Role.ADMIN).select_related("user").first()
    return admin.user if admin else None


def _seed_updates(project, data, *, organisations, people, now):
    existing = set(project.updates.values_list("body", flat=True))
    organisation_of = {email: data["lead"][0] for email in data["lead"][1]}
    for slug, _role, contacts in data["partners"]:
        organisation_of.update(dict.fromkeys(contacts, slug))
    for days_ago, author, body in data["updates"]:
        if body in existing:
            continue
        update = ProjectUpdate.objects.create(
            project=project,
            author=people[author],
            organisation=organisations.get(organisation_of.get(author, "")),
            body=body,
        )
        ProjectUpdate.objects.filter(pk=update.pk).update(created_at=now - timedelta(days=days_ago))


def _summary_lines():
    open_count = Project.objects.open_for_partners().count()
    pending = JoinRequest.objects.filter(status=PENDING).count()
    lead = PROJECTS[0]
    return [
        f"  Projects: {Project.objects.count()} projects ({open_count} open for partners), "
        f"{Participation.objects.count()} participants, {JoinRequest.objects.count()} requests and invitations "
        f"({pending} pending), {ProjectUpdate.objects.count()} updates.",
        f"  Partner suggestions: /{settings.LANGUAGE_CODE}/projects/{lead['slug']}/suggestions/ "
        f"(as {lead['lead'][1][0]}).",
    ]


# --scale: generated projects, written in bulk.

GENERATED_STAGES = [Stage.IDEA, Stage.FORMING, Stage.FORMING, Stage.RUNNING, Stage.COMPLETED, Stage.CANCELLED]


def _seed_generated(scale, *, competences, focus_areas):
    """Add (scale − 1) × 12 projects, each led by an active organisation; skip what exists.

    bulk_create writes the many-to-many rows through the through models and sends no signal.
    """
    numbers = range(1, (scale - 1) * GENERATED_PER_SCALE + 1)
    existing = set(Project.objects.filter(slug__startswith=GENERATED_SLUG_PREFIX).values_list("slug", flat=True))
    numbers = [number for number in numbers if f"{GENERATED_SLUG_PREFIX}{number}" not in existing]
    if not numbers:
        return
    organisations = list(Organisation.objects.active().order_by("pk").values_list("pk", flat=True))
    if not organisations:
        return
    projects = Project.objects.bulk_create([_generated_project(number) for number in numbers], batch_size=BATCH_SIZE)
    kinds = list(OrganisationKind.values)
    FocusAreaLink = Project.focus_areas.through
    CompetenceLink = Project.sought_competences.through
    Participation.objects.bulk_create(
        [
            participation
            for number, project in zip(numbers, projects, strict=True)
            for participation in _generated_participations(number, project, organisations)
        ],
        batch_size=BATCH_SIZE,
    )
    FocusAreaLink.objects.bulk_create(
        [
            FocusAreaLink(project_id=project.pk, focusarea_id=area.pk)
            for number, project in zip(numbers, projects, strict=True)
            for area in _pick(focus_areas, start=number, count=1 + number % 2)
        ],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )
    CompetenceLink.objects.bulk_create(
        [
            CompetenceLink(project_id=project.pk, competence_id=competence.pk)
            for number, project in zip(numbers, projects, strict=True)
            for competence in _pick(competences, start=number * 5, count=1 + number % 3)
        ],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )
    SoughtKind.objects.bulk_create(
        [
            SoughtKind(project_id=project.pk, kind=kinds[number % len(kinds)])
            for number, project in zip(numbers, projects, strict=True)
        ],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )


def _generated_project(number):
    stage = GENERATED_STAGES[number % len(GENERATED_STAGES)]
    is_open = stage in (Stage.IDEA, Stage.FORMING)
    city = ["Tartu", "Tallinn", "Pärnu", "Narva", "Viljandi"][number % 5]
    title = f"Näidisprojekt {number}"
    summary = f"Genereeritud näidisprojekt portaali mõõtmiseks ({city})."
    return Project(
        slug=f"{GENERATED_SLUG_PREFIX}{number}",
        title=title,
        summary=summary,
        # bulk_create skips save(), which fills this column.
        search_text=search_text(title, summary),
        language="et",
        description=f"Näidisprojekt **{number}** on genereeritud, et mõõta portaali kiirust suure andmemahu korral.",
        stage=stage,
        visibility=[Visibility.PUBLIC, Visibility.MEMBERS][number % 2],
        pilot_city=city if number % 3 else "",
        is_open_for_joining=is_open,
    )


def _generated_participations(number, project, organisations):
    lead, partner = _pick(organisations, start=number * 7, count=2)
    rows = [Participation(project_id=project.pk, organisation_id=lead, role=ParticipantRole.LEAD)]
    if partner != lead:
        rows.append(Participation(project_id=project.pk, organisation_id=partner, role=ParticipantRole.PARTNER))
    return rows


def _pick(items, *, start, count):
    return list(islice(cycle(items), start % len(items), start % len(items) + count))
