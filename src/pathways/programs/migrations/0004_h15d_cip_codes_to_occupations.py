"""programs forgets CipCode and CipSocLink, now occupations' (same tables): state only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("occupations", "0004_h15d_cip_codes"),
        ("programs", "0003_h13b2_revisions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="CipCode"),
                migrations.DeleteModel(name="CipSocLink"),
            ],
            database_operations=[],
        ),
    ]
