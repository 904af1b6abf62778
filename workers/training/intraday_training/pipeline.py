"""One training run, shared by the Temporal activity and the CLI: check the input, split, train with early
stopping, export ONNX and check it against the native model, measure, and build the model card."""

from __future__ import annotations

import dataclasses
import json
import math
import platform
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata
from typing import Any, Callable, Dict, Tuple

import numpy as np
import onnx
import onnxruntime as ort

from . import __version__
from .errors import BadTrainingInput
from .frame import Frame
from .importance import permutation_importance
from .jsonclean import json_clean
from .metrics import check_headline, classification_metrics, regression_metrics
from .specs import TrainModelInput, check_specs
from .split import bin_positions, make_split
from .trained import ONNX_INPUT, Progress, Trained, default_threads

CARD_SCHEMA_VERSION = 1
ONNX_CHECK_ROWS = 20000
ONNX_TOLERANCE = 1e-5
SIGNAL_QUANTILE = 0.95
DEFAULT_SEED = 7


@dataclass
class Outcome:
    files: Dict[str, bytes]  # model.onnx, model.txt|model.json, card.json
    card: Dict[str, Any]


def _library_versions() -> Dict[str, str]:
    versions = {"python": platform.python_version(), "intraday_training": __version__}
    for name in ("lightgbm", "xgboost", "onnx", "onnxmltools", "onnxconverter-common", "onnxruntime", "numpy", "pyarrow"):
        # xgboost is installed as the CPU-only wheel `xgboost-cpu`; the module is the same
        for distribution in (name, f"{name}-cpu"):
            try:
                versions[name] = metadata.version(distribution)
                break
            except metadata.PackageNotFoundError:
                pass
    return versions


def _trainer(framework: str):
    """Imported on demand: each framework costs seconds of import time the other run does not need."""
    if framework == "lightgbm":
        from .lightgbm_trainer import train_lightgbm

        return train_lightgbm
    from .xgboost_trainer import train_xgboost

    return train_xgboost


def _onnx_outputs(onnx_bytes: bytes, task: str) -> Dict[str, Any]:
    model = onnx.load_from_string(onnx_bytes)
    outputs = [output.name for output in model.graph.output]
    opset = next((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), None)
    ml_opset = next((o.version for o in model.opset_import if o.domain == "ai.onnx.ml"), None)
    names = {"input": ONNX_INPUT, "opset": opset, "ml_opset": ml_opset}
    if task == "classification":
        # label first, then the [N, k] probability tensor (no ZipMap)
        return {**names, "probabilities": outputs[-1], "value": None}
    return {**names, "probabilities": None, "value": outputs[0]}


def _onnx_predictor(trained: Trained, onnx_info: Dict[str, Any]) -> Callable[[np.ndarray], np.ndarray]:
    """Predicts with the exported ONNX model, the one TypeScript serves: [n, k] probabilities or [n] values as
    float64. Used for the validation metrics and permutation importance because onnxruntime evaluates trees several
    times faster than the native predictors (LightGBM's predict took 2 minutes for 330 k rows of the 1,500-tree
    benchmark model), and because those numbers should describe the model that is deployed."""
    options = ort.SessionOptions()
    options.intra_op_num_threads = default_threads()
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(trained.onnx_bytes, options, providers=["CPUExecutionProvider"])
    name = onnx_info["probabilities"] or onnx_info["value"]

    def predict(x: np.ndarray) -> np.ndarray:
        out = np.asarray(session.run([name], {ONNX_INPUT: np.ascontiguousarray(x, dtype=np.float32)})[0])
        out = out.astype(np.float64)
        return out if onnx_info["probabilities"] else out.reshape(-1)

    return predict


def _max_gap(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.max(np.abs(a.reshape(b.shape) - b))) if len(b) else 0.0


def _check_onnx(onnx_out: np.ndarray, native: np.ndarray) -> float:
    """Largest |ONNX - native| on the checked validation rows (the first ONNX_CHECK_ROWS); a bigger gap than the
    tolerance is a converter bug, so it fails the run (retryable: it is not the caller's input)."""
    gap = _max_gap(onnx_out, native)
    if not gap <= ONNX_TOLERANCE:
        raise RuntimeError(f"the ONNX export differs from the native model by {gap} (tolerance {ONNX_TOLERANCE})")
    return gap


