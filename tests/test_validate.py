"""macros/data/validate.py: checks across records — unique IDs, references that resolve, quotes that are the
minutes' own words and counts that match."""

from __future__ import annotations

import re

import pytest

PROGRESS = "data/progress/2019-05-15.yaml"
RECOMMENDATIONS = "data/recommendations/ofsted-2019.yaml"
MINUTES = "data/minutes/cypssc-2019-05-15-item-4.md"
BODIES = "data/bodies.yaml"
COMMITMENTS = "data/commitments.yaml"
RESOLUTIONS = "data/resolutions.yaml"
MEETINGS = "data/meetings.yaml"


def append(project, file: str, block: str) -> int:
    """Add a block of lines at the end of a file; returns the line the block starts on."""
    text = project.read(file)
    if not text.endswith("\n"):
        text += "\n"
    project.write(file, text + block)
    return text.count("\n") + 1


# --- duplicate IDs --------------------------------------------------------------------------------


def test_a_duplicate_id_in_one_file_names_the_first_place(project):
    first = project.line_of(BODIES, "  - id: mash\n")
    line = append(project, BODIES, "  - id: mash\n    name: Another hub\n    role: Something else.\n"
                                   "    source:\n      document: A leaflet\n      publisher: A publisher\n"
                                   "      kind: official publication\n      url: https://example.org/leaflet\n")
    message = project.problem(BODIES, line)
    assert f'the body ID "mash" is already used at {BODIES}:{first}' in message
    assert "its own ID" in message


def test_a_duplicate_recommendation_id_in_another_file_names_the_first_place(project):
    first = project.line_of(RECOMMENDATIONS, "  - id: ofsted-2019-r01\n")
    other = "data/recommendations/peer-review-2018.yaml"
    project.write(other, (
        "id: peer-review-2018\n"
        "title: Peer review, autumn 2018\n"
        "issued_by: A peer review team\n"
        "expected_count: 1\n"
        "untitled_label: To be confirmed\n"
        "source:\n"
        "  document: The peer review report\n"
        "  publisher: A peer review team\n  kind: official publication\n  url: https://example.org/peer-review\n"
        "recommendations:\n"
        "  - id: ofsted-2019-r01\n"
        "    ref: P01\n"
        "    source:\n"
        "      document: The peer review report\n"
        "      publisher: A peer review team\n      kind: official publication\n      url: https://example.org/peer-review\n"
    ))
    message = project.problem(other, 12)
    assert f'the recommendation ID "ofsted-2019-r01" is already used at {RECOMMENDATIONS}:{first}' in message


def test_a_second_update_for_the_same_recommendation_and_date_names_the_first(project):
    first = project.line_of(PROGRESS, "    date: 2019-05-15\n")  # ofsted-2019-r01's update
    other = "data/progress/2019-06-19.yaml"
    project.write(other, (
        "updates:\n"
        "  - recommendation: ofsted-2019-r01\n"
        "    date: 2019-05-15\n"
        "    status: in progress\n"
        "    summary: Work has begun.\n"
        "    source:\n"
        "      meeting: cypssc-2019-05-15\n"  # dated as its meeting, so in another file it is still in order
        "      minute: 4.2\n"
    ))
    message = project.problem(other, 3)
    assert f"already has an update dated 2019-05-15 at {PROGRESS}:{first}" in message


