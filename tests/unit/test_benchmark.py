"""The benchmark: DerSimonian–Laird against a published worked example, its properties, and
`benchmark --json` over interventions and outcome records of several municipalities."""

from __future__ import annotations

import csv
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viften.model import benchmark
from viften.model.benchmark import dersimonian_laird

REPO = Path(__file__).resolve().parents[2]

BCG = (
    (4, 119, 11, 128),
    (6, 300, 29, 274),
    (3, 228, 11, 209),
    (62, 13536, 248, 12619),
    (33, 5036, 47, 5761),
    (180, 1361, 372, 1079),
    (8, 2537, 10, 619),
    (505, 87886, 499, 87892),
    (29, 7470, 45, 7232),
    (17, 1699, 65, 1600),
    (186, 50448, 141, 27197),
    (5, 2493, 3, 2338),
    (27, 16886, 29, 17825),
)
"""The BCG vaccine trials (tpos, tneg, cpos, cneg) of Colditz et al. (1994), JAMA 271:698–702,
as the R package metafor ships them (`dat.bcg`)."""


def test_the_bcg_trials_pool_as_metafor_and_stata_metan_publish() -> None:
    """The worked example: log risk ratios of `dat.bcg`, pooled with `rma(yi, vi,
    method="DL")`. metafor's test tests/testthat/test_misc_metan_vs_rma.uni_with_dat.bcg.r
    (checked against Stata's `metan ..., randomi`) gives the estimate −0.7141, its interval
    −1.0644 to −0.3638, tau² 0.3088 and I² 92.1173 %; its fixed-effect model Q = 152.2330.
    Viechtbauer (2010), J. Stat. Softw. 36(3), shows the same data."""
    effects = [math.log((a / (a + b)) / (c / (c + d))) for a, b, c, d in BCG]
    variances = [1 / a - 1 / (a + b) + 1 / c - 1 / (c + d) for a, b, c, d in BCG]
    pool = dersimonian_laird(effects, variances)
    assert pool.k == 13
    assert round(pool.pooled_effect, 4) == -0.7141
    assert round(pool.pooled_ci_low, 4) == -1.0644
    assert round(pool.pooled_ci_high, 4) == -0.3638
    assert round(pool.tau2, 4) == 0.3088
    assert round(pool.i2 * 100, 4) == 92.1173
    assert round(pool.q, 4) == 152.2330
    assert round(pool.fixed_effect, 4) == -0.4303


def test_a_hand_computed_pool_of_two() -> None:
    """θ = 0.1 and 0.3 with v = 0.01 each: θ_F = 0.2, Q = 2 × 100 × 0.01 = 2, C = 200 − 20000/200
    = 100, tau² = (2 − 1) / 100 = 0.01, the pool 0.2 ± 1.959964 / √100, I² = 1/2, and each
    estimate shrunken halfway (B = 0.01 / 0.02) towards 0.2: 0.15 and 0.25."""
    pool = dersimonian_laird([0.1, 0.3], [0.01, 0.01])
    assert pool.tau2 == pytest.approx(0.01)
    assert pool.pooled_effect == pytest.approx(0.2)
    assert pool.pooled_ci_low == pytest.approx(0.2 - 0.1959964)
    assert pool.i2 == pytest.approx(0.5)
    assert pool.shrunken == pytest.approx((0.15, 0.25))


@given(
    st.lists(
        st.tuples(st.floats(-0.5, 0.5, allow_nan=False), st.floats(0.001, 0.2, allow_nan=False)),
        min_size=1,
        max_size=12,
    )
)
def test_where_tau2_is_0_every_shrunken_estimate_is_the_pool(
    estimates: list[tuple[float, float]],
) -> None:
    pool = dersimonian_laird([e for e, _ in estimates], [v for _, v in estimates])
    assert pool.tau2 >= 0
    assert pool.pooled_ci_low <= pool.pooled_effect <= pool.pooled_ci_high
    if pool.tau2 == 0:
        assert pool.shrunken == pytest.approx([pool.pooled_effect] * pool.k, abs=1e-12)
    low, high = min(e for e, _ in estimates), max(e for e, _ in estimates)
    for shrunk, (effect, _) in zip(pool.shrunken, estimates, strict=True):
        # shrinking moves an estimate towards the pool, never past it
        assert min(effect, pool.pooled_effect) - 1e-12 <= shrunk
        assert shrunk <= max(effect, pool.pooled_effect) + 1e-12
        assert low - 1e-12 <= shrunk <= high + 1e-12


def _row(
    municipality: str,
    name: str,
    kind: str | None,
    n: int = 100,
    effect: float = 0.1,
    measured: bool = True,
) -> dict[str, object]:
    half = 1.959964 * math.sqrt(0.5 / n)
    return {
        "municipality": municipality,
        "name": name,
        "kind": kind,
        "net_effect": effect if measured else None,
        "net_effect_ci_low": effect - half if measured else None,
        "net_effect_ci_high": effect + half if measured else None,
        "n_treatment": n if measured else 0,
        "n_control": n if measured else 0,
        "price_per_participant": 50_000.0,
        "evidence_stars": 2,
    }


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["IPS", "ips", " IPS ", "Mentor"]),
            st.integers(10, 500),
            st.floats(-0.2, 0.4, allow_nan=False),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_one_municipality_never_gives_a_benchmark_object(
    interventions: list[tuple[str, int, float]],
) -> None:
    rows = [
        _row("Randers", f"Indsats {i}", kind, n, effect)
        for i, (kind, n, effect) in enumerate(interventions)
    ]
    assert benchmark.benchmarks(rows) == []


