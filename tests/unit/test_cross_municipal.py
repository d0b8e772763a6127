"""The cross-municipal views (issue 14): a shared pool read back per kommune, the messages for
minimums that cannot be met, the kommune codes on Model 2's tiles and the same kind's figures
side by side."""

from __future__ import annotations

import math

import pandas as pd

from viften.model import allocator, benchmark, pool
from viften.present import benchmark as present_benchmark
from viften.present import budget_tables, fan
from viften.present.case import scope_text
from viften.present.charts import fan as fan_charts
from viften.present.messages import render_all

BUDGET = 1_000_000.0


def _data(randers_capacity: int = 100) -> allocator.Interventions:
    return allocator.Interventions.from_columns(
        {
            "name": ["IPS", "IPS", "Mentor"],
            "year": [2026, 2026, 2026],
            "municipality": ["Aarhus", "Randers", "Randers"],
            "target_group": ["further", "further", "closer"],
            "price_per_participant": [50_000.0, 60_000.0, 10_000.0],
            "capacity": [100, randers_capacity, randers_capacity],
            "participants": [0, 0, 0],
            "job_rate": [0.4, 0.4, 0.3],
            "control_job_rate": [0.2, 0.3, 0.28],
            "evidence_stars": [3, 3, 2],
        }
    )


def _solve(shares: dict[str, float], data: allocator.Interventions | None = None):
    data = data if data is not None else _data()
    request = allocator.Request.of(BUDGET, min_municipality_shares=shares)
    return data, allocator.optimise(data, request)


def test_a_kommunes_minimum_that_decides_the_answer_binds_and_the_others_do_not() -> None:
    data, result = _solve({"Randers": 0.3})
    assert result.status == allocator.OPTIMAL
    aarhus, randers = pool.split(data, result)
    assert (aarhus.municipality, randers.municipality) == ("Aarhus", "Randers")
    assert randers.minimum == 300_000
    assert randers.spend >= 300_000 and randers.binds
    assert aarhus.minimum == 0 and not aarhus.binds
    assert aarhus.spend + randers.spend == result.total_cost
    assert aarhus.participants + randers.participants == sum(result.participants)
    assert math.isclose(aarhus.extra_jobs + randers.extra_jobs, result.expected_jobs)


def test_a_minimum_below_what_the_kommune_gets_anyway_does_not_bind() -> None:
    data, result = _solve({"Aarhus": 0.1})
    aarhus, _randers = pool.split(data, result)
    assert aarhus.spend > aarhus.minimum and not aarhus.binds


def test_minimums_above_the_whole_pool_say_to_lower_them() -> None:
    _data_, result = _solve({"Aarhus": 0.6, "Randers": 0.6})
    assert result.status == allocator.INFEASIBLE
    assert result.notes[0].key == "budget_msg_municipality_shares_over"
    said = render_all(result.notes, "da")
    assert "120 %" in said and "Sænk" in said and "højst er 100 %" in said


def test_a_minimum_above_what_the_kommune_can_take_names_the_kommune_and_its_room() -> None:
    # Randers can take 2 × 60.000 + 2 × 10.000 = 140.000 kr.; 30 % of the pool is 300.000 kr.
    _data_, result = _solve({"Randers": 0.3}, _data(randers_capacity=2))
    assert result.status == allocator.INFEASIBLE
    assert result.notes[0].key == "budget_msg_municipality_capacity"
    said = render_all(result.notes, "da")
    assert "Randers" in said and "300.000 kr." in said and "140.000 kr." in said
    assert "Sænk minimummet for Randers til højst 140.000 kr." in said


def test_a_kommune_without_interventions_in_the_pool_is_named() -> None:
    _data_, result = _solve({"Odense": 0.1})
    assert result.notes[0].key == "budget_msg_municipality_none"
    assert "Odense" in render_all(result.notes, "da")


def test_minimum_amounts_become_shares_of_the_pool() -> None:
    shares = pool.shares_from_minimums(2_000_000, {"Aarhus": 500_000, "Randers": 0}, True)
    assert shares == {"Aarhus": 0.25}
    assert pool.shares_from_minimums(2_000_000, {"Aarhus": 0.2}, False) == {"Aarhus": 0.2}
    assert pool.shares_from_minimums(1_000, {"Aarhus": 5_000}, True)["Aarhus"] > 1


