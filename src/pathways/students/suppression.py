"""Small-cell suppression for tables of student counts, and rates shown within bounds.

A table is a set of cells (counts keyed by any hashable key) and linear equations saying
"this total is the sum of these parts": a group's all-students count is the sum of its
subgroups; a parent geography is the sum of its children for the same subgroup.

- Primary suppression hides every count from 1 to `minimum - 1`; 0 is shown.
- Complementary suppression then hides more cells so that no hidden count can be worked out
  exactly from the shown ones: first a quick pass (every equation with a hidden member gets a
  second one), then an exact audit. A hidden cell is derivable exactly when its unit vector
  lies in the row space of the equations restricted to hidden cells; the audit decides that
  by Gauss-Jordan elimination modulo a large prime, one connected group of hidden cells at a
  time, and hides another cell next to any derivable one until none is left.

The algorithm is plain Python; only `format_rate`'s display text goes through Django's
translation machinery.
"""

from collections import defaultdict
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.utils.translation import gettext as _

K = TypeVar("K", bound=Hashable)

SMALL = "small"
COMPLEMENTARY = "complementary"
PRIME = (1 << 61) - 1  # a Mersenne prime: ±1 coefficients never vanish by accident


@dataclass(frozen=True)
class Suppression:
    reason: str  # SMALL (below the minimum) or COMPLEMENTARY (protects another cell)


Equation = tuple[K, Sequence[K]]  # (total, parts): total = sum(parts)


def suppress(
    counts: Mapping[K, int],
    equations: Iterable[Equation[K]],
    minimum: int,
    *,
    shown_elsewhere: Collection[K] = (),
    hidden_elsewhere: Collection[K] = (),
) -> dict[K, Suppression | None]:
    """Which cells to hide, and why; None for a cell that may be shown.

    `shown_elsewhere` are cells another published table shows: they are never chosen for
    complementary suppression. `hidden_elsewhere` are cells another table hides: they are
    hidden here too, so the two tables together reveal nothing either hides."""
    system: _System[K] = _System(counts, [eq for eq in equations if eq[1]], set(shown_elsewhere))
    hidden: dict[K, str] = {key: SMALL for key, count in counts.items() if 0 < count < minimum}
    for key in hidden_elsewhere:
        if key in counts:
            hidden.setdefault(key, COMPLEMENTARY)
    # After the first round only the equations and groups a newly hidden cell touches can
    # change, so each later round looks at those alone.
    touched: set[K] | None = None
    while True:
        before = set(hidden)
        system.protect_equations(hidden, touched)
        derivable = system.derivable(
            hidden, None if touched is None else touched | (set(hidden) - before)
        )
        before = set(hidden)
        if not derivable or not system.hide_next_to(derivable, hidden):
            break
        touched = set(hidden) - before
    return {key: Suppression(hidden[key]) if key in hidden else None for key in counts}


