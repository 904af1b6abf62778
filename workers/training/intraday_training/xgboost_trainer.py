"""XGBoost training with early stopping, and its ONNX export. XGBoost already keeps split conditions as float32
and compares float32 values, so its ONNX copy needs no threshold rewrite. Features are passed without names
(f0, f1, ...): the converter reads the tree dump and only understands that form."""

from __future__ import annotations

from typing import Any, Dict

import numpy as np
import xgboost as xgb
from onnxmltools import convert_xgboost
from onnxmltools.convert.common.data_types import FloatTensorType

from .specs import ModelSpec
from .trained import ONNX_INPUT, ONNX_OPSET, PROGRESS_EVERY, Progress, Trained, default_threads, stable_onnx_bytes


class _Report(xgb.callback.TrainingCallback):
    def __init__(self, progress: Progress, rounds: int) -> None:
        super().__init__()
        self.progress, self.rounds = progress, rounds

    def after_iteration(self, model: Any, epoch: int, evals_log: Any) -> bool:
        if self.progress is not None and (epoch + 1) % PROGRESS_EVERY == 0:
            self.progress(epoch + 1, self.rounds)
        return False


def xgboost_params(spec: ModelSpec, num_classes: int) -> Dict[str, Any]:
    params: Dict[str, Any] = dict(spec.params)
    if num_classes:
        params.setdefault("objective", "multi:softprob")
        params.setdefault("num_class", num_classes)
        params.setdefault("eval_metric", "mlogloss")
    else:
        params.setdefault("objective", "reg:squarederror")
        params.setdefault("eval_metric", "rmse")
    params.setdefault("tree_method", "hist")
    params.setdefault("nthread", default_threads())
    params.setdefault("verbosity", 0)
    return params


def _importance(booster: xgb.Booster, kind: str, n_features: int) -> np.ndarray:
    scores = booster.get_score(importance_type=kind)
    out = np.zeros(n_features, dtype=np.float64)
    for name, value in scores.items():
        out[int(name[1:])] = float(value)  # keys are f0, f1, ...
    return out


def train_xgboost(
    spec: ModelSpec,
    num_classes: int,
    x_train: np.ndarray,
    y_train: np.ndarray,
    x_valid: np.ndarray,
    y_valid: np.ndarray,
    early_stopping: bool,
    progress: Progress,
) -> Trained:
    params = xgboost_params(spec, num_classes)
    rounds = int(spec.num_boost_round)
    threads = int(params["nthread"])
    dtrain = xgb.DMatrix(x_train, label=y_train, missing=np.nan, nthread=threads)
    dvalid = xgb.DMatrix(x_valid, label=y_valid, missing=np.nan, nthread=threads)
    booster = xgb.train(
        params,
        dtrain,
        num_boost_round=rounds,
        evals=[(dvalid, "valid")],
        early_stopping_rounds=int(spec.early_stopping_rounds) if early_stopping else None,
        verbose_eval=False,
        callbacks=[_Report(progress, rounds)],
    )
    kept = booster.best_iteration + 1 if early_stopping else booster.num_boosted_rounds()
    final = booster[:kept]
    n_features = x_train.shape[1]
    onnx_model = convert_xgboost(
        final, initial_types=[(ONNX_INPUT, FloatTensorType([None, n_features]))], target_opset=ONNX_OPSET
    )

    def predict(x: np.ndarray) -> np.ndarray:
        return np.asarray(final.predict(xgb.DMatrix(x, missing=np.nan, nthread=threads)))

    return Trained(
        native_bytes=bytes(final.save_raw("json")),
        native_name="model.json",
        predict=predict,
        onnx_bytes=stable_onnx_bytes(onnx_model),
        best_iteration=int(kept),
        num_trees=len(final.get_dump()),
        gain=_importance(final, "total_gain", n_features),
        split=_importance(final, "weight", n_features),
        hyperparameters={**params, "num_boost_round": rounds, "early_stopping_rounds": int(spec.early_stopping_rounds)},
    )


def load_xgboost(native: bytes) -> Any:
    booster = xgb.Booster()
    booster.load_model(bytearray(native))
    return lambda x: np.asarray(booster.predict(xgb.DMatrix(x, missing=np.nan)))