def test_the_pool_table_writes_each_kommune_the_danish_way() -> None:
    data, result = _solve({"Randers": 0.3})
    table = budget_tables.pool_table(pool.split(data, result), BUDGET, "da")
    assert list(table.columns) == [
        "Kommune",
        "Minimum",
        "Forbrug",
        "Andel af puljen",
        "Deltagere",
        "Ekstra job",
        "Minimum binder",
    ]
    randers = table[table["Kommune"] == "Randers"].iloc[0]
    assert randers["Minimum"] == "300.000 kr."
    assert randers["Minimum binder"].startswith("ja")
    assert table[table["Kommune"] == "Aarhus"].iloc[0]["Minimum"] == "intet"


# --- Model 2 across kommuner ---------------------------------------------------------------


def _frame(places: list[str]) -> pd.DataFrame:
    rows = []
    for i, place in enumerate(places):
        rows.append(
            {
                "name": f"Indsats {i}",
                "municipality": place,
                "target_group": ["closer", "further", "cross"][i % 3],
                "price_per_participant": 20_000.0 + 1_000 * i,
                "job_rate": 0.4,
                "control_job_rate": 0.3,
                "evidence_stars": 2,
                "effect_rating": "medium",
                "price_per_job": (20_000.0 + 1_000 * i) / 0.4,
                "price_per_additional_job": (20_000.0 + 1_000 * i) / 0.1,
            }
        )
    return pd.DataFrame(rows)


def test_model_2_marks_each_tile_with_its_kommunes_code_and_lists_them_in_the_legend() -> None:
    layout = fan.layout(_frame(["Aarhus", "Randers", "Aarhus", ""]), "da")
    assert layout.municipalities == (("AAR", "Aarhus"), ("EGEN", ""), ("RAN", "Randers"))
    assert {t.marker for t in layout.tiles} == {"AAR", "RAN", "EGEN"}
    assert all(t.detail.startswith(f"{t.marker} ") for t in layout.tiles)
    texts = [label.text for label in layout.labels]
    assert "Kommune:" in texts and "RAN = Randers" in texts and "EGEN = (egen kommune)" in texts
    assert max(label.x for label in layout.labels) < layout.width
    spec = fan_charts.spec_from_layout(layout, "da")
    tiles = spec["datasets"]["tiles"]
    assert {row[fan_charts.MUNICIPALITY_FIELD] for row in tiles} == {
        "Aarhus",
        "Randers",
        "(egen kommune)",
    }
    titles = [t.get("title") for layer in spec["layer"] for t in _tooltips(layer)]
    assert "Kommune" in titles


def _tooltips(layer: dict) -> list[dict]:
    tooltip = layer.get("encoding", {}).get("tooltip", [])
    return tooltip if isinstance(tooltip, list) else [tooltip]


def test_one_kommune_or_model_1_has_no_marks() -> None:
    single = fan.layout(_frame(["Aarhus", "Aarhus"]), "da")
    assert single.municipalities == () and {t.marker for t in single.tiles} == {""}
    plain = fan.layout(_frame(["Aarhus", "Aarhus"]).drop(columns="municipality"), "da")
    assert [t.detail for t in single.tiles] == [t.detail for t in plain.tiles]
    spec = fan_charts.spec_from_layout(single, "da")
    assert fan_charts.MUNICIPALITY_FIELD not in spec["datasets"]["tiles"][0]
    model_1 = fan.layout(_frame(["Aarhus", "Randers"]), "da", per_target_group=True)
    assert model_1.municipalities == ()


def test_kommune_codes_are_distinct() -> None:
    codes = fan.municipality_codes(["Albertslund", "Allerød", "Assens", "Ås", "Åsby", ""])
    assert codes["albertslund"] == "ALB" and codes["allerød"] == "ALL"
    assert codes[""] == "EGEN"
    assert len(set(codes.values())) == len(codes)
    assert fan.municipality_codes(["Holbæk", "Holstebro"]) == {
        "holbæk": "HOLB",
        "holstebro": "HOLS",
    }


def test_the_scope_line_names_the_kommuner_in_view_and_counts_them() -> None:
    line = scope_text(2026, None, 12, "da", ("Aarhus", "Randers"))
    assert "2 kommuner i visningen: Aarhus, Randers" in line and "12 indsatser" in line
    assert "kommuner" not in scope_text(2026, None, 12, "da", ("Aarhus",))


# --- the same kind side by side --------------------------------------------------------------


