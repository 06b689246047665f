"""The demo's funding programmes, calls and news, in Estonian and English.

Dates are offsets in days from the day the seeder runs, so each call keeps its status:
"opens" (None: open already, from a month back), "deadline" and "second" (None: rolling
intake / one stage), "published" (days ago the call was first published). Deadlines fall at
17:00 in the call's time zone. Programmes, focus areas and kinds of organisation are named by
slug and value.
"""

PROGRAMMES = [
    {
        "slug": "horizon-europe",
        "kind": "eu",
        "website": "https://research-and-innovation.ec.europa.eu/funding/funding-opportunities/funding-programmes-and-open-calls/horizon-europe_en",
        "name_et": "Euroopa horisont",
        "name_en": "Horizon Europe",
        "description_et": "Euroopa Liidu teadus- ja innovatsiooniprogramm aastateks 2021–2027. Linnade jaoks on "
        "olulisimad kliima-, energia- ja liikuvusvaldkonna (5. klaster) voorud ning "
        "kliimaneutraalsete linnade missioon.",
        "description_en": "The EU's research and innovation programme for 2021–2027. For cities, the calls of "
        "Cluster 5 (climate, energy and mobility) and the Climate-Neutral and Smart Cities Mission matter most.",
    },
    {
        "slug": "digital-europe",
        "kind": "eu",
        "website": "https://digital-strategy.ec.europa.eu/en/activities/digital-programme",
        "name_et": "Digitaalne Euroopa",
        "name_en": "Digital Europe Programme",
        "description_et": "Toetab digitehnoloogia kasutuselevõttu: andmeruumid, tehisintellekt, küberturve, "
        "digitaalsed kaksikud ja Euroopa digitaalse innovatsiooni keskused.",
        "description_en": "Funds the uptake of digital technology: data spaces, artificial intelligence, "
        "cybersecurity, digital twins and the European Digital Innovation Hubs.",
    },
    {
        "slug": "single-market-programme",
        "kind": "eu",
        "website": "https://eismea.ec.europa.eu/programmes/single-market-programme_en",
        "name_et": "Ühtse turu programm (COSME)",
        "name_en": "Single Market Programme (COSME)",
        "description_et": "Väikeste ja keskmise suurusega ettevõtete konkurentsivõime programm, mille kaudu "
        "rahastatakse ka klastrite koostööd (Euroklastrid).",
        "description_en": "The programme for the competitiveness of small and medium-sized enterprises, which "
        "also funds cooperation between clusters (Euroclusters).",
    },
    {
        "slug": "interreg-baltic-sea-region",
        "kind": "eu",
        "website": "https://interreg-baltic.eu/",
        "name_et": "Interreg Läänemere piirkonna programm",
        "name_en": "Interreg Baltic Sea Region",
        "description_et": "Rahvusvahelised koostööprojektid Läänemere riikide avaliku sektori, teadusasutuste ja "
        "ettevõtete vahel: innovaatilised ühiskonnad, vesi, kliimaneutraalne majandus.",
        "description_en": "Transnational cooperation projects between public authorities, research institutions and "
        "companies around the Baltic Sea: innovative societies, water, a climate-neutral economy.",
    },
    {
        "slug": "interreg-estonia-latvia",
        "kind": "eu",
        "website": "https://estlat.eu/",
        "name_et": "Interreg Eesti–Läti programm",
        "name_en": "Interreg Estonia–Latvia",
        "description_et": "Piiriülene koostöö Eesti ja Läti vahel: ühised avalikud teenused, ettevõtlus ja "
        "puhtam elukeskkond piirialadel.",
        "description_en": "Cross-border cooperation between Estonia and Latvia: shared public services, "
        "entrepreneurship and a cleaner environment in the border regions.",
    },
    {
        "slug": "eis",
        "kind": "national",
        "website": "https://eis.ee/",
        "name_et": "Ettevõtluse ja Innovatsiooni Sihtasutus (EIS)",
        "name_en": "Enterprise Estonia (EIS)",
        "description_et": "Eesti riiklikud ettevõtlus- ja innovatsioonitoetused: innovatsiooniosak, "
        "arendustoetused ja ekspordi toetamine.",
        "description_en": "Estonia's national enterprise and innovation grants: innovation vouchers, development "
        "grants and export support.",
    },
    {
        "slug": "tartu-arendusprogramm",
        "kind": "regional",
        "website": "https://www.tartu.ee/",
        "name_et": "Tartu linna ettevõtluse arendusprogramm",
        "name_en": "City of Tartu business development programme",
        "description_et": "Tartu linna toetused ettevõtetele, kes katsetavad linnaruumis uusi lahendusi.",
        "description_en": "Grants of the City of Tartu for companies that test new solutions in the city.",
    },
    {
        "slug": "baltic-urban-tech-fund",
        "kind": "private",
        "website": "https://urbantech.example/",
        "name_et": "Läänemere Linnatehnoloogia Fond",
        "name_en": "Baltic Urban Tech Fund",
        "description_et": "Riskikapitalifond, mis investeerib linnatehnoloogia, liikuvuse ja energeetika "
        "idufirmadesse Balti riikides ja Põhjamaades.",
        "description_en": "A venture capital fund that invests in urban-tech, mobility and energy start-ups in the "
        "Baltic and Nordic countries.",
    },
    {
        "slug": "estban",
        "kind": "private",
        "website": "https://estban.ee/",
        "name_et": "Eesti Äriinglite Võrgustik (EstBAN)",
        "name_en": "Estonian Business Angels Network (EstBAN)",
        "description_et": "Äriinglite võrgustik, mis tutvustab oma liikmetele varajases faasis ettevõtteid ja "
        "korraldab investeerimispäevi.",
        "description_en": "A network of business angels that introduces early-stage companies to its members and "
        "holds pitching days.",
    },
]