# --- references that do not resolve ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "file, old, new, kind, wrong_id, where",
    [
        pytest.param(COMMITMENTS, "    recommendations: [ofsted-2019-r02]\n", "    recommendations: [ofsted-2019-r20]\n",
                     "recommendation", "ofsted-2019-r20", "data/recommendations/", id="recommendation"),
        pytest.param(BODIES, "      meeting: cypssc-2019-05-15\n", "      meeting: cypssc-2019-05-51\n",
                     "meeting", "cypssc-2019-05-51", "data/meetings.yaml", id="meeting"),
        pytest.param(RESOLUTIONS, "    meeting: cypssc-2019-05-15\n", "    meeting: cypssc-2019-05-16\n",
                     "meeting", "cypssc-2019-05-16", "data/meetings.yaml", id="resolution-meeting"),
        pytest.param(RESOLUTIONS, "      meeting: cypssc-2019-09-11\n", "      meeting: cypssc-2019-09-12\n",
                     "meeting", "cypssc-2019-09-12", "data/meetings.yaml", id="report-back-meeting"),
        pytest.param(PROGRESS, "  - recommendation: ofsted-2019-r01\n", "  - recommendation: ofsted-2019-r1\n",
                     "recommendation", "ofsted-2019-r1", "data/recommendations/", id="update-recommendation"),
        pytest.param(COMMITMENTS, "    bodies: [corporate-parenting-panel]\n", "    bodies: [corporate-parenting]\n",
                     "body", "corporate-parenting", "data/bodies.yaml", id="body"),
        pytest.param(MEETINGS, "    committee: cypssc\n", "    committee: cypsc\n",
                     "committee", "cypsc", "data/portal.yaml", id="committee"),
    ],
)
def test_a_reference_to_something_that_does_not_exist_is_reported(project, file, old, new, kind, wrong_id, where):
    line = project.replace(file, old, new)
    message = project.problem(file, line)
    assert f'there is no {kind} with the ID "{wrong_id}"' in message
    assert f"check the spelling against {where}" in message


# --- what each minute discusses ------------------------------------------------------------------


@pytest.mark.parametrize(
    "old, new, wrong_id",
    [
        pytest.param("ofsted-2019-r04, ofsted-2019-r10]", "ofsted-2019-r04, ofsted-2019-r100]", "ofsted-2019-r100",
                     id="recommendation"),
        pytest.param("[learning-and-development, compliance,", "[learning-and-development, complience,", "complience",
                     id="theme"),
        pytest.param("cypssc-2019-05-15-res-6]", "cypssc-2019-05-15-res-7]", "cypssc-2019-05-15-res-7",
                     id="resolution"),
    ],
)
def test_a_minute_marked_as_discussing_an_unknown_record_is_reported_at_its_line(project, old, new, wrong_id):
    line = project.replace(MINUTES, old, new)
    message = project.problem(MINUTES, line)
    assert f'there is no recommendation, theme or resolution with the ID "{wrong_id}"' in message


def test_marking_a_minute_the_file_does_not_have_is_reported_at_its_line(project):
    # The minutes of 15 May 2019 go from 4.3 to 4.5: there is no minute 4.4.
    line = project.replace(MINUTES, "  4.5: [ofsted-2019-r02]\n", "  4.4: [ofsted-2019-r02]\n")
    message = project.problem(MINUTES, line)
    assert "this file has no minute 4.4" in message
    assert "4.3, 4.5" in message


def test_an_id_shared_by_two_kinds_of_record_is_reported_as_ambiguous(project):
    project.replace("data/themes.yaml", "  - id: compliance\n", "  - id: ofsted-2019-r10\n")
    line = project.line_of(MINUTES, "  4.1: [ofsted-2019-r04, ofsted-2019-r10]")
    message = project.problem(MINUTES, line)
    assert 'the ID "ofsted-2019-r10" belongs to both a recommendation and a theme' in message


def test_a_minute_number_in_the_map_is_a_minute_number(project):
    line = project.replace(MINUTES, "  4.5: [ofsted-2019-r02]\n", "  four: [ofsted-2019-r02]\n")
    assert '"four" is not a minute number' in project.problem(MINUTES, line)


def test_a_source_minute_the_minutes_skip_is_reported(project):
    # The minutes of 15 May 2019 go from 4.3 to 4.5: there is no minute 4.4.
    line = project.replace(BODIES, "      minute: 4.3\n", "      minute: 4.4\n")
    message = project.problem(BODIES, line)
    assert 'the minutes of "cypssc-2019-05-15" have no minute 4.4' in message
    assert "4.3, 4.5" in message  # lists the numbers there are


