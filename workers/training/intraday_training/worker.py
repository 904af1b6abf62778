"""`python -m intraday_training.worker`: polls task queue `training` for `train_model`.

TEMPORAL_ADDRESS (127.0.0.1:7233), TEMPORAL_NAMESPACE (default), TRAINING_TASK_QUEUE (training; tests give each
run its own), TRAINING_MAX_CONCURRENT (2: the experiment workflow trains two folds at a time; each training gets
cores / TRAINING_MAX_CONCURRENT threads unless INTRADAY_TRAINING_THREADS says otherwise). Stops cleanly on
SIGINT/SIGTERM after the running activity's next heartbeat window."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from concurrent.futures import ThreadPoolExecutor

from temporalio.client import Client
from temporalio.worker import Worker

from .activity import TASK_QUEUE, train_model


def warm_imports() -> None:
    """Imports the LightGBM trainer (lightgbm and onnxmltools: about 2.5 CPU seconds) while the worker waits for its
    first task. The pipeline imports a framework on demand (the CLI trains once per process and needs one), so in
    a fresh worker the first fold of an experiment paid it, with the second fold waiting on the import lock."""
    from .lightgbm_trainer import train_lightgbm  # noqa: F401


def build_worker(
    client: Client, max_concurrent: int, executor: ThreadPoolExecutor, task_queue: str = TASK_QUEUE
) -> Worker:
    return Worker(
        client,
        task_queue=task_queue,
        activities=[train_model],
        activity_executor=executor,
        max_concurrent_activities=max_concurrent,
    )


async def main() -> None:
    address = os.environ.get("TEMPORAL_ADDRESS", "127.0.0.1:7233")
    namespace = os.environ.get("TEMPORAL_NAMESPACE", "default")
    max_concurrent = int(os.environ.get("TRAINING_MAX_CONCURRENT", "2"))
    # Each training gets its share of the cores: two one-thread trainings on two cores overlap each other's
    # single-threaded parts (reading, ONNX export, importance), which one two-thread training cannot.
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    os.environ.setdefault("INTRADAY_TRAINING_THREADS", str(max(1, cores // max(1, max_concurrent))))
    task_queue = os.environ.get("TRAINING_TASK_QUEUE") or TASK_QUEUE
    client = await Client.connect(address, namespace=namespace)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    with ThreadPoolExecutor(max_workers=max_concurrent) as executor:
        worker = build_worker(client, max_concurrent, executor, task_queue)
        async with worker:
            print(
                f'[training-worker] polling task queue "{task_queue}" at {address}, namespace "{namespace}"',
                file=sys.stderr,
                flush=True,
            )
            # not awaited: a task that arrives meanwhile waits on the import lock for the same modules, no longer
            warming = loop.run_in_executor(None, warm_imports)
            await stop.wait()
            await warming


if __name__ == "__main__":
    asyncio.run(main())