ALL_KINDS = []  # no kind listed: anyone may apply

CALLS = [
    # Forthcoming
    {
        "slug": "positiivse-energiaga-linnaosad-2027",
        "programme": "horizon-europe",
        "identifier": "HORIZON-CL5-2027-D4-01",
        "opens": 20,
        "deadline": 110,
        "published": 5,
        "budget_eur": 30000000,
        "funding_rate": 70,
        "eligible": ALL_KINDS,
        "focus_areas": ["building-energy", "energy-environment"],
        "title_et": "Positiivse energiabilansiga linnaosad",
        "title_en": "Positive clean energy districts",
        "summary_et": "Linnaosad, mis toodavad aastas rohkem taastuvenergiat, kui tarbivad: pilootalad vähemalt "
        "kahes linnas.",
        "summary_en": "Districts that produce more renewable energy in a year than they use: pilot areas in at "
        "least two cities.",
        "description_et": "Vooru eesmärk on näidata, kuidas olemasolevad linnaosad muutuvad **positiivse "
        "energiabilansiga** piirkondadeks.\n\n## Nõuded\n\n- vähemalt kaks pilootlinna eri liikmesriikidest;\n"
        "- hoonete renoveerimine koos kohaliku taastuvenergia ja salvestusega;\n- elanike kaasamine algusest "
        "peale.",
        "description_en": "The call shows how existing districts become **positive energy districts**.\n\n"
        "## Requirements\n\n- at least two pilot cities in different member states;\n- renovation of buildings "
        "together with local renewable energy and storage;\n- residents involved from the start.",
    },
    {
        "slug": "kohalikud-digitaalsed-kaksikud",
        "programme": "digital-europe",
        "identifier": "DIGITAL-2027-CLOUD-AI-08-TWINS",
        "opens": 35,
        "deadline": 140,
        "published": 2,
        "budget_eur": 12000000,
        "funding_rate": 50,
        "eligible": ["public", "research", "company"],
        "focus_areas": ["ict-governance", "public-services"],
        "title_et": "Kohalike omavalitsuste digitaalsed kaksikud",
        "title_en": "Local digital twins for municipalities",
        "summary_et": "Linnade digitaalsete kaksikute ühine tööriistakast ja selle kasutuselevõtt keskmise "
        "suurusega linnades.",
        "summary_en": "A shared toolbox for the digital twins of cities and its uptake in medium-sized cities.",
        "description_et": "Toetatakse linnu, kes ehitavad oma andmetele **digitaalse kaksiku** ning jagavad "
        "lahendusi teiste linnadega avatud liideste kaudu.\n\nEelistatud on konsortsiumid, kus osalevad nii "
        "linnad kui ka tehnoloogiaettevõtted.",
        "description_en": "The call supports cities that build a **digital twin** on their own data and share "
        "the solutions with other cities through open interfaces.\n\nConsortia that bring together cities and "
        "technology companies are preferred.",
    },
    # Open
    {
        "slug": "heitevaba-linnalogistika",
        "programme": "horizon-europe",
        "identifier": "HORIZON-CL5-2027-D6-01",
        "opens": -30,
        "deadline": 40,
        "second": 180,
        "published": 30,
        "budget_eur": 24000000,
        "funding_rate": 100,
        "eligible": ALL_KINDS,
        "focus_areas": ["mobility", "energy-environment"],
        "title_et": "Heitevaba linnalogistika (kaheetapiline voor)",
        "title_en": "Zero-emission urban logistics (two-stage call)",
        "summary_et": "Kaupade viimase miili vedu ilma heitmeteta: jaoturid, elektrilised kaubarattad ja "
        "andmepõhine planeerimine.",
        "summary_en": "Last-mile delivery of goods without emissions: hubs, electric cargo bikes and data-driven "
        "planning.",
        "description_et": "Kaheetapiline voor: esimeses etapis esitatakse **lühitaotlus** (10 lehekülge), "
        "edasipääsenud konsortsiumid esitavad teises etapis täistaotluse.\n\n## Oodatavad tulemused\n\n"
        "- vähemalt kolm linna katsetavad heitevaba kaubaveo lahendusi;\n- linnade ja vedajate ühine andmeruum;"
        "\n- lahenduste kordamise kava teistes linnades.",
        "description_en": "A two-stage call: a **short proposal** (10 pages) in the first stage; consortia that "
        "pass submit a full proposal in the second stage.\n\n## Expected outcomes\n\n- at least three cities "
        "trial zero-emission freight;\n- a shared data space of cities and carriers;\n- a plan to replicate the "
        "solutions in other cities.",
    },
    {
        "slug": "euroopa-digitaalse-innovatsiooni-keskused-linnadele",
        "programme": "digital-europe",
        "identifier": "DIGITAL-2027-EDIH-AC-03",
        "opens": -20,
        "deadline": 60,
        "published": 20,
        "budget_eur": 8000000,
        "funding_rate": 50,
        "eligible": ["support", "research"],
        "focus_areas": ["ict-governance"],
        "title_et": "Digitaalse innovatsiooni keskuste teenused omavalitsustele",
        "title_en": "Digital innovation hub services for local governments",
        "summary_et": "Keskused, mis aitavad omavalitsustel tehisintellekti ja andmeanalüütikat katsetada enne "
        "hankimist.",
        "summary_en": "Hubs that help local governments test artificial intelligence and data analytics before "
        "they buy.",
        "description_et": "Toetus katab **katsetamise enne investeerimist** teenuseid, koolitusi ja "
        "rahastusnõustamist.\n\nTaotlejaks sobivad tugiorganisatsioonid ja teadusasutused, kes juba osutavad "
        "sarnaseid teenuseid ettevõtetele.",
        "description_en": "The grant covers **test before invest** services, training and advice on "
        "finance.\n\nSupport organisations and research institutions that already offer such services to "
        "companies may apply.",
    },
    {
        "slug": "interreg-lms-vaikeprojektid-targad-linnad",
        "programme": "interreg-baltic-sea-region",
        "identifier": "BSR-SP-2027-02",
        "opens": -15,
        "deadline": 75,
        "published": 15,
        "budget_eur": 3000000,
        "funding_rate": 80,
        "eligible": ["public", "research", "support"],
        "focus_areas": ["ict-governance", "public-services", "energy-environment"],
        "title_et": "Väikeprojektid: targad ja rohelised linnad",
        "title_en": "Small projects: smart and green cities",
        "summary_et": "Kuni 500 000 euro suurused koostööprojektid, mis valmistavad ette suuremaid Läänemere "
        "piirkonna algatusi.",
        "summary_en": "Cooperation projects of up to €500,000 that prepare larger initiatives around the Baltic Sea.",
        "description_et": "Väikeprojektid kestavad kuni kaks aastat ja neis osaleb vähemalt kolm partnerit kolmest "
        "riigist.\n\n## Sobivad teemad\n\n- avalike teenuste ühine arendamine;\n- ringmajandus linnades;\n"
        "- kliimamuutustega kohanemine.",
        "description_en": "Small projects last up to two years with at least three partners from three "
        "countries.\n\n## Suitable topics\n\n- developing public services together;\n- a circular economy in "
        "cities;\n- adapting to climate change.",
    },
    {
        "slug": "innovatsiooniosak",
        "programme": "eis",
        "identifier": "EIS-INNO-OSAK",
        "deadline": None,
        "published": 60,
        "ticket_max_eur": 6000,
        "funding_rate": 80,
        "deadline_timezone": "Europe/Tallinn",
        "eligible": ["company"],
        "focus_areas": [],
        "title_et": "Innovatsiooniosak",
        "title_en": "Innovation voucher",
        "summary_et": "Kuni 6000 eurot ettevõttele, et osta teadusasutuselt või eksperdilt uuringut, "
        "katsetust või tootearenduse nõu.",
        "summary_en": "Up to €6,000 for a company to buy a study, a test or product development advice from a "
        "research institution or an expert.",
        "description_et": "Taotlusi võetakse vastu **jooksvalt**, kuni eelarvet jätkub. Omafinantseering on "
        "20 protsenti.\n\nOsak sobib hästi esimeseks sammuks koostöös ülikooliga.",
        "description_en": "Applications are accepted **on a rolling basis** while the budget lasts. The own "
        "contribution is 20 per cent.\n\nThe voucher is a good first step in working with a university.",
    },
    {
        "slug": "arenguhuppe-toetus",
        "programme": "eis",
        "identifier": "EIS-AH-2027",
        "opens": -45,
        "deadline": 30,
        "published": 45,
        "budget_eur": 15000000,
        "funding_rate": 50,
        "ticket_max_eur": 1000000,
        "deadline_timezone": "Europe/Tallinn",
        "eligible": ["company"],
        "focus_areas": ["mobility", "building-energy", "health-welfare"],
        "title_et": "Arenguhüppe toetus",
        "title_en": "Development leap grant",
        "summary_et": "Toetus ettevõtetele, kes viivad tootearenduse või tootmise uuele tasemele ja kasvatavad "
        "eksporti.",
        "summary_en": "A grant for companies that take product development or production to a new level and grow "
        "their exports.",
        "description_et": "Toetuse suurus on kuni **1 miljon eurot** ja see katab kuni poole projekti "
        "kuludest.\n\nTaotlusele lisatakse arengukava ja ekspordiplaan.",
        "description_en": "The grant is up to **€1 million** and covers up to half of the project's "
        "costs.\n\nThe application comes with a development plan and an export plan.",
    },
    {
        "slug": "tartu-nutilinna-piloodid",
        "programme": "tartu-arendusprogramm",
        "identifier": "TARTU-NUTI-2027",
        "opens": -10,
        "deadline": 50,
        "published": 10,
        "budget_eur": 200000,
        "funding_rate": 70,
        "ticket_max_eur": 40000,
        "deadline_timezone": "Europe/Tallinn",
        "eligible": ["company", "research"],
        "focus_areas": ["mobility", "public-services"],
        "title_et": "Tartu nutilinna piloodid",
        "title_en": "Tartu smart city pilots",
        "summary_et": "Tartu linn pakub linnaruumi ja kuni 40 000 eurot lahendustele, mida katsetatakse linnas "
        "vähemalt kuus kuud.",
        "summary_en": "The City of Tartu offers space in the city and up to €40,000 for solutions tested in the "
        "city for at least six months.",
        "description_et": "Linn ootab eelkõige **liikuvuse ja avalike teenuste** lahendusi: nutikad peatused, "
        "parkimise juhtimine, linnaruumi andurid.\n\nPilootala valitakse koos linna spetsialistidega.",
        "description_en": "The city looks above all for **mobility and public service** solutions: smart stops, "
        "parking management, sensors in public space.\n\nThe pilot site is chosen with the city's specialists.",
    },
    {
        "slug": "euroklastrid-2027",
        "programme": "single-market-programme",
        "identifier": "SMP-COSME-2027-CLUSTER-01",
        "opens": -25,
        "deadline": 90,
        "published": 25,
        "budget_eur": 42000000,
        "funding_rate": 75,
        "eligible": ["support"],
        "focus_areas": ["ict-governance", "tourism"],
        "title_et": "Euroklastrid: klastrite koostöö väikeettevõtete heaks",
        "title_en": "Euroclusters: clusters working together for small businesses",
        "summary_et": "Vähemalt kolme riigi klastrid pakuvad ühiselt tuge väikeettevõtete rohe- ja digipöördeks.",
        "summary_en": "Clusters from at least three countries jointly support the green and digital transition "
        "of small businesses.",
        "description_et": "Vähemalt **75 protsenti** eelarvest läheb otse väikeettevõtetele rahalise toe "
        "kujul.\n\nTaotlejad on klastriorganisatsioonid.",
        "description_en": "At least **75 per cent** of the budget goes straight to small businesses as "
        "financial support.\n\nApplicants are cluster organisations.",
    },
    # Closing soon
    {
        "slug": "eesti-lati-piiriulesed-teenused",
        "programme": "interreg-estonia-latvia",
        "identifier": "EST-LAT-2027-4",
        "opens": -70,
        "deadline": 9,
        "published": 70,
        "budget_eur": 2500000,
        "funding_rate": 80,
        "deadline_timezone": "Europe/Tallinn",
        "eligible": ["public", "support", "research"],
        "focus_areas": ["public-services", "health-welfare"],
        "title_et": "Piiriülesed avalikud teenused",
        "title_en": "Cross-border public services",
        "summary_et": "Valga–Valka ja teiste piirilinnade ühised teenused: tervishoid, ühistransport ja "
        "päästeteenistus.",
        "summary_en": "Shared services of Valga–Valka and other border towns: healthcare, public transport and "
        "rescue services.",
        "description_et": "Projektis osaleb vähemalt üks partner Eestist ja üks Lätist. Eelistatakse teenuseid, "
        "mis jäävad tööle ka pärast projekti lõppu.",
        "description_en": "A project has at least one partner from Estonia and one from Latvia. Services that "
        "keep running after the project ends are preferred.",
    },
    {
        "slug": "linnatervise-kaasamine",
        "programme": "horizon-europe",
        "identifier": "HORIZON-HLTH-2027-ENVHLTH-02",
        "opens": -90,
        "deadline": 3,
        "published": 90,
        "budget_eur": 18000000,
        "funding_rate": 100,
        "eligible": ALL_KINDS,
        "focus_areas": ["health-welfare"],
        "title_et": "Elanike kaasamine linnatervise parandamisse",
        "title_en": "Citizen engagement for healthier cities",
        "summary_et": "Uuringud ja piloodid, kus elanikud mõõdavad ise õhukvaliteeti, müra ja kuumust ning "
        "linn kasutab andmeid otsustes.",
        "summary_en": "Research and pilots in which residents measure air quality, noise and heat themselves and "
        "the city uses the data in its decisions.",
        "description_et": "Voor toetab **kodanikuteadust** ja selle tulemuste viimist linna otsustesse. "
        "Konsortsiumis peab olema vähemalt üks omavalitsus.",
        "description_en": "The call supports **citizen science** and bringing its results into city decisions. "
        "A consortium includes at least one municipality.",
    },
    {
        "slug": "ekspordi-turundustoetus",
        "programme": "eis",
        "identifier": "EIS-EXPORT-2027-1",
        "opens": -60,
        "deadline": 12,
        "published": 60,
        "budget_eur": 4000000,
        "funding_rate": 50,
        "ticket_max_eur": 100000,
        "deadline_timezone": "Europe/Tallinn",
        "eligible": ["company"],
        "focus_areas": ["tourism", "ict-governance"],
        "title_et": "Ekspordi turundustoetus",
        "title_en": "Export marketing grant",
        "summary_et": "Messidel osalemine, välisturgude uuringud ja müügiesindused: kuni 100 000 eurot "
        "ettevõtte kohta.",
        "summary_en": "Trade fairs, foreign market studies and sales offices: up to €100,000 per company.",
        "description_et": "Toetus katab pool ekspordi turunduse kuludest. Taotleja peab olema tegutsenud "
        "vähemalt kaks aastat.",
        "description_en": "The grant covers half of the costs of export marketing. The applicant must have been in "
        "business for at least two years.",
    },
    # Closed
    {
        "slug": "kliimaneutraalsed-linnad-2026",
        "programme": "horizon-europe",
        "identifier": "HORIZON-MISS-2026-CIT-01",
        "opens": -200,
        "deadline": -60,
        "published": 200,
        "budget_eur": 36000000,
        "funding_rate": 100,
        "eligible": ALL_KINDS,
        "focus_areas": ["energy-environment", "building-energy", "mobility"],
        "title_et": "Kliimaneutraalsete ja nutikate linnade missioon 2026",
        "title_en": "Climate-neutral and smart cities mission 2026",
        "summary_et": "Missiooni linnade kliimalepingute elluviimine: investeerimiskavad ja ühised piloodid.",
        "summary_en": "Putting the climate city contracts of the mission cities into practice: investment plans "
        "and joint pilots.",
        "description_et": "Voor on suletud. Järgmine missioonivoor avaneb eeldatavasti järgmise aasta kevadel.",
        "description_en": "The call is closed. The next mission call is expected to open next spring.",
    },
    {
        "slug": "pilv-ja-servtehnoloogia-avalikule-sektorile",
        "programme": "digital-europe",
        "identifier": "DIGITAL-2026-CLOUD-05-EDGE",
        "opens": -120,
        "deadline": -20,
        "published": 120,
        "budget_eur": 10000000,
        "funding_rate": 50,
        "eligible": ["public", "company"],
        "focus_areas": ["ict-governance"],
        "title_et": "Pilve- ja servtehnoloogia avalikule sektorile",
        "title_en": "Cloud-to-edge technology for public administrations",
        "summary_et": "Turvalised pilve- ja servlahendused, mis töötlevad linnaandurite andmeid lähedal.",
        "summary_en": "Secure cloud and edge solutions that process city sensor data close to where it is made.",
        "description_et": "Voor on suletud; tulemused avaldatakse kolme kuu jooksul pärast tähtaega.",
        "description_en": "The call is closed; results are published within three months of the deadline.",
    },
    {
        "slug": "interreg-lms-pohiprojektid-3",
        "programme": "interreg-baltic-sea-region",
        "identifier": "BSR-CORE-2026-3",
        "opens": -220,
        "deadline": -100,
        "second": -40,
        "published": 220,
        "budget_eur": 40000000,
        "funding_rate": 80,
        "eligible": ["public", "research", "support"],
        "focus_areas": ["energy-environment", "public-services"],
        "title_et": "Põhiprojektide 3. voor (kaheetapiline)",
        "title_en": "Core projects, call 3 (two-stage)",
        "summary_et": "Suured rahvusvahelised koostööprojektid, mille lahendused võetakse kasutusele kogu "
        "Läänemere piirkonnas.",
        "summary_en": "Large transnational cooperation projects whose solutions are taken up across the Baltic "
        "Sea region.",
        "description_et": "Mõlemad etapid on lõppenud. Teise etapi tulemused on programmi kodulehel.",
        "description_en": "Both stages are over. The results of the second stage are on the programme's website.",
    },
    # Rolling investor intake
    {
        "slug": "linnatehnoloogia-fondi-investeeringud",
        "programme": "baltic-urban-tech-fund",
        "identifier": "",
        "deadline": None,
        "published": 80,
        "ticket_min_eur": 250000,
        "ticket_max_eur": 2000000,
        "deadline_timezone": "Europe/Tallinn",
        "eligible": ["company"],
        "focus_areas": ["mobility", "energy-environment", "building-energy"],
        "title_et": "Eel- ja A-ringi investeeringud linnatehnoloogiasse",
        "title_en": "Seed and Series A investment in urban tech",
        "summary_et": "Fond investeerib 250 000 kuni 2 miljonit eurot ettevõtetesse, kellel on linnades juba "
        "esimesed kliendid.",
        "summary_en": "The fund invests €250,000 to €2 million in companies that already have their first city "
        "customers.",
        "description_et": "Fond võtab pakkumisi vastu **jooksvalt**, tähtaega ei ole. Saada lühitutvustus ja "
        "esitlus; vastame kahe nädala jooksul.",
        "description_en": "The fund takes pitches **on a rolling basis**; there is no deadline. Send a short "
        "introduction and a deck; we answer within two weeks.",
    },
    {
        "slug": "ariinglite-investeerimisringid",
        "programme": "estban",
        "identifier": "",
        "deadline": None,
        "published": 40,
        "ticket_min_eur": 25000,
        "ticket_max_eur": 300000,
        "deadline_timezone": "Europe/Tallinn",
        "eligible": ["company"],
        "focus_areas": [],
        "title_et": "Äriinglite investeerimisringid varajases faasis ettevõtetele",
        "title_en": "Angel rounds for early-stage companies",
        "summary_et": "Võrgustiku liikmed investeerivad ühiselt 25 000 kuni 300 000 eurot; investeerimispäevad "
        "toimuvad iga kuu.",
        "summary_en": "Members of the network invest €25,000 to €300,000 together; pitching days are held every month.",
        "description_et": "Ettevõtted saavad kandideerida **igal ajal**. Valitud ettevõtted esinevad järgmisel "
        "investeerimispäeval.",
        "description_en": "Companies may apply **at any time**. The ones chosen pitch at the next pitching day.",
    },
    # Draft
    {
        "slug": "tartu-rohelise-liikuvuse-valjakutse",
        "programme": "tartu-arendusprogramm",
        "identifier": "TARTU-ROHE-2027",
        "opens": 15,
        "deadline": 70,
        "state": "draft",
        "budget_eur": 150000,
        "funding_rate": 70,
        "deadline_timezone": "Europe/Tallinn",
        "eligible": ["company", "research", "support"],
        "focus_areas": ["mobility"],
        "title_et": "Tartu rohelise liikuvuse väljakutse 2027",
        "title_en": "Tartu green mobility challenge 2027",
        "summary_et": "Linn otsib lahendusi, mis vähendavad autosõite kesklinna (mustand, avaldatakse pärast "
        "volikogu otsust).",
        "summary_en": "The city looks for solutions that cut car trips into the centre (draft, published after "
        "the council decides).",
        "description_et": "Mustand: tingimused võivad veel muutuda.",
        "description_en": "Draft: the terms may still change.",
    },
]

