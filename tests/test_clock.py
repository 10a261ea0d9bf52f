import datetime as dt

import pytest

from macros.data.clock import BadBuildDate, build_date


def test_build_date_is_today_unless_fixed():
    assert build_date({}) == dt.date.today()
    assert build_date({"PORTAL_BUILD_DATE": "2019-09-11"}) == dt.date(2019, 9, 11)


@pytest.mark.parametrize("value", ["11/09/2019", "2019-9-11", "2019-02-30", "tomorrow", "9999-12-31", "1066-10-14"])
def test_a_bad_build_date_says_how_to_write_it(value):
    with pytest.raises(BadBuildDate, match="YYYY-MM-DD"):
        build_date({"PORTAL_BUILD_DATE": value})
