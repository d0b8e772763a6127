"""The audit trail reads as the rest of the app: Danish times, figures and words, not raw codes."""

from __future__ import annotations

import pytest

from viften.present.history import trail_table, value_text, when

ROWS = [
    {
        "at": "2026-12-01T19:01:28",
        "user": "anne",
        "action": "update",
        "name": "IPS",
        "year": 2026,
        "field": "job_rate",
        "old": "0.48",
        "new": "0.354",
    },
    {
        "at": "2026-12-01T19:01:28",
        "user": "anne",
        "action": "update",
        "name": "IPS",
        "year": 2026,
        "field": "effect_rating",
        "old": None,
        "new": "low",
    },
    {
        "at": "2026-11-30T08:05:00",
        "user": "demodata",
        "action": "insert",
        "name": "IPS",
        "year": 2026,
        "field": None,
        "old": None,
        "new": None,
    },
]


def test_a_time_of_the_trail_is_written_as_a_dane_writes_it() -> None:
    assert when("2026-12-01T19:01:28", "da") == "01.12.2026 19.01"
    assert when("2026-12-01T19:01:28", "en") == "1 Dec 2026, 19:01"


def test_stored_values_are_written_as_every_other_view_writes_the_figure() -> None:
    assert value_text("job_rate", "0.354", "da") == "35,4 %"
    assert value_text("effect_rating", "low", "da") == "Lav"
    assert value_text("target_group", "closer", "en") == "Closer"
    assert value_text("price_per_participant", "45000.0", "da") == "45.000 kr."


def test_an_empty_value_stays_empty_and_free_text_stays_as_typed() -> None:
    assert value_text("effect_rating", None, "da") == ""
    assert value_text("description", "=1+1 **fed**", "da") == "=1+1 **fed**"
    assert value_text(None, "treatment 300", "da") == "treatment 300"


def test_the_table_has_danish_headings_and_no_raw_codes() -> None:
    table = trail_table(ROWS, "da")
    assert list(table.columns) == [
        "Tidspunkt",
        "Bruger",
        "Handling",
        "Indsats",
        "År",
        "Felt",
        "Før",
        "Efter",
    ]
    assert table["Felt"].tolist() == ["Jobandel", "Effektvurdering", ""]
    assert table["Før"].tolist() == ["48 %", "", ""]
    assert table["Efter"].tolist() == ["35,4 %", "Lav", ""]
    assert table["Handling"].tolist() == ["rettet", "rettet", "oprettet"]
    cells = " ".join(str(v) for v in table.to_numpy().ravel())
    assert "None" not in cells and "0.48" not in cells and "T19" not in cells


def test_a_change_of_the_assumptions_is_about_the_assumptions() -> None:
    row = {
        "at": "2026-12-01T19:01:28",
        "user": "anne",
        "action": "update",
        "name": "",
        "year": 2026,
        "field": "assumptions.wage",
        "old": "330000.0",
        "new": "300000.0",
    }
    table = trail_table([row], "da")
    assert table["Indsats"].tolist() == ["Antagelser (businesscase)"]
    assert table["Felt"].tolist() == ["assumptions.wage"]
    assert trail_table([row], "en")["Intervention"].tolist() == ["Assumptions (budget case)"]


@pytest.mark.parametrize(
    ("field", "stored", "shown"),
    [
        ("assumptions.wage", "330000.0", "330.000 kr."),
        ("assumptions.benefits.dagpenge", "253104.0", "253.104 kr."),
        ("assumptions.discount_rate", "0.035", "3,5 %"),
        ("assumptions.horizon", "10", "10"),
        ("assumptions.target_group_defaults.closer.weeks_on_benefit", "13", "13"),
        ("assumptions.target_group_defaults.closer.benefit", "dagpenge", "Dagpenge"),
        ("assumptions.sources.wage", "Skøn (2025): 27.500 kr./md.", "Skøn (2025): 27.500 kr./md."),
    ],
)
def test_an_assumptions_value_is_written_as_the_reader_writes_it(
    field: str, stored: str, shown: str
) -> None:
    assert value_text(field, stored, "da") == shown


def test_the_case_columns_of_an_intervention_are_written_in_words() -> None:
    assert value_text("mandatory", "True", "da") == "Ja"
    assert value_text("mandatory", "False", "en") == "No"
    assert value_text("benefit", "kontanthjaelp", "da") == "Kontanthjælp"
    assert value_text("weeks_on_benefit", "52", "da") == "52"


def test_outcome_records_are_counted_in_the_readers_language() -> None:
    from viften.store.outcomes import counts_text

    stored = counts_text(1300, 150, 300, 132)
    assert stored is not None
    assert value_text("outcome_records", stored, "da") == (
        "deltagere 1.300 (150 i job), kontrolgruppe 300 (132 i job)"
    )
    assert value_text("outcome_records", stored, "en") == (
        "participants 1,300 (150 in job), control group 300 (132 in job)"
    )
    # any other text under that field is shown as it was stored
    assert value_text("outcome_records", "treatment 3", "da") == "treatment 3"
