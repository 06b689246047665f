"""The members part of the demo dataset, as plain data; members/demo.py writes it.

Every organisation, person and code here is fictional except the four founding partners'
names. Registry codes are 8 digits with a valid check digit in ranges the Estonian Business
Register has not issued (19…, 79…, 89…), so none of them is a real organisation's code.
Web and e-mail addresses use the reserved `.example` top-level domain.

In `people`, the first person of an organisation is its primary contact. Job titles,
motivations and rejection reasons have one language (the person's), as people type them.
"""

from datetime import date

# slug, English name, Estonian name
COMPETENCES = [
    ("computer-vision", "Computer vision", "Masinnägemine"),
    ("district-heating", "District heating", "Kaugküte"),
    ("mobile-apps", "Mobile apps", "Mobiilirakendused"),
    ("user-testing", "User testing", "Kasutajatestimine"),
    ("iot-sensors", "IoT sensors", "Asjade interneti andurid"),
    ("digital-twins", "Digital twins", "Digitaalsed kaksikud"),
    ("open-data", "Open data", "Avaandmed"),
    ("energy-modelling", "Energy modelling", "Energiamodelleerimine"),
    ("e-health", "E-health", "E-tervis"),
    ("smart-lighting", "Smart lighting", "Nutikas valgustus"),
    ("mobility-as-a-service", "Mobility as a service", "Liikuvus teenusena"),
    ("gis", "GIS and spatial data", "Geoinfosüsteemid ja ruumiandmed"),
    ("cybersecurity", "Cybersecurity", "Küberturve"),
    ("ux-design", "UX design", "Kasutajakogemuse disain"),
    ("bim", "Building information modelling (BIM)", "Ehitusinfo modelleerimine (BIM)"),
    ("data-analytics", "Data analytics", "Andmeanalüütika"),
    ("machine-learning", "Machine learning", "Masinõpe"),
    ("air-quality-monitoring", "Air quality monitoring", "Õhukvaliteedi seire"),
    ("public-transport-planning", "Public transport planning", "Ühistranspordi planeerimine"),
    ("ev-charging", "Electric vehicle charging", "Elektrisõidukite laadimine"),
    ("renewable-energy", "Renewable energy", "Taastuvenergia"),
    ("building-automation", "Building automation", "Hooneautomaatika"),
    ("deep-renovation", "Energy-efficient renovation", "Energiatõhus renoveerimine"),
    ("assistive-technology", "Assistive technology", "Abitehnoloogia"),
    ("parking-management", "Parking management", "Parkimiskorraldus"),
    ("waste-management", "Smart waste management", "Nutikas jäätmekäitlus"),
    ("stormwater-management", "Stormwater management", "Sademeveekäitlus"),
    ("co-creation", "Co-creation with residents", "Koosloome elanikega"),
    ("service-design", "Service design", "Teenusedisain"),
    ("e-government", "E-government services", "E-riigi teenused"),
    ("visitor-analytics", "Visitor analytics", "Külastajaanalüütika"),
    ("innovation-management", "Innovation management", "Innovatsioonijuhtimine"),
    ("eu-funding-advice", "EU funding advice", "Euroopa Liidu rahastuse nõustamine"),
    ("5g-networks", "5G networks", "5G-võrgud"),
    ("drones", "Drones", "Droonid"),
]

FOUNDING_PARTNERS = ["tartu-linn", "tartu-ulikool", "taltech", "balti-innovatsiooniagentuur"]

# Profiles confirmed longer ago than this many days count as stale (PROFILE_CONFIRMATION_PERIOD).
RECENT, STALE = 45, 430

