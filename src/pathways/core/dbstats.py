"""Planner statistics after bulk writes.

PostgreSQL plans from statistics that autovacuum refreshes only some time after a change
(and never where it is off); right after a bulk import it still believes a 200,000-row table
holds a few hundred rows, and picks nested loops and on-disk sorts that made the first report
views take 2-7 s. Refreshing them in the writing transaction costs well under a second.
"""

from django.db import connection, models


def refresh_statistics(*tables: type[models.Model]) -> None:
    """ANALYZE these models' tables (PostgreSQL; SQLite plans well without statistics)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
