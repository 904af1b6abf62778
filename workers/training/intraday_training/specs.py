"""The training input as it crosses from TypeScript: one dataclass, snake_case JSON, every optional field
defaulted (TypeScript's JSON.stringify drops `undefined` fields, and the Temporal data converter fails on a
missing field that has no default). Unknown fields are ignored, so the caller may send config entries whole."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Union

from .errors import BadTrainingInput

FRAMEWORKS = ("lightgbm", "xgboost")
TASKS = ("classification", "regression")


@dataclass
class TargetSpec:
    """A target from config/targets.yaml plus its name. `horizon` is the label window in bars; when it is 0
    it is taken from params.bars_ahead (or params.window for volatility_regime)."""

    name: str
    type: str
    classes: Optional[List[str]] = None
    horizon: int = 0
    params: Dict[str, Any] = field(default_factory=dict)

    def resolved_horizon(self) -> int:
        if self.horizon:
            return int(self.horizon)
        for key in ("bars_ahead", "window"):
            if isinstance(self.params.get(key), (int, float)):
                return int(self.params[key])
        return 0


@dataclass
class ModelSpec:
    """An entry of config/models.yaml (config/models.ts ModelSpecSchema)."""

    framework: str
    task: str
    params: Dict[str, Any] = field(default_factory=dict)
    num_boost_round: int = 500
    early_stopping_rounds: int = 50
    description: str = ""


@dataclass
class TrainModelInput:
    """Input of the `train_model` activity. Row ranges are [start, end) over the rows sorted by (ts, ticker),
    counted before rows with a NaN target are dropped; with both absent the default split applies (last 20%
    of distinct timestamps validate, the `horizon` timestamps before them are purged)."""

    data_key: str
    features: List[str]
    target: TargetSpec
    model_name: str
    model: ModelSpec
    # [start, end) or a list of disjoint [start, end) pairs in increasing order (split.make_split).
    train_rows: Optional[Union[List[int], List[List[int]]]] = None
    valid_rows: Optional[List[int]] = None
    # Rows whose feature values set LightGBM's histogram bins (same forms as train_rows; rows with a NaN target
    # are left out, as from training). None: this fold's training rows, as LightGBM does by default. The
    # experiment sends its first fold's training rows to every fold, so the worker bins the file once and each
    # fold takes its rows from that (binned.py). They must end before the validation window (no look-ahead).
    # XGBoost bins each training itself and ignores them.
    bin_rows: Optional[Union[List[int], List[List[int]]]] = None
    output_prefix: str = ""
    early_stopping: bool = True
    permutation_rows: int = 10000
    permutation_repeats: int = 2


@dataclass
class TrainModelResult:
    """What `train_model` returns: blob keys of the artifacts and the headline numbers (JSON-clean)."""

    output_prefix: str
    model_key: str
    native_key: str
    card_key: str
    framework: str
    task: str
    best_iteration: int
    num_trees: int
    rows_train: int
    rows_valid: int
    metrics: Dict[str, Any]
    training_seconds: float


def _from_dict(cls: type, data: Any, what: str) -> Any:
    if not isinstance(data, dict):
        raise BadTrainingInput(f"{what} must be a JSON object, was {type(data).__name__}")
    known = {f.name: f for f in dataclasses.fields(cls)}
    required = [
        name
        for name, f in known.items()
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING  # type: ignore[misc]
    ]
    missing = [name for name in required if name not in data]
    if missing:
        raise BadTrainingInput(f"{what} is missing {', '.join(missing)}")
    return cls(**{key: value for key, value in data.items() if key in known})


def target_from_dict(data: Any) -> TargetSpec:
    return _from_dict(TargetSpec, data, "the target")


def model_from_dict(data: Any) -> ModelSpec:
    return _from_dict(ModelSpec, data, "the model spec")


def check_specs(inp: TrainModelInput) -> None:
    """Checks that need no data: names, frameworks, and that the task matches the target type."""
    model, target = inp.model, inp.target
    if model.framework not in FRAMEWORKS:
        raise BadTrainingInput(
            f'model "{inp.model_name}": framework must be one of {", ".join(FRAMEWORKS)}, was "{model.framework}"'
        )
    if model.task not in TASKS:
        raise BadTrainingInput(f'model "{inp.model_name}": task must be one of {", ".join(TASKS)}, was "{model.task}"')
    if target.type not in TASKS:
        raise BadTrainingInput(f'target "{target.name}": type must be one of {", ".join(TASKS)}, was "{target.type}"')
    if model.task != target.type:
        raise BadTrainingInput(
            f'model "{inp.model_name}" has task {model.task} but target "{target.name}" is {target.type}'
        )
    if target.type == "classification" and (not target.classes or len(target.classes) < 2):
        raise BadTrainingInput(f'classification target "{target.name}" needs at least 2 classes, was {target.classes}')
    if target.resolved_horizon() < 0:
        raise BadTrainingInput(f'target "{target.name}": horizon must be >= 0, was {target.horizon}')
    if not inp.features:
        raise BadTrainingInput("the feature list is empty")
    duplicates = sorted({name for name in inp.features if inp.features.count(name) > 1})
    if duplicates:
        raise BadTrainingInput(f"the feature list repeats {', '.join(duplicates)}")
    if target.name in inp.features:
        raise BadTrainingInput(f'target "{target.name}" is also in the feature list (a label cannot be a feature)')
    if int(model.num_boost_round) < 1:
        raise BadTrainingInput(f'model "{inp.model_name}": num_boost_round must be >= 1, was {model.num_boost_round}')
    if int(model.early_stopping_rounds) < 1:
        raise BadTrainingInput(
            f'model "{inp.model_name}": early_stopping_rounds must be >= 1, was {model.early_stopping_rounds}'
        )