ORGANISATIONS = [
    # The founding partners.
    {
        "slug": "tartu-linn",
        "name_et": "Tartu linn",
        "name_en": "City of Tartu",
        "kind": "public",
        "city": "Tartu",
        "country": "EE",
        "registry_code": "79001014",
        "website": "https://tartu-linn.example",
        "size_band": "250+",
        "founded_year": None,
        "short_description_et": (
            "Lõuna-Eesti suurim linn, mis katsetab nutilinna lahendusi koos elanike, ettevõtete ja teadlastega."
        ),
        "short_description_en": (
            "The largest city in southern Estonia, testing smart-city solutions together with residents, "
            "companies and researchers."
        ),
        "description_et": (
            "Tartu linn on klastri asutajaliige ja pakub ettevõtetele võimalust katsetada uusi lahendusi päris "
            "linnakeskkonnas. Linn on renoveerinud nõukogudeaegseid kortermaju liginullenergiahooneteks, rajanud "
            "rattaringluse ja avaldab linnaandmeid avaandmetena. Ootame partnereid, kes aitavad muuta "
            "linnateenused rohelisemaks ja elanikele mugavamaks."
        ),
        "description_en": (
            "The City of Tartu is a founding member of the cluster and lets companies test new solutions in a real "
            "urban environment. The city has renovated Soviet-era apartment blocks into nearly zero-energy "
            "buildings, built a bike-sharing system and publishes city data as open data. We are looking for "
            "partners who help make city services greener and more convenient for residents."
        ),
        "focus_areas": ["ict-governance", "mobility", "building-energy", "public-services"],
        "competences": ["open-data", "smart-lighting", "mobility-as-a-service", "co-creation", "e-government"],
        "contact_email": "nutilinn@tartu-linn.example",
        "contact_visibility": "public",
        "status": "active",
        "member_since": date(2016, 9, 1),
        "confirmed_days_ago": 20,
        "people": [
            ("kertu.kask@tartu-linn.example", "Kertu Kask", "et", "admin", "Nutilinna projektijuht"),
            ("rasmus.org@tartu-linn.example", "Rasmus Org", "et", "member", "Liikuvusspetsialist"),
        ],
    },
    {
        "slug": "tartu-ulikool",
        "name_et": "Tartu Ülikool",
        "name_en": "University of Tartu",
        "kind": "research",
        "city": "Tartu",
        "country": "EE",
        "registry_code": "79001020",
        "website": "https://ut-research.example",
        "size_band": "250+",
        "founded_year": 1632,
        "short_description_et": (
            "Eesti vanim ja suurim ülikool, mille teadlased uurivad linnaruumi, andmeteadust ja tervisetehnoloogiat."
        ),
        "short_description_en": (
            "Estonia's oldest and largest university, whose researchers study urban space, data science and "
            "health technology."
        ),
        "description_et": (
            "Tartu Ülikool on klastri asutajaliige ja selle teaduspartner. Ülikooli geograafid, arvutiteadlased ja "
            "meditsiiniteadlased teevad koostööd linnade ja ettevõtetega, et mõõta liikumismustreid, analüüsida "
            "mobiilpositsioneerimise andmeid ja arendada e-tervise teenuseid. Aitame klastri liikmetel koostada "
            "teadusprojekte ja leida üliõpilasi praktikale."
        ),
        "description_en": (
            "The University of Tartu is a founding member of the cluster and its research partner. The university's "
            "geographers, computer scientists and medical researchers work with cities and companies to measure "
            "mobility patterns, analyse mobile positioning data and develop e-health services. We help cluster "
            "members prepare research projects and find students for internships."
        ),
        "focus_areas": ["ict-governance", "health-welfare", "mobility", "energy-environment"],
        "competences": ["machine-learning", "data-analytics", "e-health", "gis", "user-testing"],
        "contact_email": "koostoo@ut-research.example",
        "contact_visibility": "public",
        "status": "active",
        "member_since": date(2016, 9, 1),
        "confirmed_days_ago": 75,
        "people": [
            ("piret.saar@ut-research.example", "Piret Saar", "et", "admin", "Teadusgrantide koordinaator"),
            ("jaan@ut-research.example", "Jaan Tamm", "et", "member", "Geoinformaatika teadur"),
            ("elena.rossi@ut-research.example", "Elena Rossi", "en", "member", "Postdoctoral Researcher"),
        ],
    },
    {
        "slug": "taltech",
        "name_et": "Tallinna Tehnikaülikool",
        "name_en": "Tallinn University of Technology",
        "kind": "research",
        "city": "Tallinn",
        "country": "EE",
        "registry_code": "79001037",
        "website": "https://taltech-research.example",
        "size_band": "250+",
        "founded_year": 1918,
        "short_description_et": (
            "Eesti ainus tehnikaülikool, mille teadlased arendavad energiatõhusaid hooneid, isejuhtivaid sõidukeid "
            "ja linnade digitaalseid kaksikuid."
        ),
        "short_description_en": (
            "Estonia's only technical university, whose researchers develop energy-efficient buildings, "
            "self-driving vehicles and digital twins of cities."
        ),
        "description_et": (
            "Tallinna Tehnikaülikool on klastri asutajaliige. Ülikooli nutika linna tippkeskus, hoonete "
            "energiatõhususe uurimisrühmad ja küberturbe teadlased aitavad ettevõtetel oma lahendusi katsetada ja "
            "mõõta. Ülikoolilinnak on katsekeskkond, kus saab proovida isejuhtivaid busse ja targa hoone juhtimist."
        ),
        "description_en": (
            "Tallinn University of Technology is a founding member of the cluster. The university's smart city "
            "centre of excellence, its building energy efficiency research groups and its cybersecurity researchers "
            "help companies test and measure their solutions. The campus is a test environment for self-driving "
            "buses and smart building control."
        ),
        "focus_areas": ["building-energy", "mobility", "energy-environment", "ict-governance"],
        "competences": ["energy-modelling", "digital-twins", "bim", "cybersecurity", "building-automation"],
        "contact_email": "innovatsioon@taltech-research.example",
        "contact_visibility": "public",
        "status": "active",
        "member_since": date(2016, 9, 1),
        "confirmed_days_ago": 120,
        "people": [
            ("toomas.rebane@taltech-research.example", "Toomas Rebane", "et", "admin", "Ettevõtluskoostöö juht"),
            (
                "karin.lepp@taltech-research.example",
                "Karin Lepp",
                "et",
                "member",
                "Hoonete energiatõhususe vanemteadur",
            ),
        ],
    },
    {
        "slug": "balti-innovatsiooniagentuur",
        "name_et": "Balti Innovatsiooniagentuur",
        "name_en": "Baltic Innovation Agency",
        "kind": "support",
        "city": "Tartu",
        "country": "EE",
        "registry_code": "89000010",
        "website": "https://balti-innovatsioon.example",
        "size_band": "10-49",
        "founded_year": 2004,
        "short_description_et": (
            "Klastrit koordineeriv innovatsiooniagentuur, mis aitab liikmetel leida partnereid ja rahastust."
        ),
        "short_description_en": (
            "The innovation agency that coordinates the cluster and helps members find partners and funding."
        ),
        "description_et": (
            "Balti Innovatsiooniagentuur on klastri asutajaliige ja koordinaator. Agentuur korraldab ühisüritusi, "
            "viib kokku ettevõtteid, linnu ja teadlasi ning aitab koostada taotlusi Euroopa Liidu programmidesse. "
            "Nõustame liikmeid ka ärimudelite ja rahvusvahelistumise küsimustes."
        ),
        "description_en": (
            "The Baltic Innovation Agency is a founding member and the coordinator of the cluster. The agency "
            "organises joint events, brings companies, cities and researchers together and helps prepare "
            "applications to European Union programmes. We also advise members on business models and on going "
            "international."
        ),
        "focus_areas": ["ict-governance", "energy-environment", "public-services", "tourism"],
        "competences": ["innovation-management", "eu-funding-advice", "service-design"],
        "contact_email": "klaster@balti-innovatsioon.example",
        "contact_visibility": "public",
        "status": "active",
        "member_since": date(2016, 9, 1),
        "confirmed_days_ago": 10,
        "people": [
            ("margit.allik@balti-innovatsioon.example", "Margit Allik", "et", "admin", "Klastrijuht"),
            ("sten.vaher@balti-innovatsioon.example", "Sten Vaher", "et", "member", "Rahastusnõustaja"),
        ],
    },
    # The demo personas' organisations.
    {
        "slug": "tartu-mobility",
        "name_et": "Tartu Liikuvus OÜ",
        "name_en": "Tartu Mobility Ltd",
        "kind": "company",
        "city": "Tartu",
        "country": "EE",
        "registry_code": "19000014",
        "website": "https://tartu-mobility.example",
        "size_band": "10-49",
        "founded_year": 2015,
        "short_description_et": (
            "Liikuvusteenuste ettevõte, mille rakendus ühendab bussid, linnarattad ja elektritõukerattad "
            "ühte piletisse."
        ),
        "short_description_en": (
            "A mobility services company whose app combines buses, city bikes and e-scooters in a single ticket."
        ),
        "description_et": (
            "Tartu Liikuvus OÜ arendab liikuvus teenusena platvormi, mis aitab linlastel valida kiireima ja "
            "keskkonnasõbralikuma teekonna. Meie mobiilirakendus ühendab ühistranspordi, jagatud rattad ja taksod "
            "ning annab linnale anonüümitud andmeid liiklusvoogude kohta. Otsime partnereid pilootprojektideks "
            "teistes Eesti linnades ning ülikoole, kellega koos andmeid analüüsida."
        ),
        "description_en": (
            "Tartu Mobility develops a mobility-as-a-service platform that helps residents choose the fastest and "
            "greenest route. Our mobile app combines public transport, shared bikes and taxis, and gives the city "
            "anonymised data on traffic flows. We are looking for partners for pilot projects in other Estonian "
            "cities and for universities to analyse the data with."
        ),
        "focus_areas": ["mobility", "ict-governance"],
        "competences": ["mobility-as-a-service", "mobile-apps", "public-transport-planning", "data-analytics"],
        "contact_email": "info@tartu-mobility.example",
        "contact_visibility": "public",
        "status": "active",
        "member_since": date(2018, 4, 1),
        "confirmed_days_ago": 30,
        "people": [
            ("mari@tartu-mobility.example", "Mari Maasikas", "et", "admin", "Tegevjuht"),
            ("priit.koppel@tartu-mobility.example", "Priit Koppel", "et", "member", "Tarkvaraarendaja"),
            ("laura.mets@tartu-mobility.example", "Laura Mets", "en", "member", "Data Analyst"),
        ],
    },
    {
        "slug": "citysense",
        "name_et": "CitySense Oy",
        "name_en": "CitySense Oy",
        "kind": "company",
        "city": "Helsinki",
        "country": "FI",
        "registry_code": None,
        "foreign_registration": "Y-tunnus 3914159-9",
        "website": "https://citysense.example",
        "size_band": "1-9",
        "founded_year": 2019,
        "short_description_et": "Soome ettevõte, mis mõõdab linnamüra ja õhukvaliteeti odavate andurivõrkudega.",
        "short_description_en": (
            "A Finnish company measuring urban noise and air quality with low-cost sensor networks."
        ),
        "description_et": (
            "CitySense Oy paigaldab linnadesse müra- ja õhukvaliteediandureid ning näitab mõõtmistulemusi "
            "reaalajas avalikul kaardil. Andurid edastavad andmeid 5G- ja LoRaWAN-võrgu kaudu ning linnaplaneerijad "
            "hindavad nende abil liikluse ja ehitustööde mõju. Klastri kaudu otsime Eestist pilootlinnu ja "
            "partnereid ühistesse Horisont Euroopa projektidesse."
        ),
        "description_en": (
            "CitySense installs noise and air quality sensors in cities and shows the measurements in real time on "
            "a public map. The sensors send their data over 5G and LoRaWAN networks, and city planners use them to "
            "assess the impact of traffic and construction works. Through the cluster we are looking for pilot "
            "cities in Estonia and partners for joint Horizon Europe projects."
        ),
        "focus_areas": ["energy-environment", "health-welfare", "ict-governance"],
        "competences": ["iot-sensors", "data-analytics", "open-data", "5g-networks"],
        "contact_email": "hello@citysense.example",
        "contact_visibility": "members",
        "status": "active",
        "member_since": date(2026, 3, 16),
        "status_changed_at": (2026, 3, 16),
        "confirmed_days_ago": 60,
        "people": [
            ("anna@citysense.example", "Anna Smith", "en", "admin", "Chief Executive Officer"),
            ("mikko.virtanen@citysense.example", "Mikko Virtanen", "en", "member", "Hardware Engineer"),
        ],
    },
    # Companies.
    {
        "slug": "ohuseire",
        "name_et": "Õhuseire OÜ",
        "name_en": "Õhuseire Ltd",
        "kind": "company",
        "city": "Tartu",
        "country": "EE",
        "registry_code": "19000020",
        "website": "https://ohuseire.example",
        "size_band": "1-9",
        "founded_year": 2018,
        "short_description_et": "Õhukvaliteedi andurid ja andmeteenus linnadele, koolidele ning tööstusettevõtetele.",
        "short_description_en": "Air quality sensors and a data service for cities, schools and industrial companies.",
        "description_et": (
            "Õhuseire OÜ toodab päikesepaneeliga õhukvaliteedi andureid, mis mõõdavad peenosakesi, "
            "lämmastikdioksiidi ja süsihappegaasi. Andmed jõuavad pilvepõhisele töölauale ning avaandmetena ka "
            "linnade andmeportaalidesse. Oleme paigaldanud andureid Tartu koolide ümbrusse ja otsime partnereid "
            "terviseuuringuteks."
        ),
        "description_en": (
            "Õhuseire makes solar-powered air quality sensors that measure particulate matter, nitrogen dioxide and "
            "carbon dioxide. The data goes to a cloud dashboard and, as open data, to city data portals. We have "
            "installed sensors around schools in Tartu and are looking for partners for health studies."
        ),
        "focus_areas": ["energy-environment", "health-welfare"],
        "competences": ["air-quality-monitoring", "iot-sensors", "open-data"],
        "contact_email": "info@ohuseire.example",
        "contact_visibility": "members",
        "status": "active",
        "member_since": date(2019, 2, 1),
        "confirmed_days_ago": 90,
        "people": [
            ("onne.ounap@ohuseire.example", "Õnne Õunap", "et", "admin", "Juhatuse liige"),
            ("markus.raud@ohuseire.example", "Markus Raud", "et", "member", "Riistvarainsener"),
        ],
    },
    {
        "slug": "emajoe-soojus",
        "name_et": "Emajõe Soojus AS",
        "name_en": "Emajõe Heat Ltd",
        "kind": "company",
        "city": "Tartu",
        "country": "EE",
        "registry_code": "19000037",
        "website": "https://emajoe-soojus.example",
        "size_band": "50-249",
        "founded_year": 1996,
        "short_description_et": "Kaugkütte- ja kaugjahutusettevõte, mis toodab soojust biomassist ja heitsoojusest.",
        "short_description_en": "A district heating and cooling company producing heat from biomass and waste heat.",
        "description_et": (
            "Emajõe Soojus AS varustab soojusega üle 600 kortermaja ja ärihoone. Oleme ehitanud jõeveel töötava "
            "kaugjahutusvõrgu ja kogume andmekeskuste heitsoojust. Koos ülikoolidega arendame soojusvõrgu "
            "digitaalset kaksikut, mis aitab koormust ette prognoosida."
        ),
        "description_en": (
            "Emajõe Heat supplies heat to more than 600 apartment blocks and commercial buildings. We have built a "
            "district cooling network that uses river water, and we recover waste heat from data centres. Together "
            "with universities we are developing a digital twin of the heating network that helps forecast the load."
        ),
        "focus_areas": ["energy-environment", "building-energy"],
        "competences": ["district-heating", "energy-modelling", "renewable-energy", "digital-twins"],
        "contact_email": "info@emajoe-soojus.example",
        "contact_visibility": "public",
        "status": "active",
        "member_since": date(2017, 1, 15),
        "confirmed_days_ago": 150,
        "people": [
            ("andres.kivi@emajoe-soojus.example", "Andres Kivi", "et", "admin", "Arendusjuht"),
            ("tiina.nurk@emajoe-soojus.example", "Tiina Nurk", "et", "member", "Energiainsener"),
        ],
    },
    {
        "slug": "nutivalgus",
        "name_et": "Nutivalgus OÜ",
        "name_en": "Nutivalgus Smart Lighting Ltd",
        "kind": "company",
        "city": "Rakvere",
        "country": "EE",
        "registry_code": "19000043",
        "website": "https://nutivalgus.example",
        "size_band": "10-49",
        "founded_year": 2012,
        "short_description_et": (
            "Nutika tänavavalgustuse juhtimissüsteemid, mis säästavad energiat ja muudavad teed turvalisemaks."
        ),
        "short_description_en": "Smart street lighting control systems that save energy and make roads safer.",
        "description_et": (
            "Nutivalgus OÜ projekteerib ja paigaldab LED-tänavavalgustust, mis reageerib liikumisele ja ilmastikule. "
            "Juhtimissüsteem vähendab valgustuse energiakulu kuni 70 protsenti ja teatab riketest automaatselt. "
            "Meie lahendusi kasutavad mitu Lääne-Virumaa valda ning otsime partnereid valgustipostidele "
            "paigaldatavate andurite arendamiseks."
        ),
        "description_en": (
            "Nutivalgus designs and installs LED street lighting that responds to movement and weather. The control "
            "system cuts the energy use of lighting by up to 70 per cent and reports faults automatically. Several "
            "municipalities in Lääne-Viru County use our solutions, and we are looking for partners to develop "
            "sensors mounted on lamp posts."
        ),
        "focus_areas": ["energy-environment", "public-services", "building-energy"],
        "competences": ["smart-lighting", "iot-sensors", "building-automation"],
        "contact_email": "info@nutivalgus.example",
        "contact_visibility": "public",
        "status": "active",
        "member_since": date(2017, 5, 1),
        "confirmed_days_ago": STALE,
        "people": [
            ("urmas.pold@nutivalgus.example", "Urmas Põld", "et", "admin", "Tegevjuht"),
        ],
    },
    {
        "slug": "rannarada",
        "name_et": "Rannarada OÜ",
        "name_en": "Rannarada Travel Tech Ltd",
        "kind": "company",
        "city": "Pärnu",
        "country": "EE",
        "registry_code": "19000057",
        "website": "https://rannarada.example",
        "size_band": "1-9",
        "founded_year": 2020,
        "short_description_et": (
            "Pärnu rannapiirkonna reisirakendus, mis soovitab külastajatele vähem rahvarohkeid paiku ja aegu."
        ),
        "short_description_en": (
            "A travel app for the Pärnu coast that suggests less crowded places and times to visitors."
        ),
        "description_et": (
            "Rannarada OÜ mobiilirakendus aitab turistidel planeerida puhkust Pärnus ja selle ümbruses. Rakendus "
            "hindab anonüümsete andmete põhjal, kui rahvarohked on rannad ja muuseumid, ning soovitab alternatiive. "
            "Teeme koostööd majutusasutuste ja linnaga, et külastajate vooge ühtlasemalt jaotada."
        ),
        "description_en": (
            "Rannarada's mobile app helps tourists plan their holiday in and around Pärnu. Based on anonymous data, "
            "the app estimates how crowded beaches and museums are and suggests alternatives. We work with "
            "accommodation providers and the city to spread visitor flows more evenly."
        ),
        "focus_areas": ["tourism", "mobility"],
        "competences": ["mobile-apps", "visitor-analytics", "ux-design"],
        "contact_email": "tere@rannarada.example",
        "contact_visibility": "members",
        "status": "active",
        "member_since": date(2021, 6, 1),
        "confirmed_days_ago": 200,
        "people": [
            ("kristel.lill@rannarada.example", "Kristel Lill", "et", "admin", "Asutaja"),
            ("oliver.hunt@rannarada.example", "Oliver Hunt", "en", "member", "Mobile Developer"),
        ],
    },
    {
        "slug": "narova-robotics",
        "name_et": "Narova Robotics OÜ",
        "name_en": "Narova Robotics Ltd",
        "kind": "company",
        "city": "Narva",
        "country": "EE",
        "registry_code": "19000066",
        "website": "https://narova-robotics.example",
        "size_band": "10-49",
        "founded_year": 2017,
        "short_description_et": "Droonid ja masinnägemine elektriliinide, katuste ja sildade ülevaatuseks.",
        "short_description_en": "Drones and computer vision for inspecting power lines, roofs and bridges.",
        "description_et": (
            "Narova Robotics OÜ arendab droone, mis vaatavad taristu üle automaatselt ja ohutult. Masinnägemise "
            "mudelid leiavad fotodelt pragusid, korrosiooni ja soojuslekkeid ning koostavad hooldusmeeskonnale "
            "aruande. Ida-Virumaa ettevõttena toetame piirkonna õiglast üleminekut uutele tehnoloogiatele."
        ),
        "description_en": (
            "Narova Robotics develops drones that inspect infrastructure automatically and safely. Computer vision "
            "models find cracks, corrosion and heat leaks in the images and prepare a report for the maintenance "
            "team. As a company from Ida-Viru County we support the region's just transition to new technologies."
        ),
        "focus_areas": ["energy-environment", "ict-governance"],
        "competences": ["drones", "computer-vision", "machine-learning"],
        "contact_email": "info@narova-robotics.example",
        "contact_visibility": "members",
        "status": "active",
        "member_since": date(2020, 10, 1),
        "confirmed_days_ago": 100,
        "people": [
            ("dmitri.ivanov@narova-robotics.example", "Dmitri Ivanov", "en", "admin", "Technical Director"),
            ("jelena.smirnova@narova-robotics.example", "Jelena Smirnova", "et", "member", "Masinõppe insener"),
        ],
    },
    {
        "slug": "mulgi-tervis",
        "name_et": "Mulgi Tervis OÜ",
        "name_en": "Mulgi Health Tech Ltd",
        "kind": "company",
        "city": "Viljandi",
        "country": "EE",
        "registry_code": "19000072",
        "website": "https://mulgi-tervis.example",
        "size_band": "1-9",
        "founded_year": 2021,
        "short_description_et": "Kaugseire lahendus, mis aitab eakatel kauem iseseisvalt kodus elada.",
        "short_description_en": (
            "A remote monitoring solution that helps older people live independently at home for longer."
        ),
        "description_et": (
            "Mulgi Tervis OÜ ühendab kodused andurid, nutikella ja hooldustöötaja mobiilirakenduse üheks teenuseks. "
            "Kui eakas kukub või tema tavapärane päevarütm muutub, saab lähedane või sotsiaaltöötaja kohe teate. "
            "Teenust katsetatakse Viljandimaa koduhoolduses ja otsime omavalitsusi, kes sooviksid liituda."
        ),
        "description_en": (
            "Mulgi Health Tech combines home sensors, a smartwatch and a care worker's mobile app into one service. "
            "If an older person falls or their usual daily rhythm changes, a relative or social worker is notified "
            "at once. The service is being piloted in home care in Viljandi County, and we are looking for "
            "municipalities that would like to join."
        ),
        "focus_areas": ["health-welfare", "public-services"],
        "competences": ["e-health", "assistive-technology", "mobile-apps"],
        "contact_email": "info@mulgi-tervis.example",
        "contact_visibility": "public",
        "status": "active",
        "member_since": date(2022, 3, 1),
        "confirmed_days_ago": 40,
        "people": [
            ("helen.oja@mulgi-tervis.example", "Helen Oja", "et", "admin", "Tegevjuht"),
            ("meelis.kuusk@mulgi-tervis.example", "Meelis Kuusk", "et", "member", "Tooteomanik"),
        ],
    },
    {
        "slug": "kubersild",
        "name_et": "Kübersild OÜ",
        "name_en": "Cyberbridge Ltd",
        "kind": "company",
        "city": "Tallinn",
        "country": "EE",
        "registry_code": "19000089",
        "website": "https://kubersild.example",
        "size_band": "10-49",
        "founded_year": 2016,
        "short_description_et": (
            "Küberturbe auditid ja koolitused omavalitsustele ning elutähtsate teenuste osutajatele."
        ),
        "short_description_en": (
            "Cybersecurity audits and training for local governments and critical service providers."
        ),
        "description_et": (
            "Kübersild OÜ aitab omavalitsustel ja kommunaalettevõtetel kaitsta oma infosüsteeme ja linnaandureid. "
            "Teeme turvateste, koostame riskianalüüse ja õpetame ametnikke küberintsidentidele reageerima. Klastris "
            "jagame kogemusi, kuidas nutilinna lahendusi turvaliselt hankida."
        ),
        "description_en": (
            "Cyberbridge helps local governments and utilities protect their information systems and city sensors. "
            "We carry out security testing, prepare risk analyses and train officials to respond to cyber incidents. "
            "In the cluster we share our experience of procuring smart-city solutions securely."
        ),
        "focus_areas": ["ict-governance", "public-services"],
        "competences": ["cybersecurity", "e-government", "data-analytics"],
        "contact_email": "info@kubersild.example",
        "contact_visibility": "members",
        "status": "active",
        "member_since": date(2019, 9, 1),
        "confirmed_days_ago": 15,
        "people": [
            ("siim.laur@kubersild.example", "Siim Laur", "et", "admin", "Juhatuse esimees"),
            ("maria.garcia@kubersild.example", "María García", "en", "member", "Security Analyst"),
        ],
    },
    {
        "slug": "linnamudel",
        "name_et": "Linnamudel OÜ",
        "name_en": "CityModel Ltd",
        "kind": "company",
        "city": "Tallinn",
        "country": "EE",
        "registry_code": "19000095",
        "website": "https://linnamudel.example",
        "size_band": "10-49",
        "founded_year": 2014,
        "short_description_et": (
            "Linnade 3D-mudelid ja digitaalsed kaksikud planeerimiseks ning ehituslubade menetlemiseks."
        ),
        "short_description_en": "3D city models and digital twins for planning and for processing building permits.",
        "description_et": (
            "Linnamudel OÜ loob laserskaneerimise ja ehitusinfo mudelite põhjal linnade digitaalseid kaksikuid. "
            "Planeerijad näevad mudelist, kuidas uus hoone mõjutab varju, tuult ja liiklust, ning elanikud saavad "
            "planeeringutele veebis tagasisidet anda. Meie platvorm on ühendatud riiklike registrite ja "
            "avaandmetega."
        ),
        "description_en": (
            "CityModel creates digital twins of cities from laser scanning and building information models. "
            "Planners can see in the model how a new building affects shade, wind and traffic, and residents can "
            "comment on plans online. Our platform is connected to national registers and open data."
        ),
        "focus_areas": ["ict-governance", "building-energy", "public-services"],
        "competences": ["digital-twins", "gis", "bim", "open-data"],
        "contact_email": "info@linnamudel.example",
        "contact_visibility": "public",
        "status": "active",
        "member_since": date(2017, 11, 1),
        "confirmed_days_ago": 50,
        "people": [
            ("mart.kuusik@linnamudel.example", "Mart Kuusik", "et", "admin", "Tegevjuht"),
            ("eva.talvik@linnamudel.example", "Eva Talvik", "et", "member", "GIS-analüütik"),
            ("james.wright@linnamudel.example", "James Wright", "en", "member", "3D Developer"),
        ],
    },
    {
        "slug": "rohetee",
        "name_et": "Rohetee Laadimine AS",
        "name_en": "Rohetee Charging Ltd",
        "kind": "company",
        "city": "Tallinn",
        "country": "EE",
        "registry_code": "19000103",
        "website": "https://rohetee.example",
        "size_band": "50-249",
        "founded_year": 2013,
        "short_description_et": "Elektriautode kiirlaadimisvõrk üle Eesti, mida toidab taastuvenergia.",
        "short_description_en": (
            "A fast-charging network for electric cars across Estonia, powered by renewable energy."
        ),
        "description_et": (
            "Rohetee Laadimine AS haldab üle 150 kiirlaadija tanklates, kaubanduskeskustes ja kortermajade "
            "parklates. Nutikas laadimine nihutab laadimise odavama ja rohelisema elektri tundidesse ning vähendab "
            "võrgu tippkoormust. Otsime linnu ja korteriühistuid, kellega koos laadimistaristut rajada."
        ),
        "description_en": (
            "Rohetee Charging operates more than 150 fast chargers at filling stations, shopping centres and "
            "apartment block car parks. Smart charging shifts charging to hours with cheaper and greener electricity "
            "and reduces peak load on the grid. We are looking for cities and housing associations to build "
            "charging infrastructure with."
        ),
        "focus_areas": ["mobility", "energy-environment"],
        "competences": ["ev-charging", "renewable-energy", "mobile-apps"],
        "contact_email": "partnerid@rohetee.example",
        "contact_visibility": "public",
        "status": "active",
        "member_since": date(2018, 8, 1),
        "confirmed_days_ago": 70,
        "people": [
            ("karl.sepp@rohetee.example", "Karl Sepp", "et", "admin", "Äriarendusjuht"),
            ("anu.raudsepp@rohetee.example", "Anu Raudsepp", "et", "member", "Partnerlussuhete juht"),
        ],
    },
    {
        "slug": "kasutajakeskus",
        "name_et": "Kasutajakeskus OÜ",
        "name_en": "Kasutajakeskus UX Studio Ltd",
        "kind": "company",
        "city": "Tartu",
        "country": "EE",
        "registry_code": "19000111",
        "website": "https://kasutajakeskus.example",
        "size_band": "1-9",
        "founded_year": 2019,
        "short_description_et": "Teenusedisaini ja kasutajatestimise stuudio avaliku sektori e-teenustele.",
        "short_description_en": "A service design and user testing studio for public sector e-services.",
        "description_et": (
            "Kasutajakeskus OÜ aitab riigiasutustel ja omavalitsustel luua e-teenuseid, millest inimesed saavad aru "
            "esimesel korral. Korraldame kasutajatestimisi, intervjuusid ja koosloome töötubasid ning kontrollime "
            "teenuste ligipääsetavust. Oleme klastri elava labori partner ja aitame liikmetel prototüüpe "
            "testkasutajatega katsetada."
        ),
        "description_en": (
            "Kasutajakeskus helps government agencies and local authorities build e-services that people "
            "understand the first time. We run user tests, interviews and co-creation workshops and check services "
            "for accessibility. We are a partner of the cluster's living lab and help members test prototypes with "
            "test users."
        ),
        "focus_areas": ["public-services", "health-welfare", "ict-governance"],
        "competences": ["ux-design", "user-testing", "service-design", "co-creation"],
        "contact_email": "tere@kasutajakeskus.example",
        "contact_visibility": "public",
        "status": "active",
        "member_since": date(2020, 2, 1),
        "confirmed_days_ago": 25,
        "people": [
            ("triin.kuusemaa@kasutajakeskus.example", "Triin Kuusemaa", "et", "admin", "Teenusedisainer"),
        ],
    },
    {
        "slug": "andmeait",
        "name_et": "Andmeait OÜ",
        "name_en": "Andmeait Data Ltd",
        "kind": "company",
        "city": "Tartu",
        "country": "EE",
        "registry_code": "19000126",
        "website": "https://andmeait.example",
        "size_band": "10-49",
        "founded_year": 2016,
        "short_description_et": "Andmeanalüütika ja masinõppe teenused linnadele ning turismiettevõtetele.",
        "short_description_en": "Data analytics and machine learning services for cities and tourism businesses.",
        "description_et": (
            "Andmeait OÜ koondab liikluse, ilmastiku, mobiilpositsioneerimise ja kaardimaksete andmed ühte "
            "andmeaita. Masinõppe mudelid prognoosivad külastajate arvu, ühistranspordi täituvust ja "
            "parkimiskohtade nõudlust. Nõustame linnu ka avaandmete avaldamisel."
        ),
        "description_en": (
            "Andmeait brings traffic, weather, mobile positioning and card payment data together in one data "
            "warehouse. Machine learning models forecast visitor numbers, public transport occupancy and demand for "
            "parking. We also advise cities on publishing open data."
        ),
        "focus_areas": ["ict-governance", "mobility", "tourism"],
        "competences": ["data-analytics", "machine-learning", "open-data", "visitor-analytics"],
        "contact_email": "info@andmeait.example",
        "contact_visibility": "members",
        "status": "active",
        "member_since": date(2018, 1, 10),
        "confirmed_days_ago": STALE + 120,
        "people": [
            ("joosep.parn@andmeait.example", "Joosep Pärn", "et", "admin", "Andmeteaduse juht"),
            ("kaisa.lind@andmeait.example", "Kaisa Lind", "et", "member", "Andmeinsener"),
        ],
    },
    {
        "slug": "saare-tuul",
        "name_et": "Saare Tuul OÜ",
        "name_en": "Saare Wind Energy Ltd",
        "kind": "company",
        "city": "Kuressaare",
        "country": "EE",
        "registry_code": "19000132",
        "website": "https://saare-tuul.example",
        "size_band": "1-9",
        "founded_year": 2011,
        "short_description_et": "Väikeste tuulikute ja päikeseparkide projekteerimine Saaremaa kogukondadele.",
        "short_description_en": "Design of small wind turbines and solar parks for communities on Saaremaa.",
        "description_et": (
            "Saare Tuul OÜ projekteerib kogukonnaenergia lahendusi, kus küla elanikud toodavad ise tuule- ja "
            "päikeseenergiat. Modelleerime tootmist ja tarbimist ning aitame energiaühistutel toetusi taotleda. "
            "Meie eesmärk on, et saar kataks kogu oma elektritarbimise kohaliku taastuvenergiaga."
        ),
        "description_en": (
            "Saare Wind Energy designs community energy solutions in which villagers produce their own wind and "
            "solar power. We model production and consumption and help energy cooperatives apply for grants. Our "
            "goal is for the island to cover all of its electricity use with local renewable energy."
        ),
        "focus_areas": ["energy-environment"],
        "competences": ["renewable-energy", "energy-modelling"],
        "contact_email": "info@saare-tuul.example",
        "contact_visibility": "members",
        "status": "suspended",
        "member_since": date(2018, 2, 1),
        "status_changed_at": (2026, 6, 1),
        "confirmed_days_ago": 300,
        "people": [
            ("peeter.mand@saare-tuul.example", "Peeter Mänd", "et", "admin", "Juhatuse liige"),
        ],
    },
    {
        "slug": "passiivmaja",
        "name_et": "Passiivmaja Ehitus AS",
        "name_en": "Passive House Builders Ltd",
        "kind": "company",
        "city": "Tallinn",
        "country": "EE",
        "registry_code": "19000149",
        "website": "https://passiivmaja.example",
        "size_band": "50-249",
        "founded_year": 2008,
        "short_description_et": (
            "Ehitusettevõte, mis renoveerib kortermaju tehases valmistatud elementidega liginullenergiahooneteks."
        ),
        "short_description_en": (
            "A construction company renovating apartment blocks into nearly zero-energy buildings with "
            "prefabricated elements."
        ),
        "description_et": (
            "Passiivmaja Ehitus AS renoveerib vanu paneelmaju, paigaldades fassaadile tehases valmistatud "
            "soojustatud elemendid koos akende ja ventilatsiooniga. Nii kestab töö maja juures nädalaid, mitte kuid, "
            "ja elanikud saavad kodus edasi elada. Kasutame projekteerimisel ehitusinfo mudelit ja mõõdame "
            "energiasäästu pärast renoveerimist."
        ),
        "description_en": (
            "Passive House Builders renovates old prefabricated apartment blocks by fitting factory-made insulated "
            "facade elements complete with windows and ventilation. Work on site takes weeks rather than months, and "
            "residents can stay in their homes. We use building information modelling in design and measure the "
            "energy savings after renovation."
        ),
        "focus_areas": ["building-energy"],
        "competences": ["deep-renovation", "bim", "building-automation"],
        "contact_email": "info@passiivmaja.example",
        "contact_visibility": "public",
        "status": "former",
        "member_since": date(2017, 1, 1),
        "member_until": date(2025, 12, 31),
        "status_changed_at": (2025, 12, 31),
        "confirmed_days_ago": 200,
        "people": [
            ("rein.kruus@passiivmaja.example", "Rein Kruus", "et", "admin", "Projektijuht"),
        ],
    },
    {
        "slug": "laanemere-vesi",
        "name_et": "Läänemere Vesi OÜ",
        "name_en": "Baltic Water Tech Ltd",
        "kind": "company",
        "city": "Haapsalu",
        "country": "EE",
        "registry_code": "19000155",
        "website": "https://laanemere-vesi.example",
        "size_band": "1-9",
        "founded_year": 2022,
        "short_description_et": "Sademevee seire ja üleujutuste ennetamine rannikulinnades.",
        "short_description_en": "Stormwater monitoring and flood prevention in coastal towns.",
        "description_et": (
            "Läänemere Vesi OÜ paigaldab sademeveetorustikku ja kraavidesse veetaseme andureid ning prognoosib "
            "paduvihmade ajal üleujutusohtu. Linn saab hoiatuse enne, kui tänavad vee alla jäävad, ja teab, kus "
            "sademeveesüsteemi laiendada. Oleme lahendust katsetanud Haapsalus ja Pärnus."
        ),
        "description_en": (
            "Baltic Water Tech installs water level sensors in stormwater pipes and ditches and forecasts the risk of "
            "flooding during heavy rain. The town receives a warning before streets are flooded and knows where to "
            "extend the stormwater system. We have tested the solution in Haapsalu and Pärnu."
        ),
        "focus_areas": ["energy-environment", "public-services"],
        "competences": ["stormwater-management", "iot-sensors", "digital-twins"],
        "contact_email": "info@laanemere-vesi.example",
        "contact_visibility": "members",
        "status": "active",
        "member_since": date(2023, 4, 1),
        "confirmed_days_ago": 35,
        "people": [
            ("liisa.rand@laanemere-vesi.example", "Liisa Rand", "et", "admin", "Tegevjuht"),
            ("tanel.koiv@laanemere-vesi.example", "Tanel Kõiv", "et", "member", "Hüdroloog"),
        ],
    },
    {
        "slug": "jaatmetark",
        "name_et": "Jäätmetark OÜ",
        "name_en": "Jäätmetark Waste Analytics Ltd",
        "kind": "company",
        "city": "Tartu",
        "country": "EE",
        "registry_code": "19000161",
        "website": "https://jaatmetark.example",
        "size_band": "1-9",
        "founded_year": 2023,
        "short_description_et": "Konteinerite täituvusandurid ja masinnägemine jäätmeveo optimeerimiseks.",
        "short_description_en": "Container fill-level sensors and computer vision for optimising waste collection.",
        "description_et": (
            "Jäätmetark OÜ andurid mõõdavad jäätmekonteinerite täituvust ning kaamera tuvastab, kas pakendid on "
            "õigesti sorteeritud. Jäätmevedaja sõidab ainult täis konteinerite juurde, mis vähendab läbisõitu ja "
            "heitmeid. Liitusime klastriga, et leida omavalitsuste seast pilootpartnereid."
        ),
        "description_en": (
            "Jäätmetark's sensors measure how full waste containers are, and a camera recognises whether packaging "
            "has been sorted correctly. The waste collector only drives to full containers, which reduces mileage "
            "and emissions. We joined the cluster to find pilot partners among local authorities."
        ),
        "focus_areas": ["energy-environment", "public-services"],
        "competences": ["waste-management", "computer-vision", "iot-sensors"],
        "contact_email": "info@jaatmetark.example",
        "contact_visibility": "members",
        "status": "active",
        "member_since": date(2026, 10, 5),
        "status_changed_at": (2026, 10, 5),
        "confirmed_days_ago": 45,
        "people": [
            ("grete.tali@jaatmetark.example", "Grete Tali", "et", "admin", "Asutaja ja tegevjuht"),
        ],
    },
    {
        "slug": "baltic-grid-analytics",
        "name_et": "Baltic Grid Analytics SIA",
        "name_en": "Baltic Grid Analytics SIA",
        "kind": "company",
        "city": "Riga",
        "country": "LV",
        "registry_code": None,
        "foreign_registration": "Reģ. Nr. 40209314159",
        "website": "https://baltic-grid.example",
        "size_band": "10-49",
        "founded_year": 2015,
        "short_description_et": (
            "Läti ettevõte, mis prognoosib masinõppega elektrivõrgu koormust ja hoonete energiatarbimist."
        ),
        "short_description_en": (
            "A Latvian company forecasting grid load and building energy use with machine learning."
        ),
        "description_et": (
            "Baltic Grid Analytics SIA aitab võrguettevõtetel ja suurtel hooneomanikel prognoosida elektritarbimist "
            "ning paindlikkust. Meie mudelid arvestavad ilmaprognoosi, elektri hinda ja hoonete soojuslikku "
            "inertsi. Eesti klastri liikmena otsime partnereid Balti riikide ühistesse energiaprojektidesse."
        ),
        "description_en": (
            "Baltic Grid Analytics helps grid operators and large building owners forecast electricity consumption "
            "and flexibility. Our models take weather forecasts, electricity prices and the thermal inertia of "
            "buildings into account. As a member of the Estonian cluster we are looking for partners for joint "
            "Baltic energy projects."
        ),
        "focus_areas": ["energy-environment", "building-energy"],
        "competences": ["energy-modelling", "data-analytics", "machine-learning", "renewable-energy"],
        "contact_email": "info@baltic-grid.example",
        "contact_visibility": "members",
        "status": "active",
        "member_since": date(2022, 9, 1),
        "confirmed_days_ago": 110,
        "people": [
            ("ilze.berzina@baltic-grid.example", "Ilze Bērziņa", "en", "admin", "Managing Director"),
            ("janis.ozols@baltic-grid.example", "Jānis Ozols", "en", "member", "Data Scientist"),
        ],
    },
    # Support organisations, public authorities, research institutes and others.
    {
        "slug": "toomemae-kiirendi",
        "name_et": "Toomemäe Ärikiirendi SA",
        "name_en": "Toomemäe Business Accelerator Foundation",
        "kind": "support",
        "city": "Tartu",
        "country": "EE",
        "registry_code": "89000027",
        "website": "https://toomemae-kiirendi.example",
        "size_band": "1-9",
        "founded_year": 2010,
        "short_description_et": "Sihtasutus, mis aitab idufirmadel nutilinna lahendusi turule viia.",
        "short_description_en": "A foundation that helps start-ups bring smart-city solutions to market.",
        "description_et": (
            "Toomemäe Ärikiirendi SA korraldab kuuekuulisi kiirendiprogramme nutika linna ja tervisetehnoloogia "
            "idufirmadele. Programmis saavad meeskonnad mentorid, ligipääsu pilootkeskkondadele ja kontaktid "
            "investoritega. Koos linnaga korraldame igal aastal ka lahenduste häkatoni."
        ),
        "description_en": (
            "Toomemäe Business Accelerator runs six-month accelerator programmes for smart-city and health "
            "technology start-ups. Teams in the programme get mentors, access to pilot environments and contacts "
            "with investors. Together with the city we also hold an annual solutions hackathon."
        ),
        "focus_areas": ["ict-governance", "health-welfare", "mobility", "tourism"],
        "competences": ["innovation-management", "eu-funding-advice"],
        "contact_email": "info@toomemae-kiirendi.example",
        "contact_visibility": "public",
        "status": "active",
        "member_since": date(2019, 5, 1),
        "confirmed_days_ago": 55,
        "people": [
            ("maarja.ilves@toomemae-kiirendi.example", "Maarja Ilves", "et", "admin", "Programmijuht"),
            ("kenneth.aru@toomemae-kiirendi.example", "Kenneth Aru", "et", "member", "Mentorprogrammi koordinaator"),
        ],
    },
    {
        "slug": "vooremaa-vald",
        "name_et": "Vooremaa vald",
        "name_en": "Vooremaa Rural Municipality",
        "kind": "public",
        "city": "Jõgeva",
        "country": "EE",
        "registry_code": "79001043",
        "website": "https://vooremaa.example",
        "size_band": "50-249",
        "founded_year": 2017,
        "short_description_et": (
            "Maaomavalitsus, mis katsetab nõudluspõhist ühistransporti ja digitaalseid sotsiaalteenuseid."
        ),
        "short_description_en": (
            "A rural municipality testing demand-responsive public transport and digital social services."
        ),
        "description_et": (
            "Vooremaa vald on hajaasustusega omavalitsus, kus elab umbes 9000 inimest. Katsetame tellimuspõhist "
            "bussiliini, mida elanikud saavad kutsuda telefoni või rakenduse kaudu, ning sotsiaalteenuste "
            "taotlemist veebis. Otsime ettevõtteid ja teadlasi, kellega koos lahendusi maapiirkondade jaoks "
            "kohandada."
        ),
        "description_en": (
            "Vooremaa is a sparsely populated rural municipality with about 9,000 residents. We are testing an "
            "on-demand bus line that residents can call by phone or app, and applying for social services online. "
            "We are looking for companies and researchers to adapt solutions to rural areas with."
        ),
        "focus_areas": ["public-services", "health-welfare", "mobility"],
        "competences": ["e-government", "co-creation", "public-transport-planning"],
        "contact_email": "vald@vooremaa.example",
        "contact_visibility": "public",
        "status": "active",
        "member_since": date(2020, 1, 1),
        "confirmed_days_ago": STALE + 60,
        "people": [
            ("ylle.kivimagi@vooremaa.example", "Ülle Kivimägi", "et", "admin", "Arendusnõunik"),
        ],
    },
    {
        "slug": "linnauuringute-instituut",
        "name_et": "Eesti Linnauuringute Instituut",
        "name_en": "Estonian Institute for Urban Studies",
        "kind": "research",
        "city": "Tallinn",
        "country": "EE",
        "registry_code": "89000033",
        "website": "https://linnauuringud.example",
        "size_band": "10-49",
        "founded_year": 2009,
        "short_description_et": (
            "Sõltumatu uurimisasutus, mis uurib linnaplaneerimist, liikuvust ja elukeskkonna kvaliteeti."
        ),
        "short_description_en": (
            "An independent research institute studying urban planning, mobility and the quality of the living "
            "environment."
        ),
        "description_et": (
            "Eesti Linnauuringute Instituut teeb rakendusuuringuid linnadele ja ministeeriumidele: liikumisuuringuid, "
            "elanike küsitlusi ja ruumiandmete analüüsi. Meie uurijad hindavad, kuidas uued liikuvusteenused ja "
            "rattateed muudavad inimeste igapäevaseid valikuid. Tulemused avaldame avatud aruannetena."
        ),
        "description_en": (
            "The Estonian Institute for Urban Studies carries out applied research for cities and ministries: "
            "mobility surveys, resident questionnaires and spatial data analysis. Our researchers assess how new "
            "mobility services and cycle paths change people's everyday choices. We publish our results as open "
            "reports."
        ),
        "focus_areas": ["ict-governance", "mobility", "public-services"],
        "competences": ["gis", "co-creation", "public-transport-planning", "data-analytics"],
        "contact_email": "info@linnauuringud.example",
        "contact_visibility": "public",
        "status": "active",
        "member_since": date(2018, 10, 1),
        "confirmed_days_ago": 80,
        "people": [
            ("kaarel.lepik@linnauuringud.example", "Kaarel Lepik", "et", "admin", "Direktor"),
            ("sofia.novak@linnauuringud.example", "Sofia Novak", "en", "member", "Research Fellow"),
        ],
    },
    {
        "slug": "energiasaastu-teaduskeskus",
        "name_et": "Energiasäästu Teaduskeskus",
        "name_en": "Energy Efficiency Research Centre",
        "kind": "research",
        "city": "Narva",
        "country": "EE",
        "registry_code": "89000048",
        "website": "https://energiasaast.example",
        "size_band": "10-49",
        "founded_year": 2014,
        "short_description_et": (
            "Rakendusteaduskeskus, mis mõõdab ja modelleerib hoonete energiatarbimist külmas kliimas."
        ),
        "short_description_en": (
            "An applied research centre that measures and models the energy use of buildings in a cold climate."
        ),
        "description_et": (
            "Energiasäästu Teaduskeskus uurib, kuidas renoveerida nõukogudeaegseid kortermaju nii, et küttearved "
            "väheneksid ja sisekliima paraneks. Oma katsehoones mõõdame soojustuse, ventilatsiooni ja "
            "hooneautomaatika mõju aasta ringi. Pakume ettevõtetele toodete katsetamist ja energiaauditi "
            "metoodikat."
        ),
        "description_en": (
            "The Energy Efficiency Research Centre studies how to renovate Soviet-era apartment blocks so that "
            "heating bills fall and the indoor climate improves. In our test building we measure the effect of "
            "insulation, ventilation and building automation all year round. We offer companies product testing and "
            "a methodology for energy audits."
        ),
        "focus_areas": ["building-energy", "energy-environment"],
        "competences": ["energy-modelling", "building-automation", "deep-renovation", "district-heating"],
        "contact_email": "info@energiasaast.example",
        "contact_visibility": "members",
        "status": "active",
        "member_since": date(2019, 3, 1),
        "confirmed_days_ago": 130,
        "people": [
            ("natalja.kuznetsova@energiasaast.example", "Natalja Kuznetsova", "et", "admin", "Teadusdirektor"),
            ("hendrik.leis@energiasaast.example", "Hendrik Leis", "et", "member", "Nooremteadur"),
        ],
    },
    {
        "slug": "nutilinna-kodanikud",
        "name_et": "Nutilinna Kodanikud MTÜ",
        "name_en": "Smart City Citizens NGO",
        "kind": "other",
        "city": "Tartu",
        "country": "EE",
        "registry_code": "89000056",
        "website": "https://nutilinnakodanikud.example",
        "size_band": "1-9",
        "founded_year": 2018,
        "short_description_et": "Vabaühendus, mis toob elanike hääle nutilinna lahenduste arendamisse.",
        "short_description_en": "A non-profit bringing residents' voices into the development of smart-city solutions.",
        "description_et": (
            "Nutilinna Kodanikud MTÜ korraldab linnaosades arutelusid ja koosloome töötubasid, kus elanikud saavad "
            "uute teenuste kujundamisel kaasa rääkida. Koondame vabatahtlikke testkasutajaid ja jälgime, et "
            "nutilinna projektid austaksid inimeste privaatsust. Teeme koostööd kõigi klastri liikmetega, kes "
            "soovivad oma lahendusi koos elanikega arendada."
        ),
        "description_en": (
            "Smart City Citizens organises discussions and co-creation workshops in city districts where residents "
            "have a say in how new services are designed. We bring volunteer test users together and make sure "
            "smart-city projects respect people's privacy. We work with any cluster member who wants to develop "
            "their solutions together with residents."
        ),
        "focus_areas": ["public-services", "ict-governance", "mobility"],
        "competences": ["co-creation", "user-testing", "open-data"],
        "contact_email": "info@nutilinnakodanikud.example",
        "contact_visibility": "public",
        "status": "active",
        "member_since": date(2021, 1, 1),
        "confirmed_days_ago": 65,
        "people": [
            ("kristiina.vaino@nutilinnakodanikud.example", "Kristiina Väino", "et", "admin", "Juhatuse liige"),
            ("alar.hein@nutilinnakodanikud.example", "Alar Hein", "et", "member", "Vabatahtlike koordinaator"),
        ],
    },
    # Applicants: their contact person appears in APPLICATIONS, not among their people.
    {
        "slug": "parkla-ai",
        "name_et": "Parkla AI OÜ",
        "name_en": "Parkla AI Ltd",
        "kind": "company",
        "city": "Tallinn",
        "country": "EE",
        "registry_code": "19000178",
        "website": "https://parkla-ai.example",
        "size_band": "1-9",
        "founded_year": 2024,
        "short_description_et": "Masinnägemisel põhinev parkimiskohtade seire, mis juhatab autojuhid vabale kohale.",
        "short_description_en": (
            "Parking space monitoring based on computer vision that guides drivers to a free space."
        ),
        "description_et": (
            "Parkla AI OÜ analüüsib olemasolevate turvakaamerate pilti ja näitab reaalajas, kus on vabu "
            "parkimiskohti. Lahendus ei salvesta numbrimärke ega nägusid ning töötab ka talvel, kui parkimisjooned on "
            "lume all. Soovime lahendust katsetada mõne Eesti linna kesklinnas."
        ),
        "description_en": (
            "Parkla AI analyses footage from existing security cameras and shows in real time where parking spaces "
            "are free. The solution stores neither licence plates nor faces and also works in winter, when parking "
            "lines are covered by snow. We would like to pilot the solution in the centre of an Estonian city."
        ),
        "focus_areas": ["mobility", "ict-governance"],
        "competences": ["computer-vision", "machine-learning", "parking-management"],
        "contact_email": "info@parkla-ai.example",
        "contact_visibility": "members",
        "status": "applicant",
        "member_since": None,
        "confirmed_days_ago": 3,
        "people": [],
    },
    {
        "slug": "ligipaasetavuse-uhing",
        "name_et": "Eesti Ligipääsetavuse Ühing MTÜ",
        "name_en": "Estonian Accessibility Association",
        "kind": "other",
        "city": "Tallinn",
        "country": "EE",
        "registry_code": "89000062",
        "website": "https://ligipaasetavus.example",
        "size_band": "1-9",
        "founded_year": 2012,
        "short_description_et": (
            "Ühing, mis seisab selle eest, et linnaruum ja e-teenused oleksid kõigile ligipääsetavad."
        ),
        "short_description_en": "An association working to make urban space and e-services accessible to everyone.",
        "description_et": (
            "Eesti Ligipääsetavuse Ühing nõustab linnu ja ettevõtteid, kuidas muuta tänavad, ühistransport ja "
            "veebiteenused kasutatavaks ka ratastooliga liikujatele, nägemispuudega ja eakatele inimestele. Meie "
            "liikmed osalevad testkasutajatena ja annavad arendajatele tagasisidet. Korraldame ka "
            "ligipääsetavuse koolitusi."
        ),
        "description_en": (
            "The Estonian Accessibility Association advises cities and companies on making streets, public "
            "transport and web services usable for wheelchair users, visually impaired people and older people. "
            "Our members take part as test users and give developers feedback. We also run accessibility training."
        ),
        "focus_areas": ["public-services", "health-welfare", "mobility"],
        "competences": ["assistive-technology", "user-testing", "ux-design"],
        "contact_email": "info@ligipaasetavus.example",
        "contact_visibility": "public",
        "status": "applicant",
        "member_since": None,
        "confirmed_days_ago": 10,
        "people": [],
    },
    {
        "slug": "reklaamitorn",
        "name_et": "Reklaamitorn OÜ",
        "name_en": "Reklaamitorn Media Ltd",
        "kind": "company",
        "city": "Tallinn",
        "country": "EE",
        "registry_code": "19000184",
        "website": "https://reklaamitorn.example",
        "size_band": "10-49",
        "founded_year": 2010,
        "short_description_et": "Digitaalsete välireklaamiekraanide võrk Tallinna kesklinnas.",
        "short_description_en": "A network of digital outdoor advertising screens in central Tallinn.",
        "description_et": (
            "Reklaamitorn OÜ haldab üle 40 digitaalse reklaamiekraani bussipeatustes ja kaubanduskeskuste ees. "
            "Müüme reklaamiaega ja mõõdame kampaaniate nähtavust anonüümse kaameraanalüütikaga. Soovime pakkuda "
            "ekraanipinda ka linna teadaanneteks."
        ),
        "description_en": (
            "Reklaamitorn operates more than 40 digital advertising screens at bus stops and in front of shopping "
            "centres. We sell advertising time and measure the visibility of campaigns with anonymous camera "
            "analytics. We would like to offer screen space for city announcements as well."
        ),
        "focus_areas": ["tourism"],
        "competences": ["data-analytics", "visitor-analytics"],
        "contact_email": "myyk@reklaamitorn.example",
        "contact_visibility": "members",
        "status": "applicant",
        "member_since": None,
        "confirmed_days_ago": 100,
        "people": [],
    },
]

