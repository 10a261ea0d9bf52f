"""JSON Schemas for every data file, made from the model, so editors can suggest and check as clerks type.

The pre-build step (macros/build.py) writes them to docs/schemas/ (published with the site, not committed)
and .vscode/settings.json maps each data file to its schema for editors using the YAML language
server. The model is the one description of the data: nothing here is written twice by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from ..data import model
from ..data.files import FOLDERS, SINGLE_FILES
from .writing import write_changed

FOLDER = "docs/schemas"


def schema_files() -> dict[str, tuple[type[BaseModel], str]]:
    """Schema file name → (the record it describes, the data files it is for)."""
    files = {name.removesuffix(".yaml"): (record, f"data/{name}") for name, record in SINGLE_FILES.items()}
    files |= {folder: (record, f"data/{folder}/*.yaml") for folder, record in FOLDERS.items() if record}
    files["minutes-front-matter"] = (model.MinutesFrontMatter, "data/minutes/*.md")
    return {f"{name}.schema.json": value for name, value in files.items()}


def schema(record: type[BaseModel], applies_to: str) -> dict:
    generated = record.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **generated,
        "description": f"{applies_to}: {generated.get('description', '')}".strip(),
    }


def write_schemas(root: Path) -> list[str]:
    """Write every schema into root/docs/schemas/, changing only what differs; returns what was written."""
    return write_changed(
        root / FOLDER,
        {
            name: (json.dumps(schema(record, applies_to), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
            for name, (record, applies_to) in schema_files().items()
        },
    )


def editor_settings() -> dict:
    """The .vscode/settings.json that tells editors which schema checks which YAML data file."""
    return {
        "yaml.schemas": {
            f"./{FOLDER}/{name}": applies_to
            for name, (_, applies_to) in schema_files().items()
            if applies_to.endswith(".yaml")
        }
    }