class _System(Generic[K]):
    """The equations of one table, indexed by cell."""

    def __init__(
        self, counts: Mapping[K, int], equations: list[Equation[K]], locked: set[K]
    ) -> None:
        self.counts = counts
        self.order = {key: index for index, key in enumerate(counts)}
        self.equations = [
            (total, list(parts))
            for total, parts in equations
            if total in counts and all(p in counts for p in parts)
        ]
        self.locked = locked
        self.equations_of: dict[K, list[int]] = defaultdict(list)
        for index, (total, parts) in enumerate(self.equations):
            for key in (total, *parts):
                self.equations_of[key].append(index)

    def candidate(self, index: int, hidden: Mapping[K, str]) -> K | None:
        """The cell to hide in this equation: the smallest shown nonzero count, a part before
        the total on ties; a zero only when nothing else is left."""
        total, parts = self.equations[index]
        members = [(key, key is total) for key in (*parts, total)]
        free = [
            (k, is_total) for k, is_total in members if k not in hidden and k not in self.locked
        ]
        nonzero = [(k, is_total) for k, is_total in free if self.counts[k] > 0]
        pool = nonzero or free
        if not pool:
            return None
        best = min(pool, key=lambda item: (self.counts[item[0]], item[1], self.order[item[0]]))
        return best[0]

    def protect_equations(self, hidden: dict[K, str], touched: set[K] | None = None) -> None:
        """Until stable: an equation with exactly one hidden member gets a second one. Only
        the equations of `touched` cells are looked at first, when given."""
        if touched is None:
            pending = set(range(len(self.equations)))
        else:
            pending = {index for key in touched for index in self.equations_of[key]}
        while pending:
            index = pending.pop()
            total, parts = self.equations[index]
            if sum(1 for key in (total, *parts) if key in hidden) != 1:
                continue
            chosen = self.candidate(index, hidden)
            if chosen is None:
                continue
            hidden[chosen] = COMPLEMENTARY
            pending.update(self.equations_of[chosen])

    def hide_next_to(self, derivable: list[K], hidden: dict[K, str]) -> bool:
        """Hide one more cell for each derivable cell: in one of its own equations, or, when
        those are all hidden already, in another equation of its connected group (a total
        implied by several equations, such as a grand total, can reveal it); False if no cell
        is left to hide."""
        changed = False
        for key in derivable:
            options = self._options(self.equations_of[key], hidden)
            if not options:
                options = self._options(self._connected_equations(key, hidden), hidden)
            if options:
                best = min(options, key=lambda k: (self.counts[k] == 0, self.counts[k]))
                hidden[best] = COMPLEMENTARY
                changed = True
        return changed

    def _options(self, indexes: Iterable[int], hidden: Mapping[K, str]) -> list[K]:
        return [
            chosen for index in indexes if (chosen := self.candidate(index, hidden)) is not None
        ]

    def _connected_equations(self, key: K, hidden: Mapping[K, str]) -> list[int]:
        """The equations reachable from `key` through hidden cells."""
        return self._component_of(key, hidden)[0]

    def _component_of(self, key: K, hidden: Mapping[K, str]) -> tuple[list[int], set[K]]:
        """The equations reachable from `key` through hidden cells, and those cells."""
        seen_cells, seen_equations, stack = {key}, [], [key]
        done: set[int] = set()
        while stack:
            for index in self.equations_of[stack.pop()]:
                if index in done:
                    continue
                done.add(index)
                seen_equations.append(index)
                total, parts = self.equations[index]
                for member in (total, *parts):
                    if member in hidden and member not in seen_cells:
                        seen_cells.add(member)
                        stack.append(member)
        return seen_equations, seen_cells

    def derivable(self, hidden: Mapping[K, str], touched: set[K] | None = None) -> list[K]:
        """Hidden cells whose value follows exactly from the shown cells; when `touched` is
        given, only in the connected groups of those cells (the others are unchanged)."""
        found: list[K] = []
        if touched is None:
            components = self._components(hidden)
        else:
            components, seen = [], set()
            for key in touched:
                if key not in seen:
                    equations, cells = self._component_of(key, hidden)
                    seen |= cells
                    components.append(equations)
        for component in components:
            rows = self._rows(component, hidden)
            found.extend(_unit_vectors_in_row_space(rows))
        return sorted(found, key=self.order.__getitem__)

    def _components(self, hidden: Mapping[K, str]) -> list[list[int]]:
        """Equations with hidden members, grouped by the hidden cells they share."""
        parent: dict[K, K] = {}

        def find(key: K) -> K:
            while parent.setdefault(key, key) != key:
                parent[key] = parent[parent[key]]
                key = parent[key]
            return key

        touching: list[tuple[int, K]] = []
        for index, (total, parts) in enumerate(self.equations):
            members = [key for key in (total, *parts) if key in hidden]
            if not members:
                continue
            root = find(members[0])
            for key in members[1:]:
                parent[find(key)] = root
            touching.append((index, members[0]))
        groups: dict[K, list[int]] = defaultdict(list)
        for index, key in touching:
            groups[find(key)].append(index)
        return list(groups.values())

    def _rows(self, indexes: list[int], hidden: Mapping[K, str]) -> list[dict[K, int]]:
        """Each equation as total - parts = 0, keeping only its hidden cells."""
        rows = []
        for index in indexes:
            total, parts = self.equations[index]
            row: dict[K, int] = defaultdict(int)
            if total in hidden:
                row[total] += 1
            for key in parts:
                if key in hidden:
                    row[key] -= 1
            rows.append({key: value % PRIME for key, value in row.items() if value % PRIME})
        return rows