def test_a_resolution_minute_the_minutes_skip_is_reported(project):
    line = project.replace(RESOLUTIONS, "    minute: 4.8\n", "    minute: 4.4\n")
    message = project.problem(RESOLUTIONS, line)
    assert "have no minute 4.4" in message


def test_a_minute_of_a_meeting_with_no_minutes_says_so(project):
    old = "      meeting: cypssc-2019-05-15\n      minute: 4.3\n"
    line = project.replace(BODIES, old, "      meeting: cypssc-2019-06-19\n      minute: 5.1\n") + 1
    message = project.problem(BODIES, line)
    assert 'no minutes for the meeting "cypssc-2019-06-19"' in message
    assert "data/minutes/" in message


def test_minutes_for_a_meeting_that_is_not_listed_are_reported(project):
    line = project.replace(MINUTES, "date: 2019-05-15\n", "date: 2019-05-16\n")
    message = project.problem(MINUTES, line)
    assert "there is no meeting of cypssc on 2019-05-16 in data/meetings.yaml" in message


# --- quotes ------------------------------------------------------------------------------------------

FIRST_QUOTE = (  # ofsted-2019-r01's evidence in PROGRESS, quoting minute 4.2
    "      - quote: >-\n"
    "          Investment has been made into a social worker recruitment and retention\n"
    "          programme to bring some stability to the cohort, recognising the tough\n"
    "          working environment and significant caseloads.\n"
)


def test_a_quote_that_is_not_the_minutes_words_is_reported(project):
    line = project.replace(PROGRESS, FIRST_QUOTE,
                           "      - quote: Investment has been made into a social worker recruitment drive.\n")
    message = project.problem(PROGRESS, line)
    assert f"these words are not in minute 4.2 of {MINUTES}" in message
    assert "summary:" in message


def test_a_quote_from_the_wrong_minute_is_reported(project):
    old = FIRST_QUOTE + "        source:\n          meeting: cypssc-2019-05-15\n          minute: 4.2\n"
    line = project.replace(PROGRESS, old, old.replace("minute: 4.2", "minute: 4.3"))
    message = project.problem(PROGRESS, line)
    assert "these words are not in minute 4.3" in message


def test_a_resolution_whose_text_is_not_the_minutes_words_is_reported(project):
    project.replace(RESOLUTIONS, "Expects to be continuously updated", "Expects to be always updated")
    line = project.line_of(RESOLUTIONS, "    text: >-\n")  # resolution 1's text
    message = project.problem(RESOLUTIONS, line)
    assert f"these words are not in minute 4.8 of {MINUTES}" in message


def test_a_quote_with_straight_quotes_and_other_line_breaks_matches_the_minutes(project):
    # Copying from the minutes can turn curly apostrophes straight and re-wrap the lines.
    assert "senior officers in Children’s Social Care" in project.read(PROGRESS)
    project.replace(PROGRESS, "senior officers in Children’s Social Care", "senior officers in\n          Children's Social Care")
    project.load()


# --- counts and coverage ---------------------------------------------------------------------------------


def test_expected_count_not_matching_the_list_is_reported(project):
    listed = int(re.search(r"^expected_count: (\d+)$", project.read(RECOMMENDATIONS), re.M).group(1))
    line = project.replace(RECOMMENDATIONS, f"expected_count: {listed}\n", f"expected_count: {listed + 1}\n")
    message = project.problem(RECOMMENDATIONS, line)
    assert f"the report made {listed + 1} recommendations but this file lists {listed}" in message
    assert "expected_count" in message.split(" — ", 1)[1]


def test_a_recommendation_with_no_progress_update_is_reported(project):
    text = project.read(PROGRESS)
    start = text.index("  - recommendation: ofsted-2019-r12\n")
    end = text.find("\n  - recommendation:", start + 1)
    project.write(PROGRESS, text[:start] + (text[end + 1:] if end != -1 else ""))
    line = project.line_of(RECOMMENDATIONS, "  - id: ofsted-2019-r12\n")
    message = project.problem(RECOMMENDATIONS, line)
    assert "ofsted-2019-r12 has no progress update" in message
    assert "data/progress/" in message
    assert '"not yet assessed"' in message
