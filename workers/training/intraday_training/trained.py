"""What a framework trainer hands back: the native model, a predict function over float32 features, and the
numbers the card needs. Each framework lives in its own module (lightgbm_trainer, xgboost_trainer)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional

import numpy as np

# progress(iteration, total): called every few boosting rounds; the worker heartbeats from it.
Progress = Optional[Callable[[int, int], None]]

ONNX_OPSET = 15  # highest opset onnxmltools 1.16 converts trees to; onnxruntime-node 1.30 runs it
ONNX_INPUT = "input"
PROGRESS_EVERY = 10


@dataclass
class Trained:
    native_bytes: bytes
    native_name: str  # model.txt (LightGBM) or model.json (XGBoost)
    predict: Callable[[np.ndarray], np.ndarray]  # float32 [n, f] -> probabilities [n, k] or values [n]
    onnx_bytes: bytes
    best_iteration: int  # boosting rounds kept (1-based count)
    num_trees: int
    gain: np.ndarray  # per feature, in input order
    split: np.ndarray
    hyperparameters: Dict[str, Any]
    # The native model's prediction of the validation rows at the kept round, when the trainer got it for free
    # from training (LightGBM scores the validation set every round for early stopping); None: not available, the
    # pipeline predicts the window with ONNX instead. Same shape as `predict`'s output.
    valid_prediction: Optional[np.ndarray] = None


def default_threads() -> int:
    """Threads per training: INTRADAY_TRAINING_THREADS when set (the worker sets it to its share of the cores when
    it runs several trainings at once), else every core LightGBM and XGBoost can see; the spec's params win."""
    share = os.environ.get("INTRADAY_TRAINING_THREADS")
    if share and share.isdigit() and int(share) > 0:
        return int(share)
    return all_cores()


def all_cores() -> int:
    """Every core this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def stable_onnx_bytes(model) -> bytes:  # type: ignore[no-untyped-def]
    """The ONNX model serialized the same way every run: the converters name the graph with a random UUID and list
    the opsets in an order that varies between processes, so a retried training would write different bytes for
    the same model. A fixed name and sorted opsets make equal models equal files."""
    model.graph.name = "intraday_model"
    opsets = sorted(((o.domain, o.version) for o in model.opset_import))
    del model.opset_import[:]
    for domain, version in opsets:
        entry = model.opset_import.add()
        entry.domain = domain
        entry.version = version
    return model.SerializeToString()
