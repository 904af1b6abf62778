"""Permutation importance on the validation window: how much the validation loss grows when one feature's
column is shuffled. Seeded, and measured on at most `max_rows` validation rows (a seeded sample) so that it
stays a few seconds on the 1.65 M-row benchmark: 44 features x repeats full predictions would cost more than
the training itself.

Its cost is the tree evaluations: the pipeline passes the exported ONNX model's predictor (onnxruntime evaluates
the trees several times faster than LightGBM's own predict). Predicting all shuffled copies in one call measured
no faster (the work is in the trees, not in the calls), so they are predicted one at a time."""

from __future__ import annotations

from typing import Callable, List, Optional

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
    prediction: Optional[np.ndarray] = None,
    unused: Optional[np.ndarray] = None,
) -> List[float]:
    """`prediction`: the model's prediction of every row of `x` when the caller has it (the metrics need it
    anyway); rows are predicted independently, so the sample's rows of it are what predict(sample) returns.
    `unused`: per feature, True when no tree splits on it (split importance 0): shuffling it cannot change a
    prediction, so its increase is exactly 0 without predicting (its permutations are still drawn, so the
    seeded draws of the features after it stay the same)."""
    rng = np.random.default_rng(seed)
    if max_rows > 0 and len(y) > max_rows:
        rows = np.sort(rng.choice(len(y), size=max_rows, replace=False))
        x, y = x[rows], y[rows]
        prediction = prediction[rows] if prediction is not None else None
    base = loss(task, y, predict(x) if prediction is None else prediction)
    out: List[float] = []
    for column in range(x.shape[1]):
        if unused is not None and unused[column]:
            for _ in range(max(1, repeats)):
                rng.permutation(len(y))
            out.append(0.0)
            continue
        shuffled = x.copy()
        increases = []
        for _ in range(max(1, repeats)):
            shuffled[:, column] = x[rng.permutation(len(y)), column]
            increases.append(loss(task, y, predict(shuffled)) - base)
        out.append(float(np.mean(increases)))
    return out
