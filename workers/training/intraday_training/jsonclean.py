"""Makes values safe to cross to TypeScript as JSON: NaN and infinities become None (JSON.parse rejects the
`NaN` token Python writes by default), numpy scalars and arrays become Python numbers and lists."""

from __future__ import annotations

import math
from typing import Any

import numpy as np


def json_clean(value: Any) -> Any:
    """A copy of `value` made of dict, list, str, int, float (finite), bool and None only."""
    if isinstance(value, dict):
        return {str(key): json_clean(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_clean(item) for item in value]
    if isinstance(value, np.ndarray):
        return [json_clean(item) for item in value.tolist()]
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        number = float(value)
        return number if math.isfinite(number) else None
    return value