def _validation_prediction(
    trained: Trained, served: Callable[[np.ndarray], np.ndarray], x_valid: np.ndarray, native_checked: np.ndarray
) -> Tuple[np.ndarray, str]:
    """The model's prediction of every validation row, and where it came from. The trainer's own scores at the
    kept round (LightGBM computes them during training for early stopping) are used when they agree with the
    native model's predict on the checked rows within ONNX_TOLERANCE (the same bound the ONNX copy must meet);
    otherwise, and for trainers that do not keep them, the ONNX model predicts the window. Either way the numbers
    describe the served model to within the checked tolerance."""
    kept = trained.valid_prediction
    if kept is not None and len(kept) == len(x_valid):
        kept = kept.reshape((len(kept),) + native_checked.shape[1:])
        if _max_gap(kept[: len(native_checked)], native_checked) <= ONNX_TOLERANCE:
            return kept, "training"
    return served(x_valid), "onnx"


def _check_target(inp: TrainModelInput, y_train: np.ndarray, y_valid: np.ndarray) -> int:
    name = inp.target.name
    if len(y_valid) == 0:
        raise BadTrainingInput(f'the validation window has no rows with a value of target "{name}"')
    if len(y_train) == 0:
        raise BadTrainingInput(f'the training window has no rows with a value of target "{name}"')
    if not np.all(np.isfinite(y_train)):
        raise BadTrainingInput(f'target "{name}" has infinite values in the training window')
    if np.all(y_train == y_train[0]):
        raise BadTrainingInput(f'target "{name}" is constant ({y_train[0]}) over the training window: nothing to learn')
    if inp.target.type != "classification":
        return 0
    k = len(inp.target.classes or [])
    for what, y in (("training", y_train), ("validation", y_valid)):
        bad = y[(y != np.round(y)) | (y < 0) | (y >= k)]
        if len(bad):
            raise BadTrainingInput(
                f'classification target "{name}" must hold class indices 0..{k - 1}; the {what} window has {bad[0]}'
            )
    return k


