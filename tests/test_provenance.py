"""macros/data/provenance.py: the version a build shows, and the repository its edit links open."""

from __future__ import annotations

import subprocess

import pytest
from sites import PROJECT

from macros.data.provenance import BadRepository, Repository, repository, version


def test_the_version_is_portal_version_when_given():
    assert version(PROJECT, {"PORTAL_VERSION": " abc1234 "}) == "abc1234"


def test_without_portal_version_the_version_is_the_checked_out_commit():
    git = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT, capture_output=True, text=True)
    assert git.returncode == 0, "the project is a git checkout"
    assert version(PROJECT, {}) == version(PROJECT, {"PORTAL_VERSION": ""}) == git.stdout.strip()


def test_outside_a_git_checkout_the_version_is_unknown(tmp_path):
    inside = subprocess.run(["git", "rev-parse", "HEAD"], cwd=tmp_path, capture_output=True)
    assert inside.returncode != 0, "the temporary folder should not be inside a git checkout"
    assert version(tmp_path, {}) == "unknown"


def test_without_git_installed_the_version_is_unknown(monkeypatch):
    monkeypatch.setenv("PATH", "")
    assert version(PROJECT, {}) == "unknown"


def test_no_repository_means_no_edit_links():
    assert repository({}) is None
    assert repository({"PORTAL_REPO_URL": "  "}) is None


def test_edit_urls_open_the_file_on_the_branch_clerks_change():
    repo = repository({"PORTAL_REPO_URL": "https://github.com/council/portal/"})
    assert repo == Repository("https://github.com/council/portal", "main")
    assert repo.edit_url("data/minutes/a-b.md") == "https://github.com/council/portal/edit/main/data/minutes/a-b.md"
    other = repository({"PORTAL_REPO_URL": "https://github.com/council/portal", "PORTAL_REPO_BRANCH": "live"})
    assert other.edit_url("data/x y.yaml") == "https://github.com/council/portal/edit/live/data/x%20y.yaml"


@pytest.mark.parametrize("settings", [
    {"PORTAL_REPO_URL": "javascript:alert(1)"},
    {"PORTAL_REPO_URL": "http://github.com/council/portal"},
    {"PORTAL_REPO_URL": 'https://github.com/council/"portal'},
    {"PORTAL_REPO_URL": "https://github.com/council/portal", "PORTAL_REPO_BRANCH": "../../x"},
    {"PORTAL_REPO_URL": "https://github.com/council/portal", "PORTAL_REPO_BRANCH": "a b"},
])
def test_a_setting_that_cannot_make_a_safe_link_is_refused_in_plain_words(settings, plain_words):
    with pytest.raises(BadRepository) as refused:
        repository(settings)
    plain_words(str(refused.value))
