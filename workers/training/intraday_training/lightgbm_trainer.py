"""LightGBM training with early stopping, and its ONNX export.

Thresholds: LightGBM compares a double feature value with a double threshold; ONNX TreeEnsemble compares
float32 with float32. For float32 inputs, `x <= t` equals `x <= t32` where t32 is the largest float32 not above
t, but the converter rounds t to the NEAREST float32, which can land above t and flip a split (we measured 9 of
11,680 rows off by up to 0.05 in probability). So the kept model's thresholds are rewritten to t32 before export:
on float32 inputs the native model predicts exactly as before, and the ONNX copy holds the same values exactly.
"""

from __future__ import annotations

import math
from typing import Any, Callable, Dict, Optional, Tuple

import lightgbm as lgb
import numpy as np
from onnxmltools import convert_lightgbm
from onnxmltools.convert.common.data_types import FloatTensorType

from .specs import ModelSpec
from .trained import ONNX_INPUT, ONNX_OPSET, PROGRESS_EVERY, Progress, Trained, default_threads, stable_onnx_bytes


def _round_down_float32(text: str) -> str:
    value = float(text)
    rounded = np.float32(value)
    if float(rounded) > value:
        rounded = np.nextafter(rounded, np.float32(-np.inf), dtype=np.float32)
    return repr(float(rounded))


def float32_thresholds(model_text: str) -> str:
    """The model text with every split threshold replaced by the largest float32 not above it. The header's
    `tree_sizes` (byte length of each tree, for parallel parsing) no longer holds, so it is dropped: LightGBM
    then reads the trees one after another."""
    lines = model_text.split("\n")
    out = []
    for line in lines:
        if line.startswith("tree_sizes="):
            continue
        if line.startswith("threshold="):
            values = line[len("threshold=") :].split(" ")
            line = "threshold=" + " ".join(_round_down_float32(v) for v in values if v)
        out.append(line)
    return "\n".join(out)


def lightgbm_params(spec: ModelSpec, num_classes: int) -> Dict[str, Any]:
    params: Dict[str, Any] = dict(spec.params)
    if num_classes:
        params.setdefault("objective", "multiclass")
        params.setdefault("num_class", num_classes)
        params.setdefault("metric", "multi_logloss")
    else:
        params.setdefault("objective", "regression")
        params.setdefault("metric", "l2")
    params.setdefault("num_threads", default_threads())
    params.setdefault("verbosity", -1)
    # Column-wise histograms, chosen up front instead of timed at start-up: with a feature fraction below 1,
    # row-wise rebuilds its row store of the sampled features for every tree, and with a bag under half the rows
    # it rebuilds the whole store every round. Same trees either way (workers/training/README.md).
    if "force_row_wise" not in params:
        params.setdefault("force_col_wise", True)
    params.setdefault("first_metric_only", True)
    return params


class ValidSnapshot:
    """LightGBM's own prediction of the validation set at the best round so far, kept during training so the
    pipeline does not predict the window again after the fit (that took a third of a fold's post-fit time).

    LightGBM scores the validation set after every round for early stopping; a custom `feval` receives those
    scores converted like `predict` output (probabilities [n, k], values [n]) in a buffer LightGBM reuses, and the
    callback copies them when the first metric strictly improves: the rule `lgb.early_stopping` uses (min_delta 0)
    to pick the kept round. `prediction(kept)` returns them only when they belong to exactly the kept round."""

    NAME = "valid_snapshot"

    def __init__(self) -> None:
        self.order = 25  # lgb.train runs callbacks by `order`: before lgb.early_stopping (30), which may stop training
        self._latest: Optional[np.ndarray] = None
        self._best: Optional[np.ndarray] = None
        self._best_round = 0
        self._best_score = math.inf
        self._last_round = 0

    def feval(self, preds: np.ndarray, data: lgb.Dataset) -> Tuple[str, float, bool]:
        self._latest = preds
        # a constant metric after the real ones: early stopping with first_metric_only looks at the first only
        return self.NAME, 0.0, False

    def __call__(self, env: lgb.callback.CallbackEnv) -> None:
        """The after-round callback: the round's scores are in `env` once every metric (feval too) has run."""
        self._last_round = env.iteration + 1
        if not env.evaluation_result_list or self._latest is None:
            return
        _, metric, score, higher_better = env.evaluation_result_list[0][:4]
        if metric == self.NAME:
            return
        score = -score if higher_better else score
        if score < self._best_score:
            self._best_score, self._best_round = score, env.iteration + 1
            self._best = np.array(self._latest, dtype=np.float64, copy=True)

    def prediction(self, kept: int) -> Optional[np.ndarray]:
        if self._best is not None and kept == self._best_round:
            return self._best
        if self._latest is not None and kept == self._last_round:  # no early stopping: every round is kept
            return np.array(self._latest, dtype=np.float64, copy=True)
        return None


