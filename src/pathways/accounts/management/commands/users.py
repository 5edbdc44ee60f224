"""`pathways users create`: set up an account with its role and district.

    pathways users create --username jgarcia --email j.garcia@aps.edu \\
        --role district_coordinator --district 3500060
    printf '%s\\n' "$PASSWORD" | pathways users create ... --password-stdin

The password is asked for twice at the terminal, or read from the first line of standard
input with --password-stdin; it is never taken as an argument (shell history, `ps`).
"""

import getpass
import sys
from argparse import ArgumentParser
from typing import Any, TextIO

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from pathways.accounts.models import Role, User
from pathways.geography.models import District

ROLES = ", ".join(Role.values)


def _messages(error: ValidationError) -> str:
    return " ".join(str(m) for m in error.messages)


class Command(BaseCommand):
    help = "Create user accounts with a role and district."
    stealth_options = ("stdin",)  # tests pass a file-like object to read the password from

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="create one account")
        create.add_argument("--username", required=True)
        create.add_argument("--email", required=True)
        create.add_argument("--role", required=True, metavar="ROLE", help=f"one of: {ROLES}")
        create.add_argument(
            "--district",
            metavar="NCES_ID",
            help="the 7-digit NCES id of the school district; required for every role "
            "but state_admin",
        )
        create.add_argument("--first-name", default="")
        create.add_argument("--last-name", default="")
        create.add_argument(
            "--password-stdin",
            action="store_true",
            help="read the password from the first line of standard input",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdin: TextIO = options.get("stdin") or sys.stdin
        getattr(self, f"do_{options['action']}")(options)

    def do_create(self, options: dict[str, Any]) -> None:
        user = self.new_user(options)
        password = self.read_password(options)
        try:
            password_validation.validate_password(password, user)
        except ValidationError as exc:
            raise CommandError(f"The password is not accepted: {_messages(exc)}") from exc
        user.set_password(password)
        try:
            user.full_clean()
        except ValidationError as exc:
            raise CommandError(_messages(exc)) from exc
        with transaction.atomic():
            user.save()
        where = f", {user.district.name}" if user.district else ""
        self.stdout.write(f"Created {user.username} ({user.get_role_display()}{where}).")

    def new_user(self, options: dict[str, Any]) -> User:
        """The unsaved account, once username, e-mail, role and district are all valid."""
        username = options["username"].strip()
        try:
            User.username_validator(username)
        except ValidationError as exc:
            raise CommandError(f"Username {username!r}: {_messages(exc)}") from exc
        if User.objects.filter(username__iexact=username).exists():
            raise CommandError(f"A user named {username!r} already exists.")
        email = User.objects.normalize_email(options["email"].strip())
        try:
            validate_email(email)
        except ValidationError as exc:
            raise CommandError(f"{email!r} is not a valid e-mail address.") from exc

        role = options["role"]
        if role not in Role.values:
            raise CommandError(f"Unknown role {role!r}: use one of {ROLES}.")
        nces_id = (options.get("district") or "").strip()
        district = None
        if role == Role.STATE_ADMIN:
            if nces_id:
                raise CommandError("State administrators belong to no district: omit --district.")
        elif not nces_id:
            raise CommandError(
                f"Role {role} needs --district NCES_ID (district staff and students belong "
                "to one district)."
            )
        else:
            district = District.objects.filter(nces_id=nces_id).first()
            if district is None:
                hint = (
                    ""
                    if District.objects.exists()
                    else " No districts are loaded: run `pathways data load` first."
                )
                raise CommandError(f"No school district has NCES id {nces_id!r}.{hint}")
        return User(
            username=username,
            email=email,
            role=role,
            district=district,
            first_name=options.get("first_name", ""),
            last_name=options.get("last_name", ""),
        )

    def read_password(self, options: dict[str, Any]) -> str:
        if options.get("password_stdin"):
            password = self.stdin.readline().rstrip("\r\n")
        else:
            if not (hasattr(self.stdin, "isatty") and self.stdin.isatty()):
                raise CommandError(
                    "No terminal to ask for the password: pipe it in with --password-stdin."
                )
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The two passwords differ.")
        if not password:
            raise CommandError("The password is empty.")
        return password
