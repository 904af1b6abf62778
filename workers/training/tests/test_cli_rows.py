"""--train-rows text: one start:end pair as before, or several separated by commas."""

from __future__ import annotations

import pytest

from intraday_training.cli import _row_ranges
from intraday_training.errors import BadTrainingInput


def test_one_pair_stays_a_pair() -> None:
    assert _row_ranges("0:100", "--train-rows") == [0, 100]


def test_several_pairs_become_a_list() -> None:
    assert _row_ranges("0:100, 120:200", "--train-rows") == [[0, 100], [120, 200]]


def test_absent_is_none() -> None:
    assert _row_ranges(None, "--train-rows") is None


def test_a_bad_piece_names_the_whole_text() -> None:
    with pytest.raises(BadTrainingInput, match=r"--train-rows must be start:end or start:end,start:end,\.\.\. .*was '0:100,x'"):
        _row_ranges("0:100,x", "--train-rows")