def _has_builtin_metric(params: Dict[str, Any]) -> bool:
    metric = params.get("metric")
    names = metric if isinstance(metric, (list, tuple)) else [metric]
    return any(isinstance(n, str) and n.strip().lower() not in ("", "none", "null", "na", "custom") for n in names)


def train_lightgbm(
    spec: ModelSpec,
    num_classes: int,
    x_train: Optional[np.ndarray],
    y_train: np.ndarray,
    x_valid: np.ndarray,
    y_valid: np.ndarray,
    early_stopping: bool,
    progress: Progress,
    datasets: Optional[Callable[[Dict[str, Any]], Tuple[lgb.Dataset, lgb.Dataset]]] = None,
) -> Trained:
    """`datasets(params)`, when given, returns the training and validation sets already binned (binned.py), and
    `x_train` may then be None; otherwise they are built from the matrices, the training rows setting the bins."""
    params = lightgbm_params(spec, num_classes)
    rounds = int(spec.num_boost_round)
    if datasets is not None:
        train_set, valid_set = datasets(params)
    else:
        train_set = lgb.Dataset(x_train, label=y_train, free_raw_data=True)
        valid_set = lgb.Dataset(x_valid, label=y_valid, reference=train_set, free_raw_data=True)

    def report(env: lgb.callback.CallbackEnv) -> None:
        if progress is not None and (env.iteration + 1) % PROGRESS_EVERY == 0:
            progress(env.iteration + 1, rounds)

    # Only next to a built-in metric: with `metric: None` the snapshot's constant would be the first metric and
    # early stopping would follow it.
    snapshot = ValidSnapshot() if _has_builtin_metric(params) else None
    callbacks = [report] + ([snapshot] if snapshot is not None else [])
    if early_stopping:
        callbacks.append(lgb.early_stopping(int(spec.early_stopping_rounds), first_metric_only=True, verbose=False))
    booster = lgb.train(
        params,
        train_set,
        num_boost_round=rounds,
        valid_sets=[valid_set],
        feval=snapshot.feval if snapshot is not None else None,
        callbacks=callbacks,
    )
    kept = booster.best_iteration if early_stopping and booster.best_iteration > 0 else booster.current_iteration()
    text = float32_thresholds(booster.model_to_string(num_iteration=kept))
    final = lgb.Booster(model_str=text)
    n_features = x_valid.shape[1]
    onnx_model = convert_lightgbm(
        final,
        initial_types=[(ONNX_INPUT, FloatTensorType([None, n_features]))],
        zipmap=False,
        target_opset=ONNX_OPSET,
    )

    def predict(x: np.ndarray) -> np.ndarray:
        return np.asarray(final.predict(x.astype(np.float64), num_threads=params["num_threads"]))

    return Trained(
        native_bytes=text.encode("utf-8"),
        native_name="model.txt",
        predict=predict,
        onnx_bytes=stable_onnx_bytes(onnx_model),
        best_iteration=int(kept),
        num_trees=int(final.num_trees()),
        gain=np.asarray(final.feature_importance("gain"), dtype=np.float64),
        split=np.asarray(final.feature_importance("split"), dtype=np.float64),
        hyperparameters={**params, "num_boost_round": rounds, "early_stopping_rounds": int(spec.early_stopping_rounds)},
        valid_prediction=snapshot.prediction(int(kept)) if snapshot is not None else None,
    )


def load_lightgbm(native: bytes) -> Any:
    booster = lgb.Booster(model_str=native.decode("utf-8"))
    return lambda x: np.asarray(booster.predict(x.astype(np.float64)))
