"""Where the fan puts each intervention: cells, places in a cell, shades, colours, names."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from viften.model import domain
from viften.model.target_groups import COLOURS, TARGET_GROUPS
from viften.present import fan


def intervention(name: str, **given: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": abs(hash(name)) % 10_000,
        "name": name,
        "year": 2026,
        "target_group": "closer",
        "provider": "Jobcenter",
        "provider_type": "internal",
        "price_per_participant": 20_000.0,
        "capacity": np.nan,
        "participants": 10.0,
        "job_rate": 0.4,
        "control_job_rate": 0.3,
        "evidence_stars": 2,
        "effect_rating": "medium",
        "duration_weeks": 10.0,
        "description": "",
        "source": "",
    }
    row.update(given)
    return row


def frame_of(*rows: dict[str, Any]) -> pd.DataFrame:
    return domain.derive(pd.DataFrame(list(rows)))


def tile(layout: fan.FanLayout, name: str) -> fan.Tile:
    return next(t for t in layout.tiles if t.name == name)


def overlaps(a: fan.Tile, b: fan.Tile) -> bool:
    return (
        a.x < b.x + b.width
        and b.x < a.x + a.width
        and a.y < b.y + b.height
        and b.y < a.y + a.height
    )


# --- bands -------------------------------------------------------------------------------------


def test_band_labels_are_danish_kroner_from_under_to_over() -> None:
    assert fan.band_labels((100_000, 250_000, 1_000_000)) == (
        "Under 100.000 kr.",
        "100.000–250.000 kr.",
        "250.000–1.000.000 kr.",
        "Over 1.000.000 kr.",
    )


def test_band_labels_in_english_use_dkk_and_commas() -> None:
    assert fan.band_labels((100_000, 250_000), "en") == (
        "Under DKK 100,000",
        "DKK 100,000–250,000",
        "Over DKK 250,000",
    )


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (0, 0),
        (99_999.99, 0),
        (100_000, 1),
        (249_999, 1),
        (250_000, 2),
        (9e9, 2),
    ],
)
def test_an_edge_belongs_to_the_band_above_it(value: float, band: int) -> None:
    assert fan.band_index(value, (100_000, 250_000)) == band


def test_band_edges_are_sorted_and_cleaned_and_fall_back_to_the_defaults() -> None:
    assert fan.clean_band_edges([250_000, 100_000, 100_000, -5, float("nan")], "gross") == (
        100_000.0,
        250_000.0,
    )
    assert fan.clean_band_edges([], "gross") == fan.default_band_edges("gross")
    assert fan.clean_band_edges(None, "additional") == fan.default_band_edges("additional")
    assert len(fan.clean_band_edges(range(1, 50), "gross")) == fan.MAX_BANDS - 1


@pytest.mark.parametrize(
    ("typed", "edges"),
    [
        ("100000, 250000", (100_000.0, 250_000.0)),
        ("100.000; 250.000", (100_000.0, 250_000.0)),
        ("100,000 250,000", (100_000.0, 250_000.0)),
        ("50000 100000", (50_000.0, 100_000.0)),
        ("100.000 kr, 250.000 kr", (100_000.0, 250_000.0)),
    ],
)
def test_typed_band_edges_are_read_the_danish_way_too(typed: str, edges: tuple) -> None:
    assert fan.parse_band_edges(typed) == edges


@pytest.mark.parametrize("typed", ["", "abc", "100000, lots", "<script>", "1e5", "-5"])
def test_band_edges_that_are_not_numbers_are_refused(typed: str) -> None:
    assert fan.parse_band_edges(typed) is None


def test_an_unknown_measure_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="gross, additional"):
        fan.measure_column("net")


# --- cells -------------------------------------------------------------------------------------


def test_each_intervention_sits_in_its_effect_row_and_price_band() -> None:
    frame = frame_of(
        intervention(
            "Cheap and good", price_per_participant=10_000, job_rate=0.5, effect_rating="high"
        ),
        intervention(
            "Dear and weak", price_per_participant=300_000, job_rate=0.5, effect_rating="low"
        ),
    )
    layout = fan.layout(frame, band_edges=(100_000, 250_000))
    assert (tile(layout, "Cheap and good").row, tile(layout, "Cheap and good").column) == (
        "high",
        "band0",
    )
    assert (tile(layout, "Dear and weak").row, tile(layout, "Dear and weak").column) == (
        "low",
        "band2",
    )
    rows = {r.key: r for r in layout.rows}
    assert rows["high"].y < rows["medium"].y < rows["low"].y
    assert tile(layout, "Cheap and good").x < tile(layout, "Dear and weak").x


def test_the_star_rows_run_from_three_stars_at_the_top_to_one() -> None:
    frame = frame_of(intervention("A", evidence_stars=1), intervention("B", evidence_stars=3))
    layout = fan.layout(frame, rows="stars")
    assert [r.key for r in layout.rows] == ["stars_3", "stars_2", "stars_1"]
    assert tile(layout, "B").y < tile(layout, "A").y


def test_unrated_interventions_get_a_row_of_their_own_only_when_there_are_some() -> None:
    rated = fan.layout(frame_of(intervention("A")))
    assert [r.key for r in rated.rows] == ["high", "medium", "low"]
    unrated = fan.layout(frame_of(intervention("A"), intervention("B", effect_rating=None)))
    assert [r.key for r in unrated.rows] == ["high", "medium", "low", "unrated"]
    assert tile(unrated, "B").row == "unrated"


def test_without_a_control_group_the_additional_measure_puts_it_in_a_labelled_lane() -> None:
    frame = frame_of(
        intervention("Measured"),
        intervention("Unmeasured", control_job_rate=np.nan),
        intervention("No gain", job_rate=0.3, control_job_rate=0.35),
    )
    layout = fan.layout(frame, measure="additional")
    assert tile(layout, "Unmeasured").column == "reason_no_control"
    assert tile(layout, "No gain").column == "reason_no_extra_effect"
    lanes = {c.key: c.label for c in layout.columns if c.is_lane}
    assert lanes == {
        "reason_no_control": "Ingen kontrolgruppe",
        "reason_no_extra_effect": "Ingen mer-effekt",
    }
    assert tile(layout, "Unmeasured").shade is None
    gross = fan.layout(frame, measure="gross")
    assert not any(c.is_lane for c in gross.columns)


def test_a_zero_job_rate_goes_to_the_nobody_in_a_job_lane() -> None:
    layout = fan.layout(frame_of(intervention("Nobody", job_rate=0.0, control_job_rate=0.0)))
    assert tile(layout, "Nobody").column == "reason_zero_job_rate"
    assert [c.label for c in layout.columns if c.is_lane] == ["Ingen i job"]


def test_model_1_draws_one_panel_per_target_group_present() -> None:
    frame = frame_of(
        intervention("A", target_group="closer"), intervention("B", target_group="cross")
    )
    layout = fan.layout(frame, per_target_group=True)
    assert [p.key for p in layout.panels] == ["closer", "cross"]
    assert tile(layout, "A").panel == "closer"
    assert tile(layout, "B").y > layout.panels[1].y
    assert len(layout.rows) == 6


# --- places and names --------------------------------------------------------------------------


def test_many_tiles_in_one_cell_are_stacked_without_overlapping() -> None:
    frame = frame_of(*[intervention(f"Indsats nummer {i} med et langt navn") for i in range(30)])
    layout = fan.layout(frame)
    tiles = layout.tiles
    assert len(tiles) == 30
    for i, a in enumerate(tiles):
        for b in tiles[i + 1 :]:
            assert not overlaps(a, b), (a.name, b.name)
    row = next(r for r in layout.rows if r.key == "medium")
    column = next(c for c in layout.columns if c.key == tiles[0].column)
    for each in tiles:
        assert row.y <= each.y and each.y + each.height <= row.y + row.height
        assert column.x <= each.x and each.x + each.width <= column.x + column.width


def test_within_a_cell_the_cheapest_comes_first() -> None:
    frame = frame_of(
        intervention("Dear", price_per_participant=30_000),
        intervention("Cheap", price_per_participant=10_000),
    )
    layout = fan.layout(frame, band_edges=(1_000_000,))
    cheap, dear = tile(layout, "Cheap"), tile(layout, "Dear")
    assert (cheap.y, cheap.x) < (dear.y, dear.x)


def test_every_intervention_is_drawn_and_its_whole_name_is_on_the_tile() -> None:
    long_name = (
        "En helhedsorienteret og tværfaglig beskæftigelsesindsats for borgere med "
        "komplekse problemer ud over ledighed, " * 2
    ).strip()[:200]
    names = [long_name, "Kort", "Beskæftigelsesfremmendeforanstaltningsprogrammet"]
    layout = fan.layout(frame_of(*[intervention(n) for n in names]))
    assert sorted(t.name for t in layout.tiles) == sorted(names)
    for each in layout.tiles:
        joined = "".join(line.removesuffix("-") for line in each.lines).replace(" ", "")
        assert joined == each.name.replace(" ", "")
        assert each.height >= fan.tile_height(len(each.lines), layout.geometry)


def test_wrapping_breaks_between_words_and_cuts_only_words_too_long_for_a_line() -> None:
    assert fan.wrap_name("Privat løntilskud til ledige", 12) == (
        "Privat",
        "løntilskud",
        "til ledige",
    )
    assert fan.wrap_name("Jobafklaringsforløb", 10) == ("Jobafkla-", "ringsforløb")
    assert fan.wrap_name("", 10) == ("",)
    assert fan.wrap_name("  spaces\n and\tlines ", 40) == ("spaces and lines",)


def test_a_long_word_is_hyphenated_where_danish_allows_it_never_mid_syllable() -> None:
    assert fan.wrap_name("Virksomhedspraktik", 14) == ("Virksomheds-", "praktik")
    assert fan.wrap_name("Jobafklaringsforløb", 17) == ("Jobafklarings-", "forløb")
    assert fan.wrap_name("Delvis raskmelding og fastholdelsesforløb", 15) == (
        "Delvis",
        "raskmelding og",
        "fastholdelses-",
        "forløb",
    )
    # a word with no hyphenation point that fits is still cut, and keeps every character
    assert "".join(fan.wrap_name("Xqzvbnmlkjhgf", 6)).replace("-", "") == "Xqzvbnmlkjhgf"


def test_a_narrow_chart_wraps_names_over_more_lines() -> None:
    frame = frame_of(intervention("Individuelt planlagt job med støtte (IPS)"))
    wide = tile(fan.layout(frame, width=1600), "Individuelt planlagt job med støtte (IPS)")
    narrow = tile(fan.layout(frame, width=700), "Individuelt planlagt job med støtte (IPS)")
    assert len(narrow.lines) > len(wide.lines)


# --- shades and colours ------------------------------------------------------------------------


def test_shades_run_from_zero_for_the_cheapest_to_one_for_the_dearest() -> None:
    assert fan.shades([30.0, 10.0, 20.0]) == [1.0, 0.0, 0.5]
    assert fan.shades([5.0]) == [0.0]
    assert fan.shades([]) == []
    assert fan.shades([1.0, 1.0, 3.0]) == [0.25, 0.25, 1.0]


def test_the_cheaper_tile_is_the_lighter_one() -> None:
    frame = frame_of(
        intervention("Cheap", price_per_participant=1_000),
        intervention("Dear", price_per_participant=90_000),
    )
    layout = fan.layout(frame)
    assert fan.relative_luminance(tile(layout, "Cheap").fill) > fan.relative_luminance(
        tile(layout, "Dear").fill
    )


@pytest.mark.parametrize("group", TARGET_GROUPS)
def test_tile_text_keeps_wcag_aa_contrast_on_every_shade(group: str) -> None:
    for step in range(101):
        fill = fan.shade_color(group, step / 100)
        assert fan.contrast_ratio(fill, fan.text_color(fill)) >= 4.5, (group, step, fill)


def test_the_three_target_groups_have_distinct_okabe_ito_hues() -> None:
    assert COLOURS == {"closer": "#0072B2", "further": "#E69F00", "cross": "#009E73"}


def test_the_legend_shows_the_dashed_border_only_when_a_figure_is_missing() -> None:
    complete = fan.layout(frame_of(intervention("A")), measure="additional")
    assert not any(b.dashed for b in complete.legend)
    partial = fan.layout(frame_of(intervention("A", control_job_rate=np.nan)), measure="additional")
    assert any(b.dashed for b in partial.legend)


# --- size ----------------------------------------------------------------------------------------


def test_a_huge_view_is_drawn_as_counts_per_cell() -> None:
    rng = np.random.default_rng(7)
    rows = [
        intervention(
            f"N{i}",
            price_per_participant=float(rng.uniform(1e3, 3e5)),
            target_group=("closer", "further", "cross")[i % 3],
            effect_rating=("high", "medium", "low")[i % 3 // 1 % 3],
        )
        for i in range(fan.MAX_TILES + 1)
    ]
    layout = fan.layout(frame_of(*rows))
    assert layout.aggregated and layout.count == fan.MAX_TILES + 1
    assert sum(t.count for t in layout.tiles) == fan.MAX_TILES + 1
    assert all(t.lines[0].endswith("indsatser") or t.lines[0] == "1 indsats" for t in layout.tiles)


def test_a_few_hundred_are_still_drawn_one_by_one() -> None:
    layout = fan.layout(frame_of(*[intervention(f"N{i}") for i in range(300)]))
    assert not layout.aggregated and len(layout.tiles) == 300


def test_an_empty_view_still_draws_the_grid() -> None:
    layout = fan.layout(frame_of(intervention("A")).iloc[0:0])
    assert layout.tiles == () and len(layout.rows) == 3 and layout.height > 0


# --- the figures around the matrix ----------------------------------------------------------------


def test_the_detail_lists_every_figure_with_its_definition_in_danish_numbers() -> None:
    record = domain.records(
        frame_of(
            intervention(
                "A", price_per_participant=1_234_567, job_rate=0.354, control_job_rate=np.nan
            )
        )
    )[0]
    rows = {label: (value, definition) for label, value, definition in fan.detail_rows(record)}
    assert rows["Pris pr. deltager"][0] == "1.234.567 kr."
    assert rows["Jobandel"][0] == "35,4 %"
    assert rows["Mer-effekt"][0] == "– (ingen kontrolgruppe)"
    assert rows["Kapacitet"][0] == "ingen grænse"
    assert "jobandelen" in rows["Pris pr. job"][1]
    assert all(definition for _, definition in rows.values())


def test_the_group_comparison_ranks_by_price_within_the_target_group_only() -> None:
    frame = frame_of(
        intervention("A", price_per_participant=10_000),
        intervention("B", price_per_participant=20_000),
        intervention("C", price_per_participant=30_000),
        intervention("Other group", price_per_participant=1, target_group="further"),
    )
    found = fan.group_comparison(frame, "B")
    assert (found.rank, found.count) == (2, 3)
    assert found.median == pytest.approx(20_000 / 0.4)


def test_compare_rows_put_the_chosen_interventions_side_by_side() -> None:
    frame = frame_of(intervention("A"), intervention("B"), intervention("C"))
    header, rows = fan.compare_rows(frame, ["C", "A"])
    assert header == ["Tal", "C", "A"]
    assert all(len(r) == 3 for r in rows)


def test_ranked_puts_the_cheapest_first_and_the_unmeasured_last() -> None:
    frame = frame_of(
        intervention("Dear", price_per_participant=9e4),
        intervention("None", control_job_rate=np.nan),
        intervention("Cheap", price_per_participant=1e3),
    )
    assert fan.ranked(frame, "additional")["name"].tolist() == ["Cheap", "Dear", "None"]


def test_the_caseworker_list_fits_the_group_and_puts_the_best_documented_first() -> None:
    frame = frame_of(
        intervention("Closer, one star", evidence_stars=1, price_per_participant=1),
        intervention("Closer, three stars", evidence_stars=3),
        intervention("Further", target_group="further", evidence_stars=3),
        intervention("Cross", target_group="cross", evidence_stars=2),
    )
    found = fan.caseworker_list(frame, "closer", limit=5)["name"].tolist()
    assert found == ["Closer, three stars", "Cross", "Closer, one star"]
    assert fan.caseworker_list(frame, "closer", limit=1)["name"].tolist() == ["Closer, three stars"]


def test_a_need_narrows_the_caseworker_list_by_name_and_description() -> None:
    frame = frame_of(
        intervention("Mentor", description="Støtte til trivsel og helbred"),
        intervention("Løntilskud", description="Ansættelse i en virksomhed"),
    )
    assert fan.caseworker_list(frame, "closer", "health")["name"].tolist() == ["Mentor"]
    assert fan.caseworker_list(frame, "closer", "company")["name"].tolist() == ["Løntilskud"]


# --- uncertainty -------------------------------------------------------------------------------


def test_an_effect_that_may_be_zero_is_marked_and_explained_in_the_legend() -> None:
    measured = intervention(
        "Lille forsøg",
        job_rate=0.5,
        control_job_rate=0.45,
        n_treatment=20,
        k_treatment=10,
        n_control=20,
        k_control=9,
    )
    solid = intervention(
        "Stort forsøg",
        job_rate=0.6,
        control_job_rate=0.4,
        evidence_stars=3,
        n_treatment=2000,
        k_treatment=1200,
        n_control=2000,
        k_control=800,
    )
    layout = fan.layout(frame_of(measured, solid))
    assert tile(layout, "Lille forsøg").uncertain == "includes_zero"
    assert fan.UNCERTAIN_MARK in tile(layout, "Lille forsøg").detail
    assert tile(layout, "Stort forsøg").uncertain is None
    assert fan.UNCERTAIN_MARK not in tile(layout, "Stort forsøg").detail
    assert any("usikker effekt" in label.text for label in layout.labels)


def test_a_one_star_guess_without_outcome_data_is_marked_by_the_star_rule() -> None:
    guess = intervention("Skøn", job_rate=0.32, control_job_rate=0.30, evidence_stars=1)
    layout = fan.layout(frame_of(guess))
    assert tile(layout, "Skøn").uncertain == "includes_zero"


def test_nothing_is_marked_when_every_effect_is_certain() -> None:
    certain = intervention("Sikker", job_rate=0.5, control_job_rate=0.4, evidence_stars=3)
    layout = fan.layout(frame_of(certain))
    assert tile(layout, "Sikker").uncertain is None
    assert not any("usikker effekt" in label.text for label in layout.labels)
