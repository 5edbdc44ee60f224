"""Time a full load of every source from the mirror into a fresh database.

    python bench/load_time.py --mirror ../shared/data [--database-url postgres://...]

Prints seconds per source and in total, twice: the first load into empty tables and a
reload over loaded ones (what `make run` does on later starts).
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mirror", required=True)
    parser.add_argument("--database-url", help="default: a new SQLite file in a temporary folder")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="pathways-bench-")
    os.environ["PATHWAYS_HOME"] = home
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pathways.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from pathways.datasets.loading import load_source
    from pathways.datasets.registry import all_sources

    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}; mirror: {args.mirror}")
    for label in ("first load", "reload"):
        total = 0.0
        print(f"\n{label}\n{'source':20} {'seconds':>8} {'rows':>9}")
        for source in all_sources():
            start = time.perf_counter()
            report = load_source(source, args.mirror)
            elapsed = time.perf_counter() - start
            total += elapsed
            print(f"{source.slug:20} {elapsed:8.2f} {sum(report.row_counts.values()):9,}")
        print(f"{'total':20} {total:8.2f}")


if __name__ == "__main__":
    main()