def test_kinds_match_in_any_case_and_the_first_member_names_the_kind() -> None:
    rows = [
        _row("Viborg", "IPS", "IPS"),
        _row("Aarhus", "Job med støtte", " ips", effect=0.2),
        _row("Aarhus", "IPS ung", "Ips", measured=False),
        _row("Randers", "Mentor", "Mentor"),
    ]
    (only,) = benchmark.benchmarks(rows)
    assert only["kind"] == "ips"
    assert [(m["municipality"], m["name"]) for m in only["members"]] == [
        ("Aarhus", "Job med støtte"),
        ("Viborg", "IPS"),
    ]
    assert only["unpooled"] == [{"municipality": "Aarhus", "name": "IPS ung"}]
    assert benchmark.benchmarks(rows, kind="  IPS ") == [only]
    assert benchmark.benchmarks(rows, kind="mentor") == []
    assert benchmark.benchmarks(rows, municipality="randers") == []


def test_the_i2_levels_have_stated_thresholds() -> None:
    assert [benchmark.i2_level(x) for x in (0.0, 0.25, 0.5, 0.75, 0.99)] == [
        "none",
        "low",
        "moderate",
        "high",
        "high",
    ]


# --- the command over a database of several municipalities ----------------------------------


def _write_csv(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _viften(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "viften", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )


def _wilson(k: int, n: int) -> tuple[float, float]:
    z = 1.959964
    centre = (k + z * z / 2) / (n + z * z)
    half = z * math.sqrt(k * (n - k) / n + z * z / 4) / (n + z * z)
    return centre - half, centre + half


def _newcombe(k1: int, n1: int, k2: int, n2: int) -> tuple[float, float]:
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = _wilson(k1, n1)
    l2, u2 = _wilson(k2, n2)
    d = p1 - p2
    return (
        d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
        d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
    )


def test_benchmark_json_pools_what_three_municipalities_measured(
    empty_db: Path, tmp_path: Path
) -> None:
    counts = {  # (municipality, name): (n treatment, k treatment, n control, k control)
        ("Aarhus", "IPS-forløb"): (300, 114, 300, 90),
        ("Randers", "IPS"): (24, 11, 24, 6),
        ("Viborg", "IPS"): (80, 32, 90, 25),
    }
    interventions = _write_csv(
        tmp_path / "iv.csv",
        [
            "navn",
            "år",
            "målgruppe",
            "pris pr. deltager",
            "jobandel",
            "evidens",
            "kommune",
            "indsatstype",
        ],
        [
            ["IPS-forløb", 2026, "further", 60000, 0.3, 3, "Aarhus", "ips "],
            ["IPS", 2026, "further", 45000, 0.3, 3, "Randers", "IPS"],
            ["IPS", 2026, "further", 52000, 0.3, 2, "Viborg", "IPS"],
            ["IPS", 2026, "further", 50000, 0.3, 2, "Odense", "IPS"],
            ["Mentor", 2026, "closer", 20000, 0.3, 2, "Randers", "Mentor"],
        ],
    )
    records = [
        [name, 2026, group, int(i < k), place]
        for (place, name), (n1, k1, n2, k2) in counts.items()
        for group, n, k in (("treatment", n1, k1), ("control", n2, k2))
        for i in range(n)
    ]
    outcomes = _write_csv(
        tmp_path / "out.csv", ["intervention", "year", "group", "employed", "kommune"], records
    )
    db = ["--db", str(empty_db)]
    assert _viften("import", str(interventions), *db).returncode == 0
    assert _viften("outcomes", "import", str(outcomes), *db).returncode == 0
    listed = json.loads(_viften("list", "--json", "--municipality", " randers", *db).stdout)
    assert sorted((r["municipality"], r["name"], r["kind"]) for r in listed) == [
        ("Randers", "IPS", "IPS"),
        ("Randers", "Mentor", "Mentor"),
    ]
    done = _viften("benchmark", "--json", *db)
    assert done.returncode == 0, done.stderr
    (ips,) = json.loads(done.stdout)
    # by hand, from interface.md: θ and v from the Newcombe interval, then DerSimonian–Laird
    order = sorted(counts)
    theta = [counts[m][1] / counts[m][0] - counts[m][3] / counts[m][2] for m in order]
    intervals = [_newcombe(k1, n1, k2, n2) for n1, k1, n2, k2 in (counts[m] for m in order)]
    v = [((hi - lo) / (2 * 1.959964)) ** 2 for lo, hi in intervals]
    w = [1 / x for x in v]
    fixed = sum(a * b for a, b in zip(w, theta, strict=True)) / sum(w)
    q = sum(a * (b - fixed) ** 2 for a, b in zip(w, theta, strict=True))
    c = sum(w) - sum(a * a for a in w) / sum(w)
    tau2 = max(0.0, (q - 2) / c)
    w_star = [1 / (x + tau2) for x in v]
    pooled = sum(a * b for a, b in zip(w_star, theta, strict=True)) / sum(w_star)
    assert ips["kind"] == "ips"
    assert ips["k"] == 3
    assert ips["tau2"] == pytest.approx(tau2, abs=1e-12)
    assert ips["pooled_effect"] == pytest.approx(pooled, rel=1e-9)
    assert ips["pooled_ci_low"] == pytest.approx(pooled - 1.959964 / math.sqrt(sum(w_star)))
    assert ips["i2"] == pytest.approx(max(0.0, (q - 2) / q))
    for member, place, effect, variance in zip(ips["members"], order, theta, v, strict=True):
        assert (member["municipality"], member["name"]) == place
        b = variance / (variance + tau2)
        assert member["net_effect"] == pytest.approx(effect)
        assert member["shrunken_effect"] == pytest.approx(b * pooled + (1 - b) * effect)
    assert ips["unpooled"] == [{"municipality": "Odense", "name": "IPS"}]
    assert json.loads(_viften("benchmark", "--json", "--kind", "MENTOR", *db).stdout) == []
