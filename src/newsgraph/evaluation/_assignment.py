"""Best one-to-one assignment (Kuhn-Munkres) for the CEAF scores in :mod:`clustering`."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["best_assignment_total"]


def best_assignment_total(weights: Sequence[Sequence[float]]) -> float:
    """The largest total weight of a one-to-one pairing of rows with columns.

    ``weights`` is a rectangular matrix (rows of equal length); each row and each column is used at
    most once, and pairs need not cover the larger side. Non-negative weights are assumed (CEAF's
    similarities are), so pairing a row with a column of weight 0 never lowers the total.
    """
    if not weights or not weights[0]:
        return 0.0
    rows = [list(row) for row in weights]
    if len(rows) > len(rows[0]):
        rows = [list(column) for column in zip(*rows, strict=True)]
    # Minimise the negated weights: the Hungarian method below assigns every row (rows <= columns).
    cost = [[-value for value in row] for row in rows]
    return -sum(cost[row][column] for row, column in _hungarian(cost))


def _hungarian(cost: list[list[float]]) -> list[tuple[int, int]]:
    """Minimum-cost assignment of every row to a distinct column; needs rows <= columns.

    The O(n^2 m) potentials form of the Hungarian method, with 1-based internals (index 0 is the
    dummy column the augmenting paths start from).
    """
    n, m = len(cost), len(cost[0])
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: the row assigned to column j, 0 for none
    way = [0] * (m + 1)
    for row in range(1, n + 1):
        owner[0] = row
        column = 0
        min_reduced = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[column] = True
            current_row = owner[column]
            delta = inf
            next_column = 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                reduced = cost[current_row - 1][j - 1] - u[current_row] - v[j]
                if reduced < min_reduced[j]:
                    min_reduced[j] = reduced
                    way[j] = column
                if min_reduced[j] < delta:
                    delta = min_reduced[j]
                    next_column = j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    min_reduced[j] -= delta
            column = next_column
            if owner[column] == 0:
                break
        while column:
            previous = way[column]
            owner[column] = owner[previous]
            column = previous
    return [(owner[j] - 1, j - 1) for j in range(1, m + 1) if owner[j]]
