"""The `train_model` activity: blob in, blobs out. A sync function run in the worker's thread pool, because
training is CPU-bound native code (it releases the GIL) and an async activity would stall the event loop and
with it the heartbeats."""

from __future__ import annotations

import hashlib
import json
from temporalio import activity
from temporalio.exceptions import ApplicationError, CancelledError

from .blobstore import BlobStore, check_blob_key, open_blob_store
from .errors import BAD_TRAINING_INPUT, BadTrainingInput
from .framecache import FRAMES, FrameCache
from .jsonclean import json_clean
from .pipeline import input_to_dict, train
from .specs import TrainModelInput, TrainModelResult

ACTIVITY_NAME = "train_model"
TASK_QUEUE = "training"


def default_output_prefix(inp: TrainModelInput) -> str:
    """training/<model>/<16 hex of the input>: the same input always lands on the same keys (idempotent retries)."""
    digest = hashlib.sha256(json.dumps(input_to_dict(inp), sort_keys=True).encode("utf-8")).hexdigest()[:16]
    return f"training/{inp.model_name}/{digest}"


def run_training(
    inp: TrainModelInput, store: BlobStore, progress=None, frames: FrameCache = FRAMES
) -> TrainModelResult:
    """The activity body without Temporal, so it can be called and tested directly. `frames` keeps the last
    dataset between calls (the folds of one experiment share it)."""
    if not inp.data_key:
        raise BadTrainingInput("data_key is empty: name the blob key of the features file")
    check_blob_key(inp.data_key)
    prefix = inp.output_prefix.strip("/") if inp.output_prefix else default_output_prefix(inp)
    check_blob_key(f"{prefix}/card.json")
    frame = frames.get(store, inp.data_key)
    outcome = train(frame, inp, progress)
    keys = {name: f"{prefix}/{name}" for name in outcome.files}
    # card.json last: a prefix with a card is complete.
    for name in sorted(outcome.files, key=lambda n: n == "card.json"):
        store.put(keys[name], outcome.files[name])
    card = outcome.card
    native = next(name for name in outcome.files if name.startswith("model.") and name != "model.onnx")
    return TrainModelResult(
        output_prefix=prefix,
        model_key=keys["model.onnx"],
        native_key=keys[native],
        card_key=keys["card.json"],
        framework=card["framework"],
        task=card["task"],
        best_iteration=int(card["best_iteration"]),
        num_trees=int(card["num_trees"]),
        rows_train=int(card["data"]["rows_train"]),
        rows_valid=int(card["data"]["rows_valid"]),
        metrics=json_clean(card["metrics"]),
        training_seconds=float(card["training_seconds"]),
    )


def _heartbeat(iteration: int, total: int) -> None:
    activity.heartbeat({"iteration": iteration, "of": total})
    if activity.is_cancelled():
        # Checked between boosting rounds: a cancelled workflow stops paying for training within 10 rounds.
        raise CancelledError("training cancelled")


@activity.defn(name=ACTIVITY_NAME)
def train_model(inp: TrainModelInput) -> TrainModelResult:
    activity.heartbeat({"stage": "loading"})
    try:
        return run_training(inp, open_blob_store(), _heartbeat)
    except BadTrainingInput as error:
        raise ApplicationError(str(error), type=BAD_TRAINING_INPUT, non_retryable=True) from None