# An approved application's applicant is the organisation's admin (listed in its people);
# the others are people without an organisation yet. Dates of decided applications are fixed;
# a waiting application is dated `submitted_days_ago` when it is first created.
APPLICATIONS = [
    {
        "organisation": "citysense",
        "applicant": ("anna@citysense.example", "Anna Smith", "en"),
        "contact_job_title": "Chief Executive Officer",
        "motivation": (
            "CitySense measures urban noise in six Finnish cities. We would like to pilot our sensors in Tartu, "
            "meet Estonian research partners, then prepare joint Horizon Europe proposals."
        ),
        "status": "approved",
        "submitted": (2026, 3, 2),
        "decided": (2026, 3, 16),
    },
    {
        "organisation": "jaatmetark",
        "applicant": ("grete.tali@jaatmetark.example", "Grete Tali", "et"),
        "contact_job_title": "Asutaja ja tegevjuht",
        "motivation": (
            "Meie andurid on kaks aastat töötanud ühe jäätmevedaja konteinerites. Klastri kaudu soovime leida "
            "omavalitsusi, kes lubaksid lahendust avalikes kogumispunktides katsetada, ning ülikooli partnerit "
            "masinnägemise mudeli täiustamiseks."
        ),
        "status": "approved",
        "submitted": (2026, 9, 21),
        "decided": (2026, 10, 5),
    },
    {
        "organisation": "parkla-ai",
        "applicant": ("oskar.vilu@parkla-ai.example", "Oskar Vilu", "et"),
        "contact_job_title": "Tegevjuht",
        "motivation": (
            "Oleme kolmeliikmeline meeskond ja meie lahendus on valmis esimeseks pilootprojektiks. Klastri kaudu "
            "loodame leida linna, kes lubaks lahendust oma parklates katsetada, ning ülikooli partneri, kes aitaks "
            "mõõta mõju liiklusele."
        ),
        "status": "submitted",
        "submitted_days_ago": 3,
    },
    {
        "organisation": "ligipaasetavuse-uhing",
        "applicant": ("helgi.sild@ligipaasetavus.example", "Helgi Sild", "et"),
        "contact_job_title": "Tegevjuht",
        "motivation": (
            "Soovime, et klastri liikmed arvestaksid ligipääsetavusega juba lahenduste kavandamisel. Saame pakkuda "
            "testkasutajaid elava labori katseteks ja nõustada projekte, mis puudutavad ühistransporti ja "
            "e-teenuseid."
        ),
        "status": "submitted",
        "submitted_days_ago": 10,
    },
    {
        "organisation": "reklaamitorn",
        "applicant": ("ragnar.lohmus@reklaamitorn.example", "Ragnar Lõhmus", "et"),
        "contact_job_title": "Müügijuht",
        "motivation": "Soovime klastri kaudu leida uusi kliente ja pakkuda linnadele reklaamiekraanide rendipinda.",
        "status": "rejected",
        "submitted": (2026, 8, 11),
        "decided": (2026, 8, 25),
        "rejection_reason": (
            "Klastri liikmeks võetakse organisatsioone, kes arendavad või kasutavad nutilinna lahendusi meie "
            "fookusvaldkondades. Teie taotlus keskendub reklaamipinna müügile ega kirjelda ühtegi arendus- ega "
            "koostööplaani. Võite uuesti kandideerida, kui teil on konkreetne koostööettepanek, näiteks linna "
            "teavitusteenus."
        ),
    },
]

