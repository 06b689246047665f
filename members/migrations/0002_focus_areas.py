from django.db import migrations

FOCUS_AREAS = [
    ("ict-governance", "IKT linnaprotsessides ja linnajuhtimises", "ICT in city processes and governance"),
    ("health-welfare", "Tervishoid ja sotsiaalhoolekanne", "Healthcare and social welfare"),
    ("mobility", "Nutikas ja roheline liikuvus", "Smart and green mobility"),
    ("building-energy", "Hoonete energiatõhusus", "Energy efficiency in buildings"),
    ("energy-environment", "Energia ja keskkond", "Energy and environment"),
    ("tourism", "Turism", "Tourism"),
    ("public-services", "Avalikud teenused", "Public services"),
]


def load_focus_areas(apps, schema_editor):
    FocusArea = apps.get_model("members", "FocusArea")
    for position, (slug, name_et, name_en) in enumerate(FOCUS_AREAS, start=1):
        FocusArea.objects.update_or_create(
            slug=slug,
            defaults={"name": name_et, "name_et": name_et, "name_en": name_en, "position": position},
        )


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]

    operations = [migrations.RunPython(load_focus_areas, migrations.RunPython.noop)]
