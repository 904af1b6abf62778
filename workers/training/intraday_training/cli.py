"""Plain command line (no Temporal): `python -m intraday_training train|predict|lightgbm-floor`. The TypeScript
`intraday model train|predict` calls it; the benchmark calls lightgbm-floor. Bad input: the message on stderr and exit code 2."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import List, Optional, Union


from .errors import BadTrainingInput
from .frame import read_frame_file
from .jsonclean import json_clean
from .pipeline import train
from .specs import TrainModelInput, model_from_dict, target_from_dict

EXIT_BAD_INPUT = 2


def _rows(text: Optional[str], flag: str) -> Optional[List[int]]:
    if text is None:
        return None
    parts = text.split(":")
    try:
        if len(parts) != 2:
            raise ValueError
        return [int(parts[0]), int(parts[1])]
    except ValueError:
        raise BadTrainingInput(f"{flag} must be start:end (row indices, end exclusive), was {text!r}") from None


def _row_ranges(text: Optional[str], flag: str) -> Optional[Union[List[int], List[List[int]]]]:
    """`start:end`, or several separated by commas (`0:100,120:200`) for a training window cut by an embargo."""
    if text is None or "," not in text:
        return _rows(text, flag)
    ranges: List[List[int]] = []
    for part in text.split(","):
        try:
            ranges.append(_rows(part.strip(), flag) or [])
        except BadTrainingInput:
            raise BadTrainingInput(
                f"{flag} must be start:end or start:end,start:end,... (row indices, end exclusive), was {text!r}"
            ) from None
    return ranges


def _json_arg(text: str, flag: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise BadTrainingInput(f"{flag} is not valid JSON: {error}") from None


def write_atomic(path: Path, data: bytes) -> None:
    temp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    temp.write_bytes(data)
    os.replace(temp, path)


def _training_input(args: argparse.Namespace, **more: object) -> TrainModelInput:
    """The input `train` and `lightgbm-floor` share: data, features, target, model and row ranges."""
    return TrainModelInput(
        data_key="",
        features=[name.strip() for name in args.features.split(",") if name.strip()],
        target=target_from_dict(_json_arg(args.target_json, "--target-json")),
        model_name=args.model_name,
        model=model_from_dict(_json_arg(args.model_json, "--model-json")),
        train_rows=_row_ranges(args.train_rows, "--train-rows"),
        valid_rows=_rows(args.valid_rows, "--valid-rows"),
        **more,  # type: ignore[arg-type]
    )


def run_train(args: argparse.Namespace) -> int:
    inp = _training_input(
        args,
        early_stopping=not args.no_early_stopping,
        permutation_rows=args.permutation_rows,
        permutation_repeats=args.permutation_repeats,
    )
    frame = read_frame_file(args.data)
    outcome = train(frame, inp)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    # card.json last: a folder with a card is complete.
    for name in sorted(outcome.files, key=lambda n: n == "card.json"):
        write_atomic(out / name, outcome.files[name])
    for stale in ("model.txt", "model.json"):  # the other framework's file from an earlier run in this folder
        if stale not in outcome.files and (out / stale).exists():
            (out / stale).unlink()
    card = outcome.card
    summary = {
        "out": str(out),
        "files": {name: str(out / name) for name in outcome.files},
        "name": card["name"],
        "framework": card["framework"],
        "task": card["task"],
        "best_iteration": card["best_iteration"],
        "num_trees": card["num_trees"],
        "rows_train": card["data"]["rows_train"],
        "rows_valid": card["data"]["rows_valid"],
        "rows_dropped_nan_target": card["data"]["rows_dropped_nan_target"],
        "metrics": card["metrics"],
        "fit_seconds": card["fit_seconds"],
        "training_seconds": card["training_seconds"],
    }
    print(json.dumps(json_clean(summary), allow_nan=False))
    return 0


def _iso(micros: int) -> str:
    """Like JavaScript's toISOString: milliseconds and a Z."""
    moment = datetime.fromtimestamp(micros / 1_000_000, tz=timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def run_predict(args: argparse.Namespace) -> int:
    folder = Path(args.model)
    try:
        card = json.loads((folder / "card.json").read_text())
    except (OSError, json.JSONDecodeError) as error:
        raise BadTrainingInput(f"{folder}: no readable card.json ({error})") from None
    framework = card.get("framework")
    native_name = "model.txt" if framework == "lightgbm" else "model.json"
    try:
        native = (folder / native_name).read_bytes()
    except OSError as error:
        raise BadTrainingInput(f"{folder}: cannot read {native_name} ({error.strerror})") from None
    if framework == "lightgbm":
        from .lightgbm_trainer import load_lightgbm as load
    else:
        from .xgboost_trainer import load_xgboost as load
    predict = load(native)
    frame = read_frame_file(args.data)
    features = list(card["features"])
    frame.check_columns(features, "feature")
    values = predict(frame.matrix(features))
    classification = card["task"] == "classification"
    if classification:
        header = [f"p_{i}" for i in range(values.shape[1])]
    else:
        header, values = ["value"], values.reshape(-1, 1)
    tickers, ts = frame.tickers(), frame.ts_micros()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    temp = out.with_name(f"{out.name}.tmp-{os.getpid()}")
    with open(temp, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ticker", "ts", *header])
        for row in range(len(tickers)):
            writer.writerow([tickers[row], _iso(int(ts[row])), *(repr(float(v)) for v in values[row])])
    os.replace(temp, out)
    print(json.dumps({"out": str(out), "rows": int(len(tickers)), "columns": header}))
    return 0


def run_floor(args: argparse.Namespace) -> int:
    from .floor import lightgbm_floor

    result = lightgbm_floor(read_frame_file(args.data), _training_input(args), args.rounds)
    print(json.dumps(json_clean(result), allow_nan=False))
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m intraday_training", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)
    tr = sub.add_parser("train", help="train one model and write model.onnx, the native model and card.json")
    tr.add_argument("--data", required=True, help="features file: .parquet or .csv")
    tr.add_argument("--features", required=True, help="comma-separated feature names, in model input order")
    tr.add_argument("--target-json", required=True, help='{"name","type","classes","horizon"}')
    tr.add_argument("--model-json", required=True, help="a config/models.yaml entry as JSON")
    tr.add_argument("--model-name", required=True)
    tr.add_argument("--out", required=True, help="output folder")
    tr.add_argument("--train-rows", help="start:end over rows sorted by (ts, ticker); several as start:end,start:end")
    tr.add_argument("--valid-rows", help="start:end over rows sorted by (ts, ticker)")
    tr.add_argument("--no-early-stopping", action="store_true", help="train all num_boost_round rounds")
    tr.add_argument("--permutation-rows", type=int, default=10000, help="validation rows sampled for permutation importance")
    tr.add_argument("--permutation-repeats", type=int, default=2, help="shuffles per feature")
    fl = sub.add_parser(
        "lightgbm-floor",
        help="seconds per round of LightGBM's cheapest model on the rows train would use (intraday_training/floor.py)",
    )
    for flag, text in (("--data", "features file: .parquet or .csv"), ("--features", "comma-separated feature names"),
                       ("--target-json", '{"name","type","classes","horizon"}'),
                       ("--model-json", "a config/models.yaml entry as JSON (objective, threads, num_boost_round)")):
        fl.add_argument(flag, required=True, help=text)
    fl.add_argument("--model-name", default="floor")
    fl.add_argument("--train-rows", help="as for train")
    fl.add_argument("--valid-rows", help="as for train")
    fl.add_argument("--rounds", type=int, default=20, help="rounds timed (the result is extrapolated)")
    pr = sub.add_parser("predict", help="native-library predictions (the reference the ONNX copy is tested against)")
    pr.add_argument("--model", required=True, help="folder with card.json and model.txt|model.json")
    pr.add_argument("--data", required=True, help="features file: .parquet or .csv")
    pr.add_argument("--out", required=True, help="predictions .csv")
    return top


def main(argv: Optional[List[str]] = None) -> int:
    args = parser().parse_args(argv)
    try:
        commands = {"train": run_train, "predict": run_predict, "lightgbm-floor": run_floor}
        return commands[args.command](args)
    except BadTrainingInput as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