# organisation, invited address, role, invited by
INVITATIONS = [
    ("tartu-mobility", "kristjan.kaasik@tartu-mobility.example", "member", "mari@tartu-mobility.example"),
    ("citysense", "aino.laine@citysense.example", "admin", "anna@citysense.example"),
]

# The demo personas the command prints: label, e-mail.
PERSONAS = [
    ("Organisation admin", "mari@tartu-mobility.example"),
    ("Organisation member", "jaan@ut-research.example"),
    ("English-speaking admin", "anna@citysense.example"),
]

# What `--scale N` generates: (N − 1) × GENERATED_PER_SCALE organisations, two people each.
GENERATED_PER_SCALE = 28
GENERATED_CITIES = [
    ("Tartu", "EE"),
    ("Tallinn", "EE"),
    ("Pärnu", "EE"),
    ("Narva", "EE"),
    ("Viljandi", "EE"),
    ("Rakvere", "EE"),
    ("Kuressaare", "EE"),
    ("Võru", "EE"),
    ("Haapsalu", "EE"),
    ("Jõhvi", "EE"),
    ("Helsinki", "FI"),
    ("Riga", "LV"),
]
# kind: (Estonian word, English word)
GENERATED_KIND_WORDS = {
    "company": ("ettevõte", "company"),
    "research": ("teadusasutus", "research institute"),
    "public": ("avalik asutus", "public authority"),
    "support": ("tugiorganisatsioon", "support organisation"),
    "other": ("muu organisatsioon", "other organisation"),
}
GENERATED_FIRST_NAMES = [
    "Kati", "Tõnu", "Ene", "Jüri", "Külli", "Märt", "Signe", "Aivar", "Pille", "Rauno",
    "Eha", "Tarmo", "Maris", "Ülo", "Kersti", "Andrus", "Epp", "Lauri", "Merike", "Ott",
]  # fmt: skip
GENERATED_LAST_NAMES = [
    "Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves", "Pärn", "Koppel",
    "Lõhmus", "Jõgi", "Kõiv", "Männik", "Õun", "Vaher", "Toom", "Sild", "Ots", "Põder",
]  # fmt: skip
