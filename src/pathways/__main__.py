"""The `pathways` console command: Django's manage.py under the project's name.

`pathways data load` is short for `pathways manage data load`; any Django
command works the same way (`pathways migrate`, `pathways runserver`).
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pathways.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    args[0] = "pathways"
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
