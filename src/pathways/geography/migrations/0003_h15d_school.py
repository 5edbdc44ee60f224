"""School moves from students to geography (accounts and students point down at it).

State only: the table keeps its name, students_school, and no row or column changes, so an
existing database is untouched and a fresh one gets the table from students 0001.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("geography", "0002_h11_county_area_source"),
        ("students", "0004_h13c_import_jobs"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="School",
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
                        ("code", models.CharField(max_length=20)),
                        ("name", models.CharField(blank=True, max_length=200)),
                        (
                            "district",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="schools",
                                to="geography.district",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "students_school",
                        "ordering": ["district", "name", "code"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("district", "code"), name="one_school_code_per_district"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
