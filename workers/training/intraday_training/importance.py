"""Permutation importance on the validation window: how much the validation loss grows when one feature's
column is shuffled. Seeded, and measured on at most `max_rows` validation rows (a seeded sample) so that it
stays a few seconds on the 1.65 M-row benchmark: 44 features x repeats full predictions would cost more than
the training itself."""

from __future__ import annotations

from typing import Callable, List

import numpy as np

from .metrics import loss


def permutation_importance(
    predict: Callable[[np.ndarray], np.ndarray],
    task: str,
    x: np.ndarray,
    y: np.ndarray,
    seed: int,
    max_rows: int,
    repeats: int,
) -> List[float]:
    rng = np.random.default_rng(seed)
    if max_rows > 0 and len(y) > max_rows:
        rows = np.sort(rng.choice(len(y), size=max_rows, replace=False))
        x, y = x[rows], y[rows]
    base = loss(task, y, predict(x))
    out: List[float] = []
    for column in range(x.shape[1]):
        shuffled = x.copy()
        increases = []
        for _ in range(max(1, repeats)):
            shuffled[:, column] = x[rng.permutation(len(y)), column]
            increases.append(loss(task, y, predict(shuffled)) - base)
        out.append(float(np.mean(increases)))
    return out
