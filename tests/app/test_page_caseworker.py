"""The caseworker's view: a short ranked list of interventions that fit one citizen."""

from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from viften.present import fan
from viften.store import views as figures

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "caseworker.py")


def run(query: dict[str, str] | None = None) -> AppTest:
    app = AppTest.from_file(PAGE, default_timeout=30)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def shown(app: AppTest) -> list[str]:
    """The names in the list, as the reader sees them (numbered headings, escaped)."""
    return [re.sub(r"\\(.)", r"\1", h.value).split(". ", 1)[1] for h in app.subheader]


def test_the_list_fits_the_citizen_and_is_short(db_path: Path) -> None:
    frame = figures.load_year(db_path).frame
    app = run()
    assert app.title[0].value == "Find en indsats"
    names = shown(app)
    expected = fan.caseworker_list(frame, "closer", None, 5)["name"].tolist()
    assert names == expected and len(names) <= 5
    groups = frame.set_index("name").loc[names, "target_group"]
    assert set(groups) <= {"closer", "cross"}
    assert any("pr. job" in t.value and "★" in t.value for t in app.text)


def test_another_target_group_and_a_need_change_the_list(db_path: Path) -> None:
    frame = figures.load_year(db_path).frame
    app = run({"cw_group": "further", "cw_need": "health"})
    names = shown(app)
    assert names == fan.caseworker_list(frame, "further", "health", 5)["name"].tolist()
    app.selectbox(key="cw_limit").select(3).run()
    assert len(shown(app)) <= 3


def test_a_bad_choice_in_the_url_falls_back(db_path: Path) -> None:
    app = run({"cw_group": "<script>", "cw_need": "nonsense"})
    frame = figures.load_year(db_path).frame
    assert shown(app) == fan.caseworker_list(frame, "closer", None, 5)["name"].tolist()


def test_nothing_fitting_says_what_to_do(db_path: Path) -> None:
    app = run({"q": "findes ikke"})
    assert app.info


def test_the_page_in_english(db_path: Path) -> None:
    app = run({"lang": "en"})
    assert app.title[0].value == "Find an intervention"
    assert any("per job" in t.value for t in app.text)


def test_each_card_says_how_long_whether_there_is_room_and_whom_to_contact(
    db_path: Path,
) -> None:
    app = run()
    frame = figures.load_year(db_path).frame.set_index("name")
    cards = [t.value for t in app.text if t.value.startswith("Varighed:")]
    names = shown(app)
    assert len(cards) == len(names)
    for name, card in zip(names, cards, strict=True):
        assert card.split("\n")[:3] == list(fan.caseworker_facts(frame.loc[name].to_dict())[:3])
        assert "Ledige pladser:" in card and "Henvisning:" in card


def test_the_caseworker_facts_count_free_places_and_keep_typed_text_as_it_is() -> None:
    record = {
        "duration_weeks": 13.0,
        "capacity": 40.0,
        "participants": 25.0,
        "provider": "**Jobhus** <b>A/S</b>",
        "provider_type": "external",
        "source": "[kilde](javascript:alert(1))",
    }
    assert fan.caseworker_facts(record) == (
        "Varighed: 13 uger",
        "Ledige pladser: 15 af 40 i år",
        "Henvisning: kontakt **Jobhus** <b>A/S</b> (Ekstern)",
        "Kilde: [kilde](javascript:alert(1))",
    )
    full = fan.caseworker_facts({**record, "participants": 55.0, "source": None})
    assert full[1] == "Ledige pladser: ingen, alle 40 er planlagt i år" and len(full) == 3
    open_ended = fan.caseworker_facts({"capacity": None, "duration_weeks": None})
    assert open_ended == (
        "Varighed: ikke oplyst",
        "Ledige pladser: ingen grænse (ingen kapacitet angivet)",
        "Henvisning: ingen leverandør angivet",
    )
