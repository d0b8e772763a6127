"""The budget page in Chromium: one tab drawn at a time, a change in it rerun as a fragment,
and the settings kept when the reader moves between the tabs, at both screen sizes.

Screenshots go to test-artifacts/ (budget-*.png).
"""

from __future__ import annotations

import pytest
from conftest import Server, screenshot, wait_for_app
from streamlit.proto.BackMsg_pb2 import BackMsg

pytestmark = pytest.mark.browser

TABS = ("Nuværende fordeling", "Hvad nu hvis", "Optimal fordeling", "Budget og job", "Scenarier")
OBJECTIVE = '.st-key-budget_opt_objective input[type="radio"]'


def reruns_asked(page) -> list[BackMsg]:  # type: ignore[no-untyped-def]
    """Every rerun the page asks the server for from now on."""
    asked: list[BackMsg] = []

    def listen(socket) -> None:  # type: ignore[no-untyped-def]
        def sent(payload: bytes | str) -> None:
            if isinstance(payload, bytes):
                message = BackMsg.FromString(payload)
                if message.WhichOneof("type") == "rerun_script":
                    asked.append(message)

        socket.on("framesent", sent)

    page.on("websocket", listen)
    return asked


def open_tab(page, name: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("tab", name=name, exact=True).click()
    page.wait_for_function(
        "name => [...document.querySelectorAll('[role=tab]')].some("
        "t => t.innerText.trim() === name && t.getAttribute('aria-selected') === 'true')",
        arg=name,
    )
    wait_for_app(page)


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1920, 1080)])
def test_a_change_in_the_optimiser_reruns_only_its_tab_and_every_tab_keeps_it(
    app_server: Server, page, width: int, height: int
) -> None:
    page.set_viewport_size({"width": width, "height": height})
    asked = reruns_asked(page)
    page.goto(f"{app_server.url}/budget")
    page.get_by_role("tab", name=TABS[0]).wait_for()
    wait_for_app(page)
    screenshot(page, f"budget-current-{width}")
    open_tab(page, TABS[2])
    # the tab's own rerun may not have begun when the app reads idle: wait for what it draws
    page.locator(OBJECTIVE).first.wait_for()
    wait_for_app(page)
    assert page.locator(".st-key-budget_opt_objective").count() == 1
    assert page.locator(".st-key-budget_reset").count() == 0, "the what-if tab is not drawn"
    asked.clear()
    page.locator(".st-key-budget_opt_objective").get_by_text(
        "Flest job (jobandel)", exact=True
    ).click()
    page.get_by_text("Budget og job").first.wait_for()
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=stMetricLabel]')].length > 0"
    )
    wait_for_app(page)
    assert asked, "the change asked for a rerun"
    assert all(m.rerun_script.fragment_id for m in asked), "only the tab's fragment reruns"
    screenshot(page, f"budget-optimal-{width}")
    open_tab(page, TABS[3])
    page.locator('[data-testid="stVegaLiteChart"]').get_by_text("Forventede job").first.wait_for()
    screenshot(page, f"budget-frontier-{width}")
    for name in (TABS[1], TABS[4]):
        open_tab(page, name)
        screenshot(page, f"budget-{TABS.index(name)}-{width}")
    open_tab(page, TABS[2])
    page.locator(OBJECTIVE).first.wait_for()
    checked = page.locator(OBJECTIVE).evaluate_all(
        "els => els.filter(e => e.checked).map(e => e.closest('label').innerText.trim())"
    )
    assert checked == ["Flest job (jobandel)"]
    assert page.query_selector('[data-testid="stException"]') is None
    assert page.errors == []


def national_sized_csv(count: int = 400, seed: int = 15) -> str:
    """Interventions with figures of national size (thousands of participants, tens of
    millions of kroner each) and long names, for one year and one kommune."""
    import random

    chance = random.Random(seed)
    groups = ("closer", "further", "cross")
    lines = [
        "name,year,target_group,price_per_participant,capacity,participants,job_rate,"
        "control_job_rate,evidence_stars"
    ]
    for number in range(count):
        rate = chance.uniform(0.15, 0.6)
        control = "" if number % 5 == 0 else f"{max(0.0, rate - chance.uniform(0.0, 0.2)):.3f}"
        participants = chance.randint(500, 9_000)
        lines.append(
            f"Virksomhedspraktik for sygemeldte med langvarige forløb {number:04d},2026,"
            f"{groups[number % 3]},{chance.randint(8, 90) * 1_000},{participants * 2},"
            f"{participants},{rate:.3f},{control},{1 + number % 3}"
        )
    return "\n".join(lines) + "\n"


def test_the_optimal_moves_fit_1366_with_national_figures(
    tmp_path_factory: pytest.TempPathFactory, page
) -> None:
    """Eleven headings with figures of national size ran past the page, and the grid
    scrolled sideways: the two tables each fit, the jobs one when opened."""
    from conftest import start_server, stop_server
    from test_browser_fit import SIDEWAYS

    from viften.actions import interventions as changes
    from viften.actions.access import command_line_actor
    from viften.store import db

    folder = tmp_path_factory.mktemp("national_budget")
    path = folder / "viften.duckdb"
    db.build_new_database(path, lambda con: None)
    changes.import_file(path, national_sized_csv().encode(), "national.csv", command_line_actor())
    server, process = start_server(path, folder / "streamlit.log")
    try:
        page.set_viewport_size({"width": 1366, "height": 768})
        page.goto(f"{server.url}/budget")
        wait_for_app(page)
        open_tab(page, "Optimal fordeling")
        page.get_by_text("Job og ekstra job pr. indsats i den optimale fordeling").click()
        page.wait_for_function(
            "() => document.querySelectorAll('[data-testid=\"stDataFrame\"]').length >= 2"
        )
        wait_for_app(page)
        screenshot(page, "budget-national-moves-1366")
        assert page.locator('[data-testid="stDataFrame"]').count() >= 2
        assert page.evaluate(SIDEWAYS) == []
    finally:
        stop_server(process)
