"""Programs of study in bulk: import from and export to CSV or XLSX files in one layout
(docs/programs-layout.md).

    layout.py     the columns, their limits, and what a file says once read
    reading.py    a file's rows, each row's values checked on its own
    checks.py     what the user may import; what rows of one program or course must agree on
    importing.py  parse_programs, import_file, import_programs: the entry points
    catalogue.py  the shared courses, credentials and postsecondary programs an import writes
    writing.py    apply_programs: the programs themselves, all or nothing
    exporting.py  the programs a user may see, filtered, in the same layout
    views.py      the staff pages (upload, export, template)

The spreadsheet reading, writing and upload plumbing they share with the student-record
import is in pathways.core (spreadsheets, uploads, problems).
"""

from .checks import may_import_approved
from .importing import import_file, import_programs, parse_programs
from .layout import COLUMNS, ImportSummary, ProgramSpec
from .writing import apply_programs

__all__ = [
    "COLUMNS",
    "ImportSummary",
    "ProgramSpec",
    "apply_programs",
    "import_file",
    "import_programs",
    "may_import_approved",
    "parse_programs",
]
