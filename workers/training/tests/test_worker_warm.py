"""The worker imports the LightGBM trainer before its first task."""

from __future__ import annotations

import subprocess
import sys


def test_the_worker_can_import_the_lightgbm_trainer_ahead_of_its_first_task() -> None:
    """Importing the worker module does not import LightGBM (the CLI and XGBoost runs do not need it);
    warm_imports does, so the first fold of an experiment does not pay for it."""
    script = (
        "import sys\n"
        "from intraday_training.worker import warm_imports\n"
        "assert 'lightgbm' not in sys.modules, 'imported too early'\n"
        "warm_imports()\n"
        "assert 'lightgbm' in sys.modules and 'intraday_training.lightgbm_trainer' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
