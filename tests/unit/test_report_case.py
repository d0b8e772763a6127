"""The committee's budget case: the ranking with the split per payer, and the planned
participants' case, in the deck and in presentation mode's views."""

from __future__ import annotations

import datetime as dt
import io
import math
from dataclasses import replace
from typing import Any

import pandas as pd
from pptx import Presentation

from viften.model import domain
from viften.model.assumptions import DEFAULT
from viften.model.filters import Filters
from viften.present import case as present
from viften.present import report

MADE_ON = dt.date(2026, 3, 9)
HOSTILE = '<b>x</b> & "quotes"'


def frame(count: int = 8) -> pd.DataFrame:
    rows = []
    for i in range(count):
        rows.append(
            {
                "name": HOSTILE if i == 0 else f"Indsats {i}",
                "year": 2026,
                "target_group": ("closer", "further", "cross")[i % 3],
                "provider": "Jobcentret",
                "provider_type": "internal",
                "price_per_participant": 8_000.0 + 6_000.0 * i,
                "capacity": 50,
                "participants": 10 + i,
                "job_rate": 0.3 + 0.02 * i,
                "control_job_rate": math.nan if i == 3 else 0.25,
                "evidence_stars": 1 + i % 3,
                "effect_rating": "medium",
                "duration_weeks": 10.0,
                "description": "",
                "source": "",
                "rates_from": "entered",
                "n_treatment": 0,
                "n_control": 0,
                "k_treatment": 0,
                "k_control": 0,
            }
        )
    return domain.derive(pd.DataFrame(rows))


def views(data: pd.DataFrame | None = None, **options: Any) -> dict[str, report.View]:
    committee = report.committee_from(
        frame() if data is None else data, 2026, (2026,), "Kommunen", made_on=MADE_ON, **options
    )
    return {view.key: view for view in committee.views}


def test_the_case_comes_after_the_frontier_with_its_scope() -> None:
    found = views(filters=Filters(min_stars=1))
    keys = list(found)
    assert keys[-2:] == ["case", "case_allocation"]
    note = found["case"].note
    assert note.startswith("2026 · alle indsatser · 8 indsatser.")
    assert "10 år med 3,5 % diskonteringsrente" in note and "LBK nr. 221" in note


def test_the_case_chart_ranks_by_the_kommunes_gain_per_krone() -> None:
    spec = views()["case"].chart.to_dict()
    rows = [row for layer in spec["layer"] for row in layer["data"]["values"] if "payer" in row]
    names = list(dict.fromkeys(row["name"] for row in rows))
    view = present.case_view(frame(), DEFAULT)
    order = [view.names[i] for i in present.ranking_order(view) if view.has_case(i)]
    assert [n.rsplit(" (", 1)[0] for n in names] == order
    assert "Indsats 3" not in " ".join(names), "without a net effect it has no case"
    assert all(n.endswith(" kr.)") for n in names)
    assert spec["title"]["subtitle"][0] == "2026 · alle indsatser · 8 indsatser"


def test_the_assumptions_given_are_the_ones_used() -> None:
    short = replace(DEFAULT, horizon=3, discount_rate=0.0)
    assert "over 3 år med 0,0 % diskonteringsrente" in views(assumptions=short)["case"].note


def test_the_planned_participants_case_has_a_figure_per_payer_in_millions() -> None:
    view = views()["case_allocation"]
    assert [f.label for f in view.figures] == [
        "Kommunen",
        "Staten",
        "Andre kommuner (udligning)",
        "Det offentlige i alt",
    ]
    assert all(f.value.endswith(" mio. kr.") for f in view.figures)
    assert "1 indsatser uden mer-effekt" in view.note


def test_without_any_net_effect_the_case_says_why() -> None:
    data = frame().assign(control_job_rate=math.nan, net_effect=math.nan)
    found = views(data)
    assert found["case"].chart is None
    assert found["case"].note.startswith("Ingen af indsatserne i visningen har en mer-effekt")
    assert "case_allocation" not in found


def test_english_words_and_numbers() -> None:
    committee = report.committee_from(
        frame(), 2026, (2026,), "Kommunen", lang="en", made_on=MADE_ON
    )
    view = {v.key: v for v in committee.views}["case"]
    assert view.title == "The business case: the kommune's net gain per krone"
    assert "3.5 % discount rate" in view.note


def test_the_deck_holds_the_case_slides_as_a_picture_and_text() -> None:
    committee = report.committee_from(frame(), 2026, (2026,), "Kommunen", made_on=MADE_ON)
    deck = report.build_deck(committee)
    slides = list(Presentation(io.BytesIO(deck.data)).slides)
    titles = [s.shapes.title.text_frame.text for s in slides if s.shapes.title is not None]
    case = slides[titles.index("Budgetcasen: kommunens nettogevinst pr. krone")]
    assert [shape for shape in case.shapes if shape.shape_type == 13], "a picture"
    words = [
        p.text for shape in case.shapes if shape.has_text_frame for p in shape.text_frame.paragraphs
    ]
    assert any(w.startswith("2026 · alle indsatser · 8 indsatser.") for w in words)
    described = [
        shape._element.nvPicPr.cNvPr.get("descr") for shape in case.shapes if shape.shape_type == 13
    ][0]
    assert HOSTILE in described
    allocation = slides[titles.index("Den nuværende fordeling: de planlagte deltagere")]
    texts = [
        p.text
        for shape in allocation.shapes
        if shape.has_text_frame
        for p in shape.text_frame.paragraphs
    ]
    assert "Det offentlige i alt" in texts
