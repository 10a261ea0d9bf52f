"""macros/publish/schemas.py: a JSON Schema per data file, made from the model, that the shipped data meets."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from macros.data.files import FOLDERS, SINGLE_FILES
from macros.data.minutes import split_front_matter
from macros.publish.schemas import FOLDER, editor_settings, schema, schema_files, write_schemas
from sites import add_build_files, build

PROJECT = Path(__file__).resolve().parent.parent


class EditorLoader(yaml.SafeLoader):
    """YAML as an editor's language server reads it (YAML 1.2 core schema): 2019-05-15 stays text,
    4.3 is a number, only true/false are booleans."""


EditorLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("tag:yaml.org,2002:float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", "-+.0123456789"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
):
    EditorLoader.add_implicit_resolver(tag, re.compile(pattern), list(first))


def _keys_as_written(loader: EditorLoader, node: yaml.MappingNode) -> dict:
    """JSON object keys are text: the editor checks a key such as 4.10 as written, not as a number."""
    return {key.value: loader.construct_object(value, deep=True) for key, value in node.value}


EditorLoader.add_constructor("tag:yaml.org,2002:map", _keys_as_written)
EXAMPLE = PROJECT / "examples" / "harrowmere"


def validator_for(applies_to: str) -> jsonschema.Draft202012Validator:
    record = next(record for record, target in schema_files().values() if target == applies_to)
    return jsonschema.Draft202012Validator(schema(record, applies_to), format_checker=jsonschema.FormatChecker())


def shipped_files() -> list[tuple[str, Path]]:
    files = []
    for _, applies_to in schema_files().values():
        for root in (PROJECT, EXAMPLE):  # the example council has the kinds of file the real data lacks yet
            files += [(applies_to, path) for path in sorted(root.glob(applies_to))]
    return files


def editor_view(path: Path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = split_front_matter(text)[0]
    return yaml.load(text, Loader=EditorLoader)


@pytest.mark.parametrize("applies_to, path", shipped_files(), ids=lambda v: str(v).removeprefix(str(PROJECT) + "/"))
def test_every_shipped_data_file_meets_its_schema(applies_to, path):
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator_for(applies_to).iter_errors(editor_view(path))]
    assert errors == []


def test_every_kind_of_data_file_has_a_schema():
    targets = {applies_to for _, applies_to in schema_files().values()}
    assert {f"data/{name}" for name in SINGLE_FILES} <= targets
    assert {f"data/{folder}/*.yaml" for folder, record in FOLDERS.items() if record} <= targets
    assert "data/minutes/*.md" in targets
    assert len(shipped_files()) >= len(SINGLE_FILES) + 3


@pytest.mark.parametrize("old, new, complaint", [
    ("    status: not yet assessed\n", "    status: In Progress\n", "is not one of"),
    ("    date: 2019-05-15\n", "    date: 15/05/2019\n", "does not match"),
    ("  - recommendation: ofsted-2019-r03\n", "  - recommendation: Rec 3\n", "does not match"),
    ("    status: not yet assessed\n", "    staus: not yet assessed\n", "Additional properties are not allowed"),
])
def test_the_schema_flags_what_an_editor_should_underline(old, new, complaint):
    text = (PROJECT / "data/progress/2019-05-15.yaml").read_text(encoding="utf-8").replace(old, new, 1)
    errors = [e.message for e in validator_for("data/progress/*.yaml").iter_errors(yaml.load(text, Loader=EditorLoader))]
    assert any(complaint in message for message in errors), errors


def test_statuses_are_offered_as_the_allowed_words():
    progress = schema(*next(v for v in schema_files().values() if v[1] == "data/progress/*.yaml"))
    assert progress["$defs"]["Status"]["enum"] == ["not yet assessed", "not started", "in progress", "at risk",
                                                   "off track", "complete"]


def test_editor_settings_map_every_yaml_data_file_to_its_schema():
    committed = json.loads((PROJECT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert committed == editor_settings(), "copy macros.publish.schemas.editor_settings() into .vscode/settings.json"
    assert committed["yaml.schemas"][f"./{FOLDER}/progress.schema.json"] == "data/progress/*.yaml"


def test_schemas_are_written_for_the_site_and_published_with_it(tmp_path):
    for folder in ("data", "docs"):
        shutil.copytree(PROJECT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("schemas"))
    add_build_files(tmp_path)
    written = write_schemas(tmp_path)
    assert len(written) == len(schema_files())
    assert write_schemas(tmp_path) == []  # unchanged schemas are not rewritten (mkdocs serve settles)
    shutil.rmtree(tmp_path / FOLDER)  # a plain `mkdocs build`, with no make step, still publishes them
    result = build(tmp_path, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    published = json.loads((tmp_path / "site" / "schemas" / "progress.schema.json").read_text(encoding="utf-8"))
    assert published == json.loads((tmp_path / FOLDER / "progress.schema.json").read_text(encoding="utf-8"))
    assert published["properties"]["updates"]["items"] == {"$ref": "#/$defs/ProgressUpdate"}


def test_make_build_and_serve_write_the_schemas_before_building():
    """Both run the pre-build step (python -m macros build prepares docs/, then starts the builder)."""
    import subprocess

    for target, command in (("build", "mkdocs build"), ("serve", "mkdocs serve")):
        plan = subprocess.run(["make", "-n", target], cwd=PROJECT, capture_output=True, text=True).stdout
        prepared = re.search(r"python -m macros (--root \S+ )?build --site-url \S+ mkdocs build", plan)
        assert prepared, plan
        assert prepared.start() < plan.index(command)
