"""LightGBM / XGBoost training for the intraday system, exported to ONNX.

Two entry points share one pipeline (`pipeline.train`): the Temporal worker (`python -m intraday_training.worker`,
task queue `training`, activity `train_model`) and a plain CLI (`python -m intraday_training train|predict`).
"""

__version__ = "0.1.0"
