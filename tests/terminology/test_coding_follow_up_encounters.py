"""ICD-10 coding (issue 18, round 9): a follow-up visit after surgery is its Z09.0 encounter, said plainly or asked
about in a chat line that quotes it; a bare plan to measure again stays nothing to code. Mentions written for these
tests."""
from __future__ import annotations

import pytest

from vimednlp.terminology import code


@pytest.mark.parametrize("mention", ["tái khám sau phẫu thuật", "a ơi \"tái khám sau mổ\" thì mã gì vậy",
                                     "follow-up after surgery"])
def test_follow_up_after_surgery(vi_cache, mention):
    c = code(mention, k=3)
    assert c and c[0].code[:3] == "Z09"


def test_a_plan_to_measure_again_is_nothing_to_code(vi_cache):
    assert code("đo lại sau", k=3) == []
