"""The `train_model` activity on a REAL Temporal dev server (the CLI built by scripts/setup/temporal.sh), called
BY NAME from a tiny Python workflow with a plain dict argument, the way the TypeScript workflow calls it. Also:
heartbeats while training, and bad input surfacing as a non-retryable ApplicationError (one attempt only)."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any, Dict

import pytest
from temporalio import workflow
from temporalio.client import WorkflowFailureError
from temporalio.common import RetryPolicy
from temporalio.exceptions import ActivityError, ApplicationError, RetryState
from temporalio.testing import ActivityEnvironment, WorkflowEnvironment
from temporalio.worker import UnsandboxedWorkflowRunner, Worker

from intraday_training.activity import train_model
from intraday_training.blobstore import LocalBlobStore
from intraday_training.pipeline import input_to_dict
from intraday_training.worker import build_worker

from .conftest import make_input

DEFAULT_CLI = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "intraday" / "temporal-1.5.1" / "temporal"


@workflow.defn(name="TrainByName")
class TrainByName:
    @workflow.run
    async def run(self, inp: Dict[str, Any]) -> Dict[str, Any]:
        return await workflow.execute_activity(
            "train_model",
            inp,
            task_queue="training",
            start_to_close_timeout=timedelta(minutes=5),
            heartbeat_timeout=timedelta(minutes=2),
            retry_policy=RetryPolicy(maximum_attempts=5, initial_interval=timedelta(milliseconds=100)),
            result_type=dict,
        )


def _cli_path() -> str:
    path = os.environ.get("TEMPORAL_CLI_PATH") or str(DEFAULT_CLI)
    if not os.access(path, os.X_OK):
        pytest.fail(f"no Temporal CLI at {path}: run `bash scripts/setup/temporal.sh` or set TEMPORAL_CLI_PATH")
    return path


async def _scenario(store: LocalBlobStore) -> None:
    env = await WorkflowEnvironment.start_local(
        dev_server_existing_path=_cli_path(), dev_server_startup_timeout=timedelta(seconds=90)
    )
    async with env:
        with ThreadPoolExecutor(max_workers=1) as executor:
            training = build_worker(env.client, 1, executor)
            workflows = Worker(
                env.client, task_queue="test-workflows", workflows=[TrainByName], workflow_runner=UnsandboxedWorkflowRunner()
            )
            async with training, workflows:
                good = input_to_dict(make_input("lightgbm", "classification", output_prefix="models/lgbm_test/1"))
                # what a TypeScript caller may send besides the contract: config entries whole, an unknown key
                good["model"]["description"] = "from config/models.yaml"
                good["target"]["function"] = "targets.direction"
                good["sent_by"] = "typescript"
                del good["early_stopping"]  # JSON.stringify drops undefined fields: defaults must fill them
                result = await env.client.execute_workflow(
                    "TrainByName", good, id=f"train-{uuid.uuid4()}", task_queue="test-workflows"
                )
                assert result["model_key"] == "models/lgbm_test/1/model.onnx"
                assert result["native_key"] == "models/lgbm_test/1/model.txt"
                assert result["card_key"] == "models/lgbm_test/1/card.json"
                for key in (result["model_key"], result["native_key"], result["card_key"]):
                    assert store.exists(key), key
                assert result["rows_valid"] > 0 and result["metrics"]["log_loss"] > 0

                bad = dict(good, features=["price", "rsi_99"])
                with pytest.raises(WorkflowFailureError) as caught:
                    await env.client.execute_workflow(
                        "TrainByName", bad, id=f"train-bad-{uuid.uuid4()}", task_queue="test-workflows"
                    )
                activity_error = caught.value.cause
                assert isinstance(activity_error, ActivityError)
                assert activity_error.retry_state == RetryState.NON_RETRYABLE_FAILURE
                cause = activity_error.cause
                assert isinstance(cause, ApplicationError)
                assert cause.type == "BadTrainingInput" and cause.non_retryable
                assert "unknown feature rsi_99" in cause.message


def test_train_model_on_a_real_dev_server(tmp_path, monkeypatch, data_file) -> None:
    monkeypatch.setenv("INTRADAY_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("INTRADAY_BLOB_KIND", raising=False)
    store = LocalBlobStore(tmp_path / "blobs")
    store.put("features/test.parquet", data_file.read_bytes())
    asyncio.run(_scenario(store))


def test_activity_heartbeats_while_training(tmp_path, monkeypatch, data_file) -> None:
    monkeypatch.setenv("INTRADAY_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("INTRADAY_BLOB_KIND", raising=False)
    LocalBlobStore(tmp_path / "blobs").put("features/test.parquet", data_file.read_bytes())
    beats: list = []
    env = ActivityEnvironment()
    env.on_heartbeat = lambda *details: beats.append(details[0] if details else None)
    inp = dataclasses.replace(make_input("xgboost", "regression", num_boost_round=30), early_stopping=False)
    result = env.run(train_model, inp)
    assert [b["iteration"] for b in beats if b and "iteration" in b] == [10, 20, 30]
    assert result.best_iteration == 30 and result.output_prefix.startswith("training/xgboost_regression/")
    # the same input lands on the same keys (idempotent re-runs)
    assert env.run(train_model, inp).card_key == result.card_key
