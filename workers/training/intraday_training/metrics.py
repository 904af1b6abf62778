"""Validation metrics. Undefined values (a correlation of constant predictions) are None in the card; the
headline loss must be finite, otherwise the input is bad (an infinite or absurd target)."""

from __future__ import annotations

import math
from typing import Any, Dict

import numpy as np

from .errors import BadTrainingInput

EPS = 1e-15


def log_loss(y: np.ndarray, proba: np.ndarray) -> float:
    picked = proba[np.arange(len(y)), y.astype(np.int64)]
    return float(-np.mean(np.log(np.clip(picked, EPS, 1.0))))


def _corr(a: np.ndarray, b: np.ndarray) -> float:
    if len(a) < 2 or np.std(a) == 0 or np.std(b) == 0:
        return math.nan
    with np.errstate(all="ignore"):
        return float(np.corrcoef(a, b)[0, 1])


def _ranks(a: np.ndarray) -> np.ndarray:
    order = np.argsort(a, kind="stable")
    ranks = np.empty(len(a), dtype=np.float64)
    ranks[order] = np.arange(len(a), dtype=np.float64)
    # average ties so equal values share a rank (Spearman's definition)
    _, inverse, counts = np.unique(a, return_inverse=True, return_counts=True)
    sums = np.bincount(inverse, weights=ranks)
    return sums[inverse] / counts[inverse]


def classification_metrics(y: np.ndarray, proba: np.ndarray, train_priors: np.ndarray) -> Dict[str, Any]:
    k = proba.shape[1]
    predicted = np.argmax(proba, axis=1)
    yi = y.astype(np.int64)
    recalls = [float(np.mean(predicted[yi == c] == c)) for c in range(k) if np.any(yi == c)]
    prior = np.clip(train_priors, EPS, 1.0)
    return {
        "log_loss": log_loss(y, proba),
        "baseline_log_loss": float(-np.mean(np.log(prior[yi]))),
        "accuracy": float(np.mean(predicted == yi)),
        "balanced_accuracy": float(np.mean(recalls)) if recalls else math.nan,
        "majority_accuracy": float(np.max(np.bincount(yi, minlength=k)) / len(yi)),
        "class_counts_valid": [int(c) for c in np.bincount(yi, minlength=k)],
    }


def regression_metrics(y: np.ndarray, pred: np.ndarray) -> Dict[str, Any]:
    with np.errstate(all="ignore"):
        error = pred - y
        mse = float(np.mean(error * error))
        variance = float(np.var(y))  # inf when y overflows when squared: r2 is then NaN
        moving = y != 0
        return {
            "rmse": math.sqrt(mse) if mse >= 0 else math.nan,
            "mae": float(np.mean(np.abs(error))),
            "r2": 1.0 - mse / variance if variance > 0 else math.nan,
            "ic_pearson": _corr(pred, y),
            "ic_spearman": _corr(_ranks(pred), _ranks(y)),
            "hit_rate": float(np.mean(np.sign(pred[moving]) == np.sign(y[moving]))) if moving.any() else math.nan,
        }


def check_headline(metrics: Dict[str, Any], task: str) -> None:
    names = ("log_loss", "accuracy") if task == "classification" else ("rmse", "mae", "r2")
    bad = [f"{name}={metrics.get(name)}" for name in names if not _finite(metrics.get(name))]
    if bad:
        raise BadTrainingInput(
            f"validation metrics are not finite ({', '.join(bad)}): the target or the features hold values the "
            "model cannot fit (overflowing or absurd numbers)"
        )


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and math.isfinite(value)


def loss(task: str, y: np.ndarray, prediction: np.ndarray) -> float:
    """The loss permutation importance measures: log loss or mean squared error."""
    if task == "classification":
        return log_loss(y, prediction)
    error = prediction - y
    return float(np.mean(error * error))
