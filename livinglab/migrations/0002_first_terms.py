from django.db import migrations

TERMS_ET = """Eesti nutika linna klastri elava labori testijate paneel

1. Miks me andmeid kogume. Sinu profiili (sünniaasta, sugu, elukoht, amet, keeled, seadmed, digioskused, huvid, liikumisharjumused, ligipääsetavuse vajadused ja testimissagedus) kasutame ainult selleks, et kutsuda sind testima sulle sobivaid prototüüpe.
2. Kes andmeid näeb. Testi korraldav liikmesorganisatsioon ei näe kunagi sinu nime ega kontaktandmeid: ta näeb ainult, mitu inimest sobib, ja sinu vastuseid selle testi varjunime all. Sinu andmeid näevad klastri töötajad.
3. Kutsed. Sulle saadetakse kutse e-postiga sinu valitud keeles. Kahe kutse vahel on vähemalt klastri määratud paus (vaikimisi 30 päeva).
4. Sinu õigused. Võid oma profiili igal ajal muuta, kõik enda kohta hoitavad andmed alla laadida, nõusoleku tagasi võtta ja oma andmed kustutada. Kustutamise järel jäävad alles ainult sinu tagasiside vastused, ilma seoseta sinuga.
5. Alaealised. Paneeliga saab liituda alates 13. eluaastast. 13–17-aastased kutsutakse ainult testidesse, mis on noortele mõeldud.
6. Tingimuste muutmine. Kui tingimused muutuvad, küsime sinu nõusolekut uuesti järgmisel sisselogimisel; seni sind testidesse ei kutsuta."""

TERMS_EN = """The test-user panel of the Estonian Smart City Cluster's living lab

1. Why we collect data. We use your profile (year of birth, gender, where you live, occupation, languages, devices, digital skills, interests, how you get around, accessibility needs and how often you want to test) only to invite you to test prototypes that suit you.
2. Who sees it. The member organisation running a test never sees your name or contact details: it sees only how many people match, and your answers under a pseudonym for that test. Cluster staff see your data.
3. Invitations. Invitations come by e-mail in the language you choose, with at least the pause the cluster sets between two invitations (30 days unless changed).
4. Your rights. You can change your profile at any time, download everything held about you, withdraw your consent and delete your data. After deletion only your feedback answers remain, with no link to you.
5. Minors. You can join from the age of 13. People aged 13–17 are invited only to tests meant for young people.
6. Changes. When these terms change, we ask for your consent again at your next sign-in; until then you are not invited to tests."""


def publish(apps, schema_editor):
    PanelTerms = apps.get_model("livinglab", "PanelTerms")
    LabSettings = apps.get_model("livinglab", "LabSettings")
    if not PanelTerms.objects.exists():
        PanelTerms.objects.create(version=1, body=TERMS_ET, body_et=TERMS_ET, body_en=TERMS_EN)
    if not LabSettings.objects.exists():
        LabSettings.objects.create(contact_pause_days=30)


class Migration(migrations.Migration):
    dependencies = [("livinglab", "0001_initial")]

    operations = [migrations.RunPython(publish, migrations.RunPython.noop)]
