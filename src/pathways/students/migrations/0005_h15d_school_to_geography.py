"""School now lives in geography: the foreign keys point there and students forgets the
model. State only: the table students_school and its rows stay as they are."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_h15d_user_school_in_geography"),
        ("geography", "0003_h15d_school"),
        ("students", "0004_h13c_import_jobs"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="studentyear",
                    name="school",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="student_years",
                        to="geography.school",
                    ),
                ),
                migrations.AlterField(
                    model_name="coursecompletion",
                    name="school",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="geography.school",
                    ),
                ),
                migrations.DeleteModel(name="School"),
            ],
            database_operations=[],
        ),
    ]