def train(frame: Frame, inp: TrainModelInput, progress: Progress = None) -> Outcome:
    started = time.perf_counter()
    check_specs(inp)
    frame.check_columns(list(inp.features), "feature")
    frame.check_columns([inp.target.name], "target column")
    target = frame.numeric(inp.target.name)
    horizon = inp.target.resolved_horizon()
    split = make_split(
        frame.ts_micros(), frame.ticker_codes(), target, horizon, inp.train_rows, inp.valid_rows, frame.sort_order()
    )
    bins = bin_positions(split, target, inp.bin_rows) if inp.bin_rows is not None else None
    binned = bins is not None and inp.model.framework == "lightgbm"
    # only the fold's rows are converted (a walk-forward fold uses about half of the file); with a binned copy of
    # the file (binned.py) LightGBM needs no training matrix at all
    threads = default_threads()
    if binned:
        x_train, x_valid = None, frame.matrices(list(inp.features), [split.valid], threads)[0]
    else:
        x_train, x_valid = frame.matrices(list(inp.features), [split.train, split.valid], threads)
    y_train, y_valid = target[split.train], target[split.valid]
    k = _check_target(inp, y_train, y_valid)
    trainer = _trainer(inp.model.framework)
    fit_started = time.perf_counter()
    if binned:
        from .binned import fold_datasets

        def datasets(params: Dict[str, Any]) -> Any:
            return fold_datasets(frame, list(inp.features), inp.target.name, target, bins, split, params)

        trained = trainer(inp.model, k, x_train, y_train, x_valid, y_valid, inp.early_stopping, progress, datasets)
    else:
        trained = trainer(inp.model, k, x_train, y_train, x_valid, y_valid, inp.early_stopping, progress)
    fit_seconds = time.perf_counter() - fit_started
    task = inp.model.task
    onnx_info = _onnx_outputs(trained.onnx_bytes, task)
    served = _onnx_predictor(trained, onnx_info)
    checked = np.ascontiguousarray(x_valid[:ONNX_CHECK_ROWS])
    native_checked = np.asarray(trained.predict(checked), dtype=np.float64) if len(checked) else np.zeros(0)
    prediction, prediction_source = _validation_prediction(trained, served, x_valid, native_checked)
    if task == "classification":
        priors = np.bincount(y_train.astype(np.int64), minlength=k) / len(y_train)
        metrics = classification_metrics(y_valid, prediction, priors)
    else:
        metrics = regression_metrics(y_valid, prediction)
    # the headline first: labels that overflow make both the metrics and the ONNX-native gap infinite, and that is
    # the caller's bad input (non-retryable), not a converter bug
    check_headline(metrics, task)
    onnx_checked = prediction[: len(checked)] if prediction_source == "onnx" else served(checked)
    onnx_info["max_abs_diff_valid"] = _check_onnx(onnx_checked, native_checked)
    seed = int(inp.model.params.get("seed", DEFAULT_SEED))
    permutation = permutation_importance(
        served, task, x_valid, y_valid, seed, int(inp.permutation_rows), int(inp.permutation_repeats),
        # the base loss from the same ONNX predictor as the shuffled copies (training scores differ in rounding)
        prediction if prediction_source == "onnx" else None, trained.split == 0,
    )
    permutation_rows = min(int(inp.permutation_rows), len(y_valid)) if int(inp.permutation_rows) > 0 else len(y_valid)
    features = list(inp.features)
    if task == "classification":
        classes = list(inp.target.classes or [])
        # classes named long/short (direction, triple barrier); otherwise the last class is the long side and
        # the first the short side, the order config/targets.yaml uses
        long = "long" if "long" in classes else classes[-1]
        short = "short" if "short" in classes else classes[0]
        signal: Dict[str, Any] = {"kind": "class_probability", "long": long, "short": short}
    else:
        classes = None
        scale = float(np.quantile(np.abs(prediction), SIGNAL_QUANTILE)) if len(prediction) else 0.0
        if not (math.isfinite(scale) and scale > 0):
            # every validation prediction is 0 (or the quantile is): fall back to the largest, then to 1
            top = float(np.max(np.abs(prediction))) if len(prediction) else 0.0
            scale = top if math.isfinite(top) and top > 0 else 1.0
        signal = {"kind": "regression_scale", "scale": scale, "quantile": SIGNAL_QUANTILE}
    card = {
        "schema_version": CARD_SCHEMA_VERSION,
        "name": inp.model_name,
        "framework": inp.model.framework,
        "task": task,
        "features": features,
        "target": {"name": inp.target.name, "type": inp.target.type, "classes": classes, "horizon": horizon},
        "classes": classes,
        "onnx": onnx_info,
        "signal": signal,
        "hyperparameters": trained.hyperparameters,
        "best_iteration": trained.best_iteration,
        "num_trees": trained.num_trees,
        "data": {
            "sha256": frame.sha256,
            "source": inp.data_key or frame.source,
            "rows_total": frame.table.num_rows,
            "rows_train": int(len(y_train)),
            "rows_valid": int(len(y_valid)),
            "rows_dropped_nan_target": split.dropped_nan_target,
            "rows_purged": split.purged_rows,
            "split": split.how,
            "train_rows": inp.train_rows,
            "valid_rows": inp.valid_rows,
            # rows that set LightGBM's bin boundaries (None: the training rows)
            "bin_rows": inp.bin_rows if binned else None,
        },
        "metrics": metrics,
        "metrics_source": prediction_source,
        "importance": {
            "gain": dict(zip(features, trained.gain.tolist())),
            "split": dict(zip(features, trained.split.tolist())),
            "permutation": dict(zip(features, permutation)),
        },
        "permutation_sample": {
            "rows": permutation_rows,
            "of_rows_valid": int(len(y_valid)),
            "repeats": max(1, int(inp.permutation_repeats)),
            "seed": seed,
        },
        "library_versions": _library_versions(),
        "training_seconds": time.perf_counter() - started,
        "fit_seconds": fit_seconds,
        "created": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
    }
    card = json_clean(card)
    files = {
        "model.onnx": trained.onnx_bytes,
        trained.native_name: trained.native_bytes,
        "card.json": (json.dumps(card, indent=2, allow_nan=False) + "\n").encode("utf-8"),
    }
    return Outcome(files=files, card=card)


def input_to_dict(inp: TrainModelInput) -> Dict[str, Any]:
    return json_clean(dataclasses.asdict(inp))
