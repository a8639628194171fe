"""vrmc's JSON writer gives exactly the text of `json.dumps(..., indent=2)`, for any value."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vrmc_cli.render.as_json import dumps

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and infinities included: both must refuse them
    | st.text()
)
KEYS = st.text() | st.integers() | st.booleans() | st.none()  # json's own key rules too
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.lists(st.text(), max_size=3)  # the all-text fast path
        | st.dictionaries(KEYS, inner, max_size=4)
    ),
    max_leaves=30,
)


def reference(value: Any) -> str:
    return json.dumps(value, ensure_ascii=True, allow_nan=False, indent=2) + "\n"


@given(st.dictionaries(st.text(), VALUES, max_size=5))
def test_same_text_as_json_dumps(document: dict[str, Any]) -> None:
    try:
        expected = reference(document)
    except ValueError:  # NaN or an infinity: refused by both
        with pytest.raises(ValueError):
            dumps(document)
        return
    assert dumps(document) == expected


def test_str_subclasses_and_unusual_types_fall_back_to_json() -> None:
    class Tag(str):
        pass

    document = {"tag": Tag("x"), "ids": [Tag("a"), "b"], "n": 1.5, 1: "one"}
    assert dumps(document) == reference(document)
    with pytest.raises(TypeError):
        dumps({"when": object()})