def test_the_same_kind_shows_each_kommunes_own_figures_side_by_side() -> None:
    rows = []
    for place, price, rate, control, planned in (
        ("Aarhus", 45_000.0, 0.45, 0.30, 120),
        ("Randers", 52_500.0, 0.38, 0.30, 40),
    ):
        n = 200
        effect = rate - control
        half = 1.959964 * math.sqrt(0.5 / n)
        rows.append(
            {
                "municipality": place,
                "name": "IPS",
                "kind": "IPS",
                "job_rate": rate,
                "participants": planned,
                "net_effect": effect,
                "net_effect_ci_low": effect - half,
                "net_effect_ci_high": effect + half,
                "n_treatment": n,
                "n_control": n,
                "price_per_participant": price,
                "evidence_stars": 3,
            }
        )
    (obj,) = benchmark.benchmarks(rows)
    table = present_benchmark.figures_side_by_side(obj, "da")
    assert list(table.columns) == [
        "Kommune",
        "Indsats",
        "Pris pr. deltager",
        "Pris pr. ekstra job",
        "Jobandel",
        "Mer-effekt",
        "Evidens",
        "Deltagere (planlagt)",
    ]
    aarhus = table.iloc[0]
    assert aarhus["Pris pr. deltager"] == "45.000 kr."
    assert aarhus["Pris pr. ekstra job"] == "300.000 kr."
    assert aarhus["Jobandel"] == "45,0 %"
    assert aarhus["Mer-effekt"].startswith("+15,0")
    assert aarhus["Deltagere (planlagt)"] == "120"
    assert table.iloc[1]["Kommune"] == "Randers"


def test_the_detail_names_the_kommune_in_a_view_across_kommuner() -> None:
    record = {**_frame(["Randers"]).iloc[0].to_dict(), "provider": "Jobcenter"}
    assert fan.detail_caption(record, "da", with_place=True).startswith("Randers · Tættere på")
    assert not fan.detail_caption(record, "da").startswith("Randers")
    own = {**record, "municipality": ""}
    assert fan.detail_caption(own, "da", with_place=True).startswith("(egen kommune) · ")


def test_across_kommuner_the_same_name_is_picked_with_its_kommune() -> None:
    frame = _frame(["Aarhus", "Randers", ""]).assign(name="IPS")
    keys = fan.view_keys(frame)
    assert keys == ["IPS · Aarhus", "IPS · Randers", "IPS · EGEN"]
    assert fan.rows_for(frame, "IPS · Randers")["municipality"].tolist() == ["Randers"]
    layout = fan.layout(frame, "da")
    assert sorted(t.key for t in layout.tiles) == sorted(keys)
    header, rows = fan.compare_rows(frame, ["IPS · Randers", "IPS · Aarhus"])
    assert header[1:] == ["IPS · Randers", "IPS · Aarhus"]
    single = _frame(["Aarhus", "Aarhus"])
    assert fan.view_keys(single) == single["name"].tolist()
    assert [t.key for t in fan.layout(single, "da").tiles] == sorted(single["name"].tolist())


def _kommuner_row_by_row(frame: pd.DataFrame) -> tuple[str, ...]:
    """The reference: each row's kommune in turn, the first spelling of each kept."""
    from viften.model.domain import municipality_key

    seen: dict[str, str] = {}
    for name in frame["municipality"].fillna("").astype(str):
        seen.setdefault(municipality_key(name), name.strip())
    return tuple(sorted(seen.values(), key=municipality_key))


def test_the_kommuner_and_view_keys_of_a_table_are_those_read_row_by_row() -> None:
    import random

    spellings = ["Randers", " randers", "RANDERS ", "Aarhus", "aarhus", "", "  ", None, "Ærø"]
    rng = random.Random(15)
    for _ in range(200):
        rows = rng.randint(1, 30)
        frame = pd.DataFrame(
            {
                "name": [rng.choice(["IPS", "Mentor", "Kursus · B", ""]) for _ in range(rows)],
                "municipality": [rng.choice(spellings) for _ in range(rows)],
            }
        )
        places = _kommuner_row_by_row(frame)
        assert fan.municipalities_in(frame) == places
        names = frame["name"].astype(str).tolist()
        if len(places) > 1:
            kommuner = frame["municipality"].fillna("").astype(str).str.strip().tolist()
            names = [f"{n} · {k or 'EGEN'}" for n, k in zip(names, kommuner, strict=True)]
        assert fan.view_keys(frame) == names
