"""A FICTIONAL archive of N meetings, to measure and test the portal at the size a council reaches.

Four committees of an invented council meet through the years; each meeting that has been held
has minutes (one or two agenda items, 6–15 numbered minutes in all) written from varied sentences,
several progress updates citing its minutes (quotes copied from them exactly), resolutions and
actions that are closed at later meetings, figures, commitments and slipping targets. A fixed seed
makes the same archive every run, so figures can be compared between runs and between machines.

`make_archive(folder, meetings)` writes a whole project (data/, docs/, mkdocs.yml and the portal's
code) that `mkdocs build --strict` builds; the benchmark and the fast tests both use it. Nothing
here is real, and the site says so on every page.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
EXAMPLE_DOCS = PROJECT / "examples" / "harrowmere" / "docs"  # the fictional council's own pages
FIRST_YEAR = 2001

# id, name, abbreviation, the months it meets in, the day of the month it meets on
COMMITTEES = (
    ("hcssc", "Children's Services Scrutiny Committee (fictional)", "HCSSC", (1, 3, 5, 7, 9, 11), 12),
    ("hcpp", "Corporate Parenting Panel (fictional)", "CPP", (2, 4, 6, 8, 10, 12), 8),
    ("hib", "Children's Improvement Board (fictional)", "HIB", tuple(range(1, 13)), 20),
    ("hfsp", "Family Safeguarding Partnership (fictional)", "FSP", (3, 6, 9, 12), 26),
)
REPORTING = {"hcssc", "hib"}  # the committees that receive progress reports on the recommendations
SCHEDULED = 3  # the last meetings are in the future: no minutes yet
STATUSES = ("not started", "in progress", "at risk", "in progress", "off track", "in progress", "complete")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")

SPEAKERS = ("The Director of Children's Services", "The Assistant Director for Safeguarding",
            "The Principal Social Worker", "The Head of Workforce", "The Cabinet Member for Children",
            "The Head of Quality Assurance", "The improvement partner", "The Head of Fostering",
            "The Service Manager for Care Leavers", "The Designated Nurse", "The Chair",
            "The Head of Early Help", "The Independent Reviewing Officer manager")
SAYING = ("reported that", "explained that", "told members that", "confirmed that", "cautioned that",
          "acknowledged that", "noted that", "advised that", "said that")
SERVICES = ("the front door", "the children in care service", "the leaving care team", "the fostering service",
            "the assessment teams", "the disabled children's service", "the adolescent support service",
            "the multi-agency safeguarding hub", "the early help teams", "the residential homes",
            "the court team", "the edge of care service", "the virtual school", "the adoption partnership")
MEASURES = ("average caseload", "agency staffing", "the share of visits made on time",
            "the number of assessments completed within 45 days", "the vacancy rate",
            "the number of children with an up-to-date plan", "re-referrals within a year",
            "placements more than 20 miles from home", "the time taken to start care proceedings")
CHANGES = ("fallen", "risen", "held steady", "improved", "worsened slightly", "improved markedly")
STAFF = ("newly qualified social workers", "permanent team managers", "advanced practitioners",
         "family support workers", "foster carers", "personal advisers", "independent reviewing officers")
RECORDS = ("case files", "supervision records", "care plans", "pathway plans", "strategy discussions",
           "return home interviews", "child protection plans")
FINDINGS = ("most were of good quality but a fifth lacked a clear plan",
            "the child's voice was recorded in nearly all of them",
            "management oversight was visible but not always timely",
            "chronologies were missing in a third of cases",
            "plans were clearer than at the last audit",
            "actions were not always followed up within the timescale")
PLANS = ("finish the redesign of the front door", "move every team onto the new recording system",
         "publish the revised sufficiency strategy", "open the second small children's home",
         "complete the practice standards training", "recruit a permanent head of service",
         "bring the quality assurance framework into use", "review every plan for children placed at home")
QUESTIONS = ("how agency staff would be replaced", "whether the budget for the plan was secure",
             "what children and young people had said about the changes", "how schools had been involved",
             "why the target had slipped", "how the figures compared with similar councils",
             "what support foster carers received", "how many care leavers were in education or work",
             "whether health partners were meeting their commitments", "how members could see the work at first hand")
TOPICS = ("Improvement progress", "Workforce report", "Performance report", "Quality assurance report",
          "Sufficiency and placements", "Care leavers' services", "Early help and the front door",
          "Annual report of the Independent Reviewing Officers", "Budget monitoring for children's services")


def _month_year(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


class Prose:
    """Varied sentences made from parts: no two minutes read alike, as in a real archive."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def pick(self, options):
        return self.rng.choice(options)

    def clause(self, day: dt.date) -> str:
        r, n = self.rng, self.rng.randint
        later = day + dt.timedelta(days=30 * n(2, 14))
        forms = (
            lambda: f"{self.pick(MEASURES)} in {self.pick(SERVICES)} had {self.pick(CHANGES)} since {_month_year(day - dt.timedelta(days=30 * n(2, 9)))}",
            lambda: f"{n(2, 40)} {self.pick(STAFF)} had joined {self.pick(SERVICES)} since the last report",
            lambda: f"an audit of {n(20, 300)} {self.pick(RECORDS)} found that {self.pick(FINDINGS)}",
            lambda: f"work to {self.pick(PLANS)} was expected to be complete by {_month_year(later)}",
            lambda: f"{self.pick(MEASURES)} stood at {n(5, 95)} against a target of {n(5, 95)}",
            lambda: f"{self.pick(SERVICES)} had received {n(100, 2500)} contacts in the quarter, {r.choice(('more', 'fewer'))} than a year before",
            lambda: f"the plan to {self.pick(PLANS)} had been {r.choice(('agreed', 'delayed', 'brought forward', 'revised'))} by the improvement board",
        )
        return self.pick(forms)()

    def sentence(self, day: dt.date) -> str:
        r = self.rng
        form = r.randrange(4)
        if form == 0:
            return f"{self.pick(SPEAKERS)} {self.pick(SAYING)} {self.clause(day)}."
        if form == 1:
            speaker = self.pick(SPEAKERS)
            return f"Members asked {self.pick(QUESTIONS)}; {speaker[0].lower() + speaker[1:]} replied that {self.clause(day)}."
        if form == 2:
            return f"It was noted that {self.clause(day)}, and that {self.clause(day)}."
        return f"{self.pick(SPEAKERS)} {self.pick(SAYING)} {self.clause(day)}, although {self.clause(day)}."

    def paragraph(self, day: dt.date, sentences: int) -> list[str]:
        return [self.sentence(day) for _ in range(sentences)]