def _unit_vectors_in_row_space(rows: list[dict[K, int]]) -> list[K]:
    """Cells x whose unit vector e_x is a combination of the rows (mod PRIME).

    Gauss-Jordan on sparse rows: in the reduced basis, e_x is in the row space exactly when
    x is a pivot and its basis row has no other entry."""
    basis: dict[K, dict[K, int]] = {}  # pivot -> fully reduced row, pivot coefficient 1
    holding: dict[K, set[K]] = defaultdict(set)  # non-pivot column -> pivots of rows with it
    for original in rows:
        row = dict(original)
        # Basis rows hold no pivot but their own, so one pass over the pivots suffices.
        for column in [c for c in original if c in basis]:
            _subtract(row, basis[column], row.get(column, 0), None, holding)
        if not row:
            continue
        # The column fewest basis rows hold: least work now and least fill-in later.
        pivot = min(row, key=lambda column: len(holding.get(column, ())))
        inverse = pow(row[pivot], PRIME - 2, PRIME)
        row = {column: value * inverse % PRIME for column, value in row.items()}
        for other in list(holding.pop(pivot, ())):
            _subtract(basis[other], row, basis[other][pivot], other, holding)
        basis[pivot] = row
        for column in row:
            if column != pivot:
                holding[column].add(pivot)
    return [pivot for pivot, row in basis.items() if len(row) == 1]


def _subtract(
    row: dict[K, int],
    basis_row: Mapping[K, int],
    factor: int,
    owner: K | None,
    holding: dict[K, set[K]],
) -> None:
    """row -= factor * basis_row; when row is the basis row of `owner`, keep `holding` right."""
    if not factor:
        return
    for column, value in basis_row.items():
        had = column in row
        updated = (row.get(column, 0) - factor * value) % PRIME
        if updated:
            row[column] = updated
        else:
            row.pop(column, None)
        if owner is None or column == owner:
            continue
        if had and not updated:
            holding[column].discard(owner)
        elif updated and not had:
            holding[column].add(owner)


@dataclass(frozen=True)
class Rate:
    """A percentage as a report shows it. `value` is set only when the exact rate is shown;
    `bound` is "above" or "below" when it is shown only as beyond the top or bottom bound."""

    value: float | None
    display: str
    suppressed: bool
    bound: str | None = None


def format_rate(
    numerator: int | None,
    denominator: int | None,
    minimum: int,
    bounds: tuple[float, float] = (5, 95),
) -> Rate:
    """numerator / denominator as a percentage; None for a count that is suppressed.

    Hidden when either count is suppressed or the denominator is below the minimum (a rate on
    few students reveals them); beyond the bounds only "more than 95%" or "fewer than 5%" is
    shown, since an exact rate near 0 or 100 tells how many students are on the other side."""
    if numerator is None or denominator is None or 0 < denominator < minimum:
        return Rate(None, "*", suppressed=True)
    if denominator == 0:
        return Rate(None, _("no students"), suppressed=False)
    value = 100 * numerator / denominator
    low, high = bounds
    if value > high:
        return Rate(None, _("more than %(bound)s%%") % {"bound": f"{high:g}"}, False, "above")
    if value < low:
        return Rate(None, _("fewer than %(bound)s%%") % {"bound": f"{low:g}"}, False, "below")
    return Rate(round(value, 1), _("%(rate)s%%") % {"rate": f"{value:.1f}"}, False)
