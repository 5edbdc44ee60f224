"""CipCode and CipSocLink move from programs to occupations (what programs lead to).

State only: the tables keep their names (programs_cipcode, programs_cipsoclink) and rows,
so an existing database is untouched and a fresh one gets them from programs 0001.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("occupations", "0003_onet_education_suppress"),
        ("programs", "0003_h13b2_revisions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="CipCode",
                    fields=[
                        ("code", models.CharField(max_length=7, primary_key=True, serialize=False)),
                        ("title", models.CharField(max_length=300)),
                        ("definition", models.TextField(blank=True)),
                        ("family", models.CharField(db_index=True, max_length=2)),
                    ],
                    options={
                        "verbose_name": "CIP code",
                        "db_table": "programs_cipcode",
                        "ordering": ["code"],
                    },
                ),
                migrations.CreateModel(
                    name="CipSocLink",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("cip_code", models.CharField(db_index=True, max_length=7)),
                        ("soc_code", models.CharField(db_index=True, max_length=7)),
                    ],
                    options={
                        "db_table": "programs_cipsoclink",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("cip_code", "soc_code"), name="one_cip_soc_link"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