@dataclass
class Meeting:
    id: str
    committee: str
    date: dt.date
    held: bool
    also_known_as: str | None = None
    items: list[tuple[str, str, list[str]]] = field(default_factory=list)  # item, title, minute numbers
    text: dict[str, list[str]] = field(default_factory=dict)  # minute number -> its sentences
    discusses: dict[str, list[str]] = field(default_factory=dict)  # minute number -> record IDs


def _yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _document(title: str, indent: int) -> str:
    """A published document as a source: its title, who published it, what kind it is, and why it
    is not online (the council is invented)."""
    pad = " " * indent
    return (f"{pad}source:\n{pad}  document: {_yaml_text(title)}\n"
            f"{pad}  publisher: Harrowmere County Council (fictional)\n{pad}  kind: council paper\n"
            f"{pad}  url: none\n{pad}  why_no_url: Harrowmere is an invented council, so its documents are not online.\n")


def _source(meeting: Meeting, minute: str, indent: int) -> str:
    pad = " " * indent
    return f"{pad}source:\n{pad}  meeting: {meeting.id}\n{pad}  minute: {_yaml_text(minute)}\n"


class Archive:
    """Makes the records of an archive of `count` meetings, then writes them as a clerk would."""

    def __init__(self, count: int, seed: int = 11):
        self.rng = random.Random(seed)
        self.prose = Prose(self.rng)
        self.meetings = self._schedule(count)
        self.held = [m for m in self.meetings if m.held]
        for meeting in self.held:
            self._write_minutes(meeting)
        self.sets = self._recommendation_sets()
        self.updates: dict[dt.date, list[str]] = {}
        self.resolutions: list[str] = []
        self.actions: list[str] = []
        self.commitments: list[str] = []
        self.points: dict[str, list[str]] = {metric: [] for metric, *_ in self.METRICS}
        self._events()

    # --- the meetings and their minutes -----------------------------------------------------------

    def _schedule(self, count: int) -> list[Meeting]:
        meetings: list[Meeting] = []
        year, month = FIRST_YEAR, 1
        while len(meetings) < count:
            for committee, _, _, months, day in COMMITTEES:
                if month in months and len(meetings) < count:
                    date = dt.date(year, month, day)
                    aka = f"the {MONTHS[month - 1]} {year} meeting" if committee == "hcssc" else None
                    meetings.append(Meeting(f"{committee}-{date.isoformat()}", committee, date, True, aka))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        for meeting in meetings[-SCHEDULED:]:
            meeting.held = False
        return meetings

    def _write_minutes(self, meeting: Meeting) -> None:
        total = self.rng.randint(6, 15)
        first_item = self.rng.randint(3, 6)
        sizes = [total] if total < 9 or self.rng.random() < 0.4 else [total // 2, total - total // 2]
        for offset, size in enumerate(sizes):
            item = str(first_item + 2 * offset)
            numbers = [f"{item}.{n}" for n in range(1, size + 1)]
            meeting.items.append((item, self.rng.choice(TOPICS), numbers))
            for number in numbers:
                meeting.text[number] = self.prose.paragraph(meeting.date, self.rng.randint(2, 6))
                meeting.discusses[number] = []

    def minutes_of(self, meeting: Meeting) -> list[str]:
        return [n for _, _, numbers in meeting.items for n in numbers]

    # --- the recommendations and what happens to them ---------------------------------------------

    METRICS = (
        ("average-caseload", "Average caseload", "children per social worker", "hib"),
        ("vacancy-rate", "Social worker vacancy rate", "%", "hib"),
        ("visits-on-time", "Visits to children in care made on time", "%", "hcssc"),
        ("assessments-45-days", "Assessments completed within 45 days", "%", "hcssc"),
    )

    def _recommendation_sets(self) -> list[tuple[str, Meeting, int]]:
        reporting = [m for m in self.held if m.committee in REPORTING]
        second = reporting[len(reporting) // 2]
        return [(f"insp-{FIRST_YEAR}", reporting[0], 12), (f"review-{second.date.year}", second, 8)]

    def rec_ids(self, upto: dt.date) -> list[str]:
        return [f"{name}-r{n:02d}" for name, start, count in self.sets if start.date <= upto
                for n in range(1, count + 1)]

    def _events(self) -> None:
        rng = self.rng
        status: dict[str, int] = {}
        reported: dict[str, str] = {}  # each recommendation's last status, to give a reason when it changes
        by_committee: dict[str, list[Meeting]] = {}
        for meeting in self.held:
            by_committee.setdefault(meeting.committee, []).append(meeting)
        for meeting in self.held:
            numbers = self.minutes_of(meeting)
            later = [m for m in by_committee[meeting.committee] if m.date > meeting.date]
            if meeting.committee in REPORTING:
                new = [f"{name}-r{n:02d}" for name, start, count in self.sets if start is meeting
                       for n in range(1, count + 1)]
                for rec in new:  # a new inspection's recommendations start with no judgement yet
                    reported[rec] = "not yet assessed"
                    self._update(meeting, rec, "not yet assessed", numbers[0], changed=False)
                recs = [rec for rec in self.rec_ids(meeting.date) if rec not in new]
                for rec in rng.sample(recs, min(len(recs), rng.randint(3, 6))):
                    status[rec] = max(0, min(len(STATUSES) - 1, status.get(rec, -1) + rng.choice((0, 1, 1, 2, -1))))
                    word = STATUSES[status[rec]]
                    self._update(meeting, rec, word, rng.choice(numbers), changed=reported.get(rec, word) != word)
                    reported[rec] = word
            for number in range(1, rng.randint(1, 3) + 1):
                self._action(meeting, number, rng.choice(numbers), later)
            if meeting.committee == "hcssc" and rng.random() < 0.6:
                self._resolution(meeting, numbers[-1], later)
            for metric, _, _, committee in self.METRICS:
                if committee == meeting.committee:
                    self._point(metric, meeting, rng.choice(numbers))
            if rng.random() < 0.15:
                self._commitment(meeting, rng.choice(numbers))

    def _update(self, meeting: Meeting, rec: str, status: str, minute: str, changed: bool) -> None:
        words = self.rng.choice(meeting.text[minute])
        meeting.discusses[minute].append(rec)
        evidence = f"      - quote: {_yaml_text(words)}\n" + _source(meeting, minute, 8)
        if self.rng.random() < 0.5:
            evidence += (f"      - summary: {_yaml_text(self.prose.sentence(meeting.date))}\n"
                         + _document(self._document(meeting), 8))
        self.updates.setdefault(meeting.date, []).append(
            f"  - recommendation: {rec}\n    date: {meeting.date}\n    status: {status}\n"
            + (f"    reason: {_yaml_text(self.prose.sentence(meeting.date))}\n" if changed else "")
            + f"    summary: {_yaml_text(self.prose.sentence(meeting.date))}\n    evidence:\n{evidence}"
            + _source(meeting, minute, 4))

    def _document(self, meeting: Meeting) -> str:
        kind = self.rng.choice(("Improvement plan progress report", "Performance scorecard",
                                "Quality assurance quarterly report", "Workforce dashboard"))
        return f"{kind}, {_month_year(meeting.date)} (fictional)"

    def _action(self, meeting: Meeting, number: int, minute: str, later: list[Meeting]) -> None:
        if later and self.rng.random() < 0.4:
            due = later[0].also_known_as or later[0].id
        else:
            due = (meeting.date + dt.timedelta(days=self.rng.choice((30, 60, 90)))).isoformat()
        closer = [m for m in later[:3] if m.held]
        status = "open" if not closer else self.rng.choice(("done", "done", "done", "withdrawn"))
        closed = ""
        if status != "open":
            where = self.rng.choice(closer)
            closed = f"    closed:\n      meeting: {where.id}\n      minute: {_yaml_text(self.minutes_of(where)[0])}\n"
        recs = self.rng.sample(self.rec_ids(meeting.date), self.rng.randint(0, 2))
        self.actions.append(
            f"  - id: {meeting.id}-a{number}\n    agreed:\n      meeting: {meeting.id}\n"
            f"      minute: {_yaml_text(minute)}\n    what: {_yaml_text(self.prose.sentence(meeting.date))}\n"
            f"    who: {_yaml_text(self.rng.choice(SPEAKERS).removeprefix('The '))}\n"
            f"    due: {_yaml_text(due)}\n    status: {status}\n{closed}    recommendations: [{', '.join(recs)}]\n")

    def _resolution(self, meeting: Meeting, minute: str, later: list[Meeting]) -> None:
        rid = f"{meeting.id}-res-1"
        text = f"Resolved that {self.prose.clause(meeting.date)} be noted and reported on again."
        meeting.text[minute].append(text)
        meeting.discusses[minute].append(rid)
        back = later[0] if later else None
        closer = back if back and back.held else None
        status_source = _source(closer, self.minutes_of(closer)[0], 4) if closer else _source(meeting, minute, 4)
        report_back = ("    report_back:\n      meeting: " + back.id + "\n" + _source(meeting, minute, 6)) if back else ""
        self.resolutions.append(
            f"  - id: {rid}\n    meeting: {meeting.id}\n    minute: {_yaml_text(minute)}\n    number: 1\n"
            f"    text: {_yaml_text(text)}\n    asks: {_yaml_text(self.prose.sentence(meeting.date))}\n"
            f"    who: The Director of Children's Services (fictional).\n{report_back}"
            f"    status: {'done' if closer else 'open'}\n    status_" + status_source.lstrip())

    def _point(self, metric: str, meeting: Meeting, minute: str) -> None:
        value = round(self.rng.uniform(5, 95), 1)
        self.points[metric].append(f"  - date: {meeting.date}\n    value: {value}\n" + _source(meeting, minute, 4))

    def _commitment(self, meeting: Meeting, minute: str) -> None:
        when = _month_year(meeting.date + dt.timedelta(days=180))
        recs = self.rng.sample(self.rec_ids(meeting.date), 1)
        self.commitments.append(
            f"  - id: {meeting.id}-c1\n    what: {_yaml_text(self.prose.sentence(meeting.date))}\n"
            f"    when: {when}\n    bodies: [improvement-board]\n    recommendations: [{recs[0]}]\n"
            + _source(meeting, minute, 4))

    # --- writing the files ------------------------------------------------------------------------

    def write(self, root: Path) -> None:
        data = root / "data"
        for folder in ("minutes", "progress", "recommendations", "metrics"):
            (data / folder).mkdir(parents=True, exist_ok=True)
        first = self.held[0]
        committees = "".join(f"  - id: {c}\n    name: {_yaml_text(name)}\n    abbreviation: {abbr}\n"
                             for c, name, abbr, _, _ in COMMITTEES)
        (data / "portal.yaml").write_text(
            "# FICTIONAL: a made-up archive for measuring the portal. Nothing here is real.\n"
            'title: "FICTIONAL ARCHIVE: Harrowmere scrutiny portal"\n'
            "council: Harrowmere County Council (a fictional council)\n"
            "publisher: The Scrutiny Portal project, as a made-up archive\n"
            "independence: Harrowmere County Council does not exist; every meeting here is invented.\n"
            "data_licence:\n  name: Open Government Licence v3.0\n"
            "  url: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/\n"
            f"committees:\n{committees}", encoding="utf-8")
        (data / "meetings.yaml").write_text("meetings:\n" + "".join(
            f"  - id: {m.id}\n    committee: {m.committee}\n    date: {m.date}\n"
            + (f"    also_known_as: {m.also_known_as}\n" if m.also_known_as else "")
            + _document("Harrowmere's calendar of meetings (fictional)", 4)
            for m in self.meetings), encoding="utf-8")
        for meeting in self.held:
            self._write_minutes_files(meeting, data / "minutes")
        for day, updates in self.updates.items():
            (data / "progress" / f"{day}.yaml").write_text("updates:\n" + "".join(updates), encoding="utf-8")
        for name, start, count in self.sets:
            (data / "recommendations" / f"{name}.yaml").write_text(self._set_file(name, start, count),
                                                                  encoding="utf-8")
        (data / "resolutions.yaml").write_text("resolutions:\n" + "".join(self.resolutions), encoding="utf-8")
        (data / "actions.yaml").write_text("actions:\n" + "".join(self.actions), encoding="utf-8")
        (data / "commitments.yaml").write_text("commitments:\n" + "".join(self.commitments), encoding="utf-8")
        (data / "bodies.yaml").write_text(
            "bodies:\n  - id: improvement-board\n    name: Harrowmere Improvement Board (fictional)\n"
            "    role: Oversees the invented council's improvement plan.\n"
            + _source(first, self.minutes_of(first)[0], 4), encoding="utf-8")
        (data / "themes.yaml").write_text(self._themes_file(first), encoding="utf-8")
        for metric, title, unit, _ in self.METRICS:
            (data / "metrics" / f"{metric}.yaml").write_text(
                f"id: {metric}\ntitle: {title}\nunit: {_yaml_text(unit)}\n"
                f"description: {title}, as reported to the committee (fictional).\n"
                f"points:\n{''.join(self.points[metric])}", encoding="utf-8")

    def _write_minutes_files(self, meeting: Meeting, folder: Path) -> None:
        for item, title, numbers in meeting.items:
            marks = "".join(f"  {n}: [{', '.join(dict.fromkeys(meeting.discusses[n]))}]\n"
                            for n in numbers if meeting.discusses[n])
            body = "".join(f"### {n}\n\n" + " ".join(meeting.text[n]) + "\n\n" for n in numbers)
            (folder / f"{meeting.id}-item-{item}.md").write_text(
                f"---\n# FICTIONAL minutes of an invented committee.\ncommittee: {meeting.committee}\n"
                f"date: {meeting.date}\nitem: {_yaml_text(item)}\ntitle: {_yaml_text(title + ' (fictional)')}\n"
                + (f"minutes:\n{marks}" if marks else "") + f"---\n\n## Minutes\n\n{body}", encoding="utf-8")

    def _set_file(self, name: str, start: Meeting, count: int) -> str:
        minute = self.minutes_of(start)[0]
        recs = []
        for n in range(1, count + 1):
            target = ""
            if n % 3 == 0:
                original = start.date + dt.timedelta(days=365)
                slips = [m for m in self.held if m.committee in REPORTING and m.date > start.date][n: n * 4: n]
                revisions = "".join(
                    f"        - reported: {m.date}\n          new_target: {m.date + dt.timedelta(days=200)}\n"
                    f"          reason: {_yaml_text(self.prose.sentence(m.date))}\n" + _source(m, self.minutes_of(m)[0], 10)
                    for m in slips[:3])
                target = (f"    target:\n      original: {original}\n" + _source(start, minute, 6)
                          + (f"      revisions:\n{revisions}" if revisions else ""))
            recs.append(f"  - id: {name}-r{n:02d}\n    ref: R{n:02d}\n"
                        f"    title: {_yaml_text(self.rng.choice(PLANS).capitalize())}\n{target}"
                        + _source(start, minute, 4))
        return (f"id: {name}\ntitle: Inspection of children's services, {start.date.year} (fictional)\n"
                f"issued_by: The inspectorate (fictional)\nexpected_count: {count}\n"
                f"untitled_label: Title to be confirmed\n" + _source(start, minute, 0)
                + "recommendations:\n" + "".join(recs))

    def _themes_file(self, first: Meeting) -> str:
        minute = self.minutes_of(first)[0]
        recs = self.rec_ids(first.date)
        themes = "".join(
            f"  - id: {theme}\n    name: {theme.capitalize()}\n" + _source(first, minute, 4)
            + f"    recommendations: [{', '.join(recs[i::4])}]\n    mapping_" + _source(first, minute, 4).lstrip()
            for i, theme in enumerate(("workforce", "practice", "partnerships", "leadership")))
        return ("programme:\n  name: Brighter Futures (fictional)\n  description: The invented improvement programme.\n"
                + _source(first, minute, 2) + "themes:\n" + themes)

    @property
    def build_date(self) -> dt.date:
        """A day after the last meeting held, before the ones still to come."""
        return self.held[-1].date + dt.timedelta(days=3)


def make_archive(root: Path, meetings: int, seed: int = 11) -> dt.date:
    """Write a buildable FICTIONAL project of `meetings` meetings into root; returns its build date
    (for PORTAL_BUILD_DATE, so "overdue" and "as at" are the same every run)."""
    archive = Archive(meetings, seed)
    archive.write(root)
    shutil.copytree(EXAMPLE_DOCS, root / "docs", symlinks=False,
                    ignore=lambda folder, names: [n for n in names if _generated(Path(folder) / n)])
    shutil.copytree(PROJECT / "macros", root / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(PROJECT / "overrides", root / "overrides")
    config = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("site_name: Ofsted improvement scrutiny portal",
                            'site_name: "FICTIONAL ARCHIVE: Harrowmere scrutiny portal"', 1)
    (root / "mkdocs.yml").write_text(config + "\nextra:\n  fictional: true\n", encoding="utf-8")
    return archive.build_date


def _generated(path: Path) -> bool:
    """What a build wrote into the example's docs/: left out, so the copy is as committed."""
    if path.name in ("data", "schemas") and path.parent == EXAMPLE_DOCS:
        return True
    return path.suffix == ".md" and path.is_file() and "made_by: the portal's build" in path.read_text(encoding="utf-8")