# "published": hours ago; None is a draft and a negative number schedules it that many hours ahead.
NEWS = [
    {
        "slug": "klastri-aastakonverents-tartus",
        "published": 6,
        "featured": True,
        "focus_areas": ["ict-governance"],
        "title_et": "Klastri aastakonverents toob Tartusse 300 linnatehnoloogia tegijat",
        "title_en": "The cluster's annual conference brings 300 urban-tech people to Tartu",
        "summary_et": "Kahepäevasel konverentsil arutatakse linnade digitaalseid kaksikuid ja andmete jagamist.",
        "summary_en": "The two-day conference discusses digital twins of cities and sharing data.",
        "body_et": "Eesti nutilinnade klastri aastakonverents toimub Tartus Eesti Rahva Muuseumis.\n\n"
        "## Kavas\n\n- linnade digitaalsed kaksikud;\n- andmete jagamine linna ja ettevõtete vahel;\n"
        "- uute taotlusvoorude tutvustus.\n\nRegistreerumine on avatud kõigile liikmetele.",
        "body_en": "The Estonian Smart City Cluster's annual conference takes place in Tartu at the Estonian "
        "National Museum.\n\n## On the programme\n\n- digital twins of cities;\n- sharing data between the city "
        "and companies;\n- an introduction to new funding calls.\n\nRegistration is open to every member.",
    },
    {
        "slug": "uus-heitevaba-logistika-voor",
        "published": 30,
        "featured": True,
        "focus_areas": ["mobility"],
        "title_et": "Avanes heitevaba linnalogistika voor: otsime partnereid",
        "title_en": "Zero-emission urban logistics call opens: partners wanted",
        "summary_et": "Klaster aitab liikmetel konsortsiume moodustada; esimese etapi tähtaeg on kuue nädala pärast.",
        "summary_en": "The cluster helps members form consortia; the first-stage deadline is six weeks away.",
        "body_et": "Euroopa horisondi heitevaba linnalogistika voor on avatud. Klaster korraldab partnerite "
        "otsimiseks veebiseminari.\n\nKui sinu organisatsioon soovib osaleda, märgi voor portaalis jälgitavaks.",
        "body_en": "Horizon Europe's zero-emission urban logistics call is open. The cluster holds a webinar to "
        "find partners.\n\nIf your organisation wants to take part, follow the call on the portal.",
    },
    {
        "slug": "tartu-nutipeatuste-piloot-algas",
        "published": 72,
        "featured": False,
        "focus_areas": ["mobility", "public-services"],
        "title_et": "Tartus algas nutikate bussipeatuste piloot",
        "title_en": "Smart bus stop pilot starts in Tartu",
        "summary_et": "Kümnes ootepaviljonis loendavad andurid ootajaid ja annavad liinivedajale märku.",
        "summary_en": "Sensors in ten bus shelters count waiting passengers and alert the bus operator.",
        "body_et": "Piloot kestab kuus kuud. Andmeid töödeldakse nii, et üksikuid inimesi ei ole võimalik tuvastada.",
        "body_en": "The pilot runs for six months. The data is processed so that no individual can be identified.",
    },
    {
        "slug": "innovatsiooniosak-jatkub",
        "published": 24 * 6,
        "featured": False,
        "focus_areas": [],
        "title_et": "Innovatsiooniosaku taotlemine jätkub ka järgmisel aastal",
        "title_en": "Innovation vouchers continue next year",
        "summary_et": "EIS kinnitas, et osakut saab taotleda jooksvalt ka järgmisel aastal.",
        "summary_en": "Enterprise Estonia confirmed that vouchers can be applied for on a rolling basis next year too.",
        "body_et": "Osak on hea võimalus alustada koostööd ülikooli või teadusasutusega. Klastri töötajad "
        "aitavad sobiva partneri leida.",
        "body_en": "The voucher is a good way to start working with a university or research institution. The "
        "cluster's staff help find a suitable partner.",
    },
    {
        "slug": "energiatohusad-koolid-tulemused",
        "published": 24 * 12,
        "featured": False,
        "focus_areas": ["building-energy"],
        "title_et": "Koolide renoveerimine vähendas energiakulu kolmandiku võrra",
        "title_en": "Renovating schools cut energy use by a third",
        "summary_et": "Esimese aasta mõõtmised näitavad, et nutikas hooneautomaatika tasub end ära.",
        "summary_en": "Measurements from the first year show that smart building automation pays off.",
        "body_et": "Kolmes koolis paigaldati andurid ja uus ventilatsiooni juhtimine. Energiakulu vähenes "
        "keskmiselt 33 protsenti.",
        "body_en": "Sensors and new ventilation control were installed in three schools. Energy use fell by 33 "
        "per cent on average.",
    },
    {
        "slug": "turismivoogude-andmed-avatud",
        "published": 24 * 20,
        "featured": False,
        "focus_areas": ["tourism"],
        "title_et": "Turismivoogude andmed on nüüd avaandmetena kättesaadavad",
        "title_en": "Tourism flow data is now available as open data",
        "summary_et": "Linnad jagavad külastajate liikumise koondandmeid ettevõtetele ja teadlastele.",
        "summary_en": "Cities share aggregated data on how visitors move with companies and researchers.",
        "body_et": "Andmed uuenevad kord tunnis ja on kättesaadavad avatud liidese kaudu.",
        "body_en": "The data is updated every hour and available through an open interface.",
    },
    {
        "slug": "uued-liikmed-sugisel",
        "published": 24 * 30,
        "featured": False,
        "focus_areas": [],
        "title_et": "Klastriga liitus sügisel viis uut liiget",
        "title_en": "Five new members joined the cluster in the autumn",
        "summary_et": "Uute liikmete seas on kaks ülikoolist välja kasvanud ettevõtet ja üks omavalitsus.",
        "summary_en": "The new members include two university spin-offs and a municipality.",
        "body_et": "Tere tulemast! Uued liikmed leiab liikmete nimekirjast.",
        "body_en": "Welcome! The new members are in the list of members.",
    },
    {
        "slug": "ohukvaliteedi-andurid-koolides",
        "published": 24 * 45,
        "featured": False,
        "focus_areas": ["health-welfare", "energy-environment"],
        "title_et": "Koolide juurde paigaldati õhukvaliteedi andurid",
        "title_en": "Air quality sensors installed near schools",
        "summary_et": "Lapsevanemad näevad andmeid veebis ja linn kasutab neid liikluse planeerimisel.",
        "summary_en": "Parents see the data online and the city uses it to plan traffic.",
        "body_et": "Andurid mõõdavad peenosakesi ja lämmastikdioksiidi. Tulemused avaldatakse iga päev.",
        "body_en": "The sensors measure fine particles and nitrogen dioxide. The results are published every day.",
    },
    {
        "slug": "rahastusinfo-seminar-tulekul",
        "published": -72,
        "featured": True,
        "focus_areas": [],
        "title_et": "Rahastusvõimaluste infoseminar järgmisel nädalal",
        "title_en": "Funding information seminar next week",
        "summary_et": "Tutvustame eelseisvaid Euroopa ja riiklikke taotlusvoore ning vastame küsimustele.",
        "summary_en": "We introduce upcoming European and national calls and answer questions.",
        "body_et": "Seminar toimub veebis. Küsimusi võib saata ette klastri meiliaadressile.",
        "body_en": "The seminar is online. Questions may be sent in advance to the cluster's e-mail address.",
    },
    {
        "slug": "aastaaruanne-mustand",
        "published": None,
        "featured": False,
        "focus_areas": [],
        "title_et": "Klastri aastaaruanne (mustand)",
        "title_en": "The cluster's annual report (draft)",
        "summary_et": "Ülevaade aasta tegevustest ja projektidest.",
        "summary_en": "An overview of the year's activities and projects.",
        "body_et": "Mustand: täiendame aruannet enne avaldamist.",
        "body_en": "Draft: we complete the report before publishing it.",
    },
]

# The demo member's follows, saved search and digest.
DEMO_MEMBER = "mari@tartu-mobility.example"
DEMO_FOLLOWS = ["heitevaba-linnalogistika", "tartu-nutilinna-piloodid"]
DEMO_SAVED_SEARCH = ("Avatud liikuvusvoorud", "status=open&status=closing_soon&focus_area=mobility")
NEWS_AUTHOR = "staff@escc.example"
