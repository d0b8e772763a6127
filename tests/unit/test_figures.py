"""The registry of figures and its one formatter: every view writes a figure the same way."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from viften.model import domain, effects
from viften.present import effect_tables, fan, figures, formatting, tables
from viften.present.charts import fan as fan_charts
from viften.present.texts import t
from viften.store.views import add_intervals


def intervention(name: str, **given: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": 1,
        "name": name,
        "year": 2026,
        "target_group": "closer",
        "provider": "Jobcenter",
        "provider_type": "internal",
        "price_per_participant": 20_000.0,
        "capacity": np.nan,
        "participants": 10.0,
        "job_rate": 0.354,
        "control_job_rate": 0.3,
        "evidence_stars": 2,
        "effect_rating": "medium",
        "duration_weeks": 10.0,
        "description": "",
        "source": "",
        "rates_from": "entered",
        "entered_job_rate": 0.354,
        "entered_control_job_rate": 0.3,
        "n_treatment": 0,
        "k_treatment": 0,
        "n_control": 0,
        "k_control": 0,
    }
    row.update(given)
    return row


def sample() -> pd.DataFrame:
    return add_intervals(
        domain.derive(
            pd.DataFrame(
                [
                    intervention("Fuld"),
                    intervention(
                        "Uden kontrol",
                        control_job_rate=np.nan,
                        entered_control_job_rate=np.nan,
                        effect_rating=None,
                        provider_type=None,
                        capacity=25.0,
                    ),
                    intervention(
                        "Ingen i job",
                        job_rate=0.0,
                        entered_job_rate=0.0,
                        duration_weeks=np.nan,
                        participants=np.nan,
                    ),
                    intervention(
                        "Målt",
                        rates_from="outcomes",
                        job_rate=0.5,
                        n_treatment=200,
                        k_treatment=100,
                        n_control=200,
                        k_control=60,
                        effect_rating="high",
                        duration_weeks=12.5,
                        target_group="cross",
                    ),
                    intervention(
                        "Gratis", price_per_participant=0.0, job_rate=0.35, target_group="further"
                    ),
                ]
            )
        )
    )


def test_every_figure_has_a_heading_and_its_definition_in_both_languages() -> None:
    for figure in figures.FIGURES.values():
        for lang in ("da", "en"):
            assert t(figure.heading, lang)
            if figure.definition:
                assert t(figure.definition, lang)


def test_an_unknown_figure_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="price_per_job"):
        figures.figure("price_per_pizza")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_whole_column_reads_exactly_as_its_values_one_by_one(lang: str) -> None:
    frame = sample()
    records = domain.records(frame)
    for name in figures.FIGURES:
        if name not in frame.columns:
            continue
        assert formatting.figure_column(name, frame, lang) == [
            formatting.figure_value(name, r, lang) for r in records
        ], name


def test_a_job_rate_has_one_decimal_unless_it_is_whole() -> None:
    assert formatting.figure_value("job_rate", {"job_rate": 0.354}) == "35,4 %"
    assert formatting.figure_value("job_rate", {"job_rate": 0.35}) == "35 %"
    assert formatting.figure_value("job_rate", {"job_rate": 0.354}, "en") == "35.4 %"
    assert formatting.figure_column("job_rate", [{"job_rate": 0.9999}]) == ["100 %"]


def test_a_job_rate_reads_the_same_in_the_table_the_detail_the_comparison_and_the_tooltip() -> None:
    frame = sample()
    record = domain.records(frame)[0]
    heading = t("col_job_rate", "da")
    assert tables.display(frame)[heading].iloc[0] == "35,4 %"
    assert dict((a, b) for a, b, _ in fan.detail_rows(record))[heading] == "35,4 %"
    _, rows = fan.compare_rows(frame, ["Fuld", "Målt"])
    assert [r for r in rows if r[0] == heading][0][1:] == ["35,4 %", "50 %"]
    layout = fan.layout(frame, "da")
    tile = next(x for x in layout.tiles if x.name == "Fuld")
    assert fan_charts._tooltip_rows(tile, "da")["tt_job_rate"] == "35,4 %"


def test_a_missing_effect_rating_says_not_rated_in_the_table_and_the_detail() -> None:
    frame = sample()
    heading = t("col_effect_rating", "da")
    assert tables.display(frame)[heading].iloc[1] == "Ikke vurderet"
    detail = dict((a, b) for a, b, _ in fan.detail_rows(domain.records(frame)[1]))
    assert detail[heading] == "Ikke vurderet"


def test_a_missing_figure_is_a_dash_with_its_reason() -> None:
    frame = sample()
    shown = tables.display(frame)
    assert shown[t("col_net_effect", "da")].iloc[1] == "– (ingen kontrolgruppe)"
    assert shown[t("col_control_job_rate", "da")].iloc[1] == "– (ingen kontrolgruppe)"
    assert shown[t("col_price_per_job", "da")].iloc[2] == "– (ingen i job)"
    assert shown[t("col_participants", "da")].iloc[2] == "– (ikke angivet)"
    assert shown[t("col_capacity", "da")].tolist()[:2] == ["ingen grænse", "25"]


def test_the_extra_effect_carries_its_interval_where_it_has_one() -> None:
    text = formatting.figure_value("net_effect", domain.records(sample())[3])
    assert text == "+20,0 pct.point (+10,4 til +29,1)"


def test_weeks_keep_a_half_week() -> None:
    assert formatting.figure_column("duration_weeks", sample())[2:4] == ["– (ikke angivet)", "12,5"]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_effect_tables_never_say_none_or_nan(lang: str) -> None:
    frame = sample()
    dist = effects.effect_distributions(frame)
    chance = np.array([0.5, np.nan, 0.1, 0.9, np.nan])
    for table in (
        effect_tables.effect_table(frame, dist, lang),
        effect_tables.case_table(effects.business_case(frame), chance, lang),
    ):
        cells = [str(c) for c in table.to_numpy().ravel()] + list(table.columns)
        assert not [c for c in cells if "None" in c or "nan" in c.lower() or "<NA>" in c]


def test_the_effect_table_shows_counts_only_where_figures_are_measured() -> None:
    table = effect_tables.effect_table(sample(), effects.effect_distributions(sample()), "da")
    assert table[t("effects_col_n_treatment", "da")].tolist() == ["–", "–", "–", "200", "–"]
    assert table[t("effects_col_entered_effect", "da")].iloc[1] == "– (ingen kontrolgruppe)"
    assert list(table.columns) == effect_tables.effect_headings("da")


def test_the_business_case_says_why_a_benefit_is_missing() -> None:
    frame = sample()
    table = effect_tables.case_table(effects.business_case(frame), np.full(5, 0.5), "da")
    bcr = table[t("effects_col_bcr", "da")].tolist()
    assert bcr[1] == "– (ingen kontrolgruppe)"
    assert bcr[4] == "– (gratis indsats)"
    assert table[t("effects_col_probability", "da")].iloc[0] == "50 %"


def test_the_ranked_table_puts_those_without_the_measure_last() -> None:
    table = fan.ranked_table(sample(), "price_per_additional_job", "da", 10)
    assert table[t("col_name", "da")].tolist() == [
        "Gratis",
        "Målt",
        "Fuld",
        "Ingen i job",
        "Uden kontrol",
    ]
    assert table[t("fan_rank", "da")].tolist() == [1, 2, 3, 4, 5]


def test_the_list_lines_name_group_stars_rating_and_price() -> None:
    lines = fan.list_lines(sample(), "gross", "da", 2)
    assert lines[0] == "Gratis  ·  Længere væk  ·  ★★☆  ·  Middel  ·  0 kr."
    assert len(lines) == 2


def test_the_detail_table_escapes_every_cell_and_keeps_its_definitions() -> None:
    record = domain.records(sample())[0] | {"name": "x"}
    table = fan.detail_table(record | {"price_per_participant": 1_500.0})
    assert table[t("fan_value", "da")].iloc[0] == "1\\.500 kr\\."
    assert table[t("fan_definition", "da")].iloc[0] != ""


def test_the_comparison_table_escapes_typed_names_in_its_heading() -> None:
    frame = sample().assign(name=["*A*", "B", "C", "D", "E"])
    table = fan.compare_table(frame, ["*A*", "B"])
    assert list(table.columns)[1:] == ["\\*A\\*", "B"]


def test_the_detail_caption_names_group_stars_provider_and_an_unknown_provider_type() -> None:
    record = domain.records(sample())[1]
    assert fan.detail_caption(record) == (
        "Tættere på arbejdsmarkedet · ★★☆ · Leverandør: Jobcenter (ukendt)"
    )


def test_the_group_text_ranks_the_intervention_among_its_group() -> None:
    frame = sample()
    text = fan.group_text(frame, domain.records(frame)[0], "gross", "da")
    assert text == t(
        "fan_compare_group_text",
        "da",
        rank=1,
        count=2,
        group="tættere på",
        measure=t("col_price_per_job", "da").lower(),
        median="56.497 kr.",
    )
    missing = fan.group_text(frame, domain.records(frame)[1], "additional", "da")
    assert missing == t(
        "fan_compare_group_missing", "da", measure=t("col_price_per_additional_job", "da")
    )
