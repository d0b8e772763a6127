"""Speed as it is felt: a widget change to the finished rerun, page by page, in Chromium.

Serves the app (demo data in a temporary database of its own, `VIFTEN_DB`; or `--rows N`
synthetic interventions) and a one-line app with one switch, side by side on this machine,
and drives both in headless Chromium at 1366×768. For each page it changes one widget the
page has (a switch, a radio, a button; back and forth) and times the click to the rerun
finished: the page's main text has changed and `stApp` says `notRunning`. The one-line app's
switch is timed in the same rounds, interleaved, so a loaded machine weighs on both sides.
It also times the first render after a server start, from launch to the landing page drawn
and finished, for both apps. It prints the median and the best of each, and their ratios.

    .venv/bin/python benchmarks/bench_rerun.py [--changes 7] [--starts 2] [--rows 15000]
        [--pages fan budget] [--port 55640]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_national import (  # noqa: E402
    CHROMIUM_ARGS,
    DONE,
    REPO,
    STREAMLIT_CONFIG,
    first_render,
    serving,
)

ONE_LINE_APP = (
    "import streamlit as st\n"
    "st.write(st.segmented_control('v', ['a', 'b'], default='a', key='v'))\n"
)
TIMEOUT_MS = 120_000
CHANGED = """([before, done]) => {
    if (document.querySelector(done) === null) return false;
    const main = document.querySelector('[data-testid="stMain"]');
    return main !== null && main.innerText !== before;
}"""
"""Checked every frame: the cheap test first, since `innerText` lays the page out, and doing so
in every frame of a rerun would slow a large page more than a small one."""


@dataclass(frozen=True)
class Change:
    """One widget of a page, set to one state and back: `act(page, step)` does step 0, 1, …"""

    path: str
    act: Callable[[object, int], None]
    tab: str | None = None
    """A tab to open first, where the widget is."""


def _segment(key: str, labels: tuple[str, str]) -> Callable[[object, int], None]:
    def act(page, step: int) -> None:
        # a segmented control's options are buttons with the role radio
        page.locator(f".st-key-{key}").get_by_role(
            "radio", name=labels[(step + 1) % 2], exact=True
        ).click()

    return act


def _radio(key: str, labels: tuple[str, str]) -> Callable[[object, int], None]:
    def act(page, step: int) -> None:
        page.locator(f".st-key-{key}").get_by_text(labels[(step + 1) % 2], exact=True).click()

    return act


def _buttons(keys: tuple[str, str]) -> Callable[[object, int], None]:
    def act(page, step: int) -> None:
        page.locator(f".st-key-{keys[step % 2]} button").click()

    return act


def changes() -> dict[str, Change]:
    from viften.present.texts import t

    measure = (t("fan_measure_gross", "da"), t("fan_measure_additional", "da"))
    stars = ("★+", "★★+")
    language = ("Dansk", "English")
    return {
        "fan": Change("", _segment("fan_measure", measure)),
        "overview": Change("overview", _segment("ov_measure", measure)),
        "caseworker": Change(
            "caseworker", _segment("cw_group", (t("tg_closer", "da"), t("tg_further", "da")))
        ),
        "interventions": Change("interventions", _radio("f_stars", stars)),
        "budget": Change(
            "budget",
            _radio(
                "budget_opt_objective", (t("budget_obj_net", "da"), t("budget_obj_gross", "da"))
            ),
            tab=t("budget_tab_optimal", "da"),
        ),
        "effects": Change("effects", _radio("f_stars", stars)),
        "benchmark": Change("benchmark", _segment("lang_choice", language)),
        "presentation": Change(
            "presentation", _buttons(("presentation_next", "presentation_previous"))
        ),
        "history": Change("history", _segment("lang_choice", language)),
    }


BASELINE = Change("", _segment("v", ("a", "b")))


def main_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def open_page(page, url: str) -> None:
    page.goto(url, timeout=TIMEOUT_MS)
    page.wait_for_selector('[data-testid="stMain"]', timeout=TIMEOUT_MS)
    page.wait_for_selector(DONE, timeout=TIMEOUT_MS)
    page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
    page.wait_for_selector(DONE, timeout=TIMEOUT_MS)


def one_change(page, change: Change, step: int) -> float:
    """Seconds from the click to the rerun finished with the page's text changed."""
    # a tab in the background gets no animation frames: the wait below would crawl
    page.bring_to_front()
    before = main_text(page)
    start = time.perf_counter()
    change.act(page, step)
    page.wait_for_function(CHANGED, arg=[before, DONE], timeout=TIMEOUT_MS, polling="raf")
    return time.perf_counter() - start


def ratio_row(name: str, ours: list[float], bare: list[float], goal: str) -> str:
    med, best = statistics.median(ours), min(ours)
    bare_med, bare_best = statistics.median(bare), min(bare)
    return (
        f"{name:<22} {med * 1000:>8.0f} {best * 1000:>8.0f} {bare_med * 1000:>8.0f} "
        f"{bare_best * 1000:>8.0f} {med / bare_med:>6.2f}× {best / bare_best:>6.2f}×  {goal}"
    )


def build_database(folder: Path, rows: int | None) -> Path:
    from viften.actions import database
    from viften.actions import interventions as actions
    from viften.actions.access import command_line_actor
    from viften.store import db

    path = folder / "viften.duckdb"
    if rows is None:
        database.ensure(path)
        return path
    from synthetic import write_interventions

    db.build_new_database(path, lambda con: None)
    source = write_interventions(folder / "big.csv", rows)
    actions.import_file(path, source.read_bytes(), source.name, command_line_actor())
    return path


def run(
    folder: Path,
    args: argparse.Namespace,
    every: dict[str, Change],
    pages: list[str],
    rows: list[str],
) -> None:
    from playwright.sync_api import sync_playwright

    database = build_database(folder, args.rows)
    baseline = folder / "baseline" / "baseline.py"
    (baseline.parent / ".streamlit").mkdir(parents=True)
    baseline.write_text(ONE_LINE_APP)
    (baseline.parent / ".streamlit" / "config.toml").write_text(STREAMLIT_CONFIG)
    app_port, bare_port = args.port, args.port + 1
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            ours_start, bare_start = [], []
            for _ in range(args.starts):
                bare_start.append(
                    first_render(
                        browser,
                        folder,
                        baseline,
                        bare_port,
                        lambda page: page.get_by_text("a").first.wait_for(),
                    )
                )
                ours_start.append(
                    first_render(
                        browser,
                        folder,
                        REPO / "app.py",
                        app_port,
                        lambda page: page.wait_for_selector(
                            '[data-testid="stMain"] h1', timeout=TIMEOUT_MS
                        ),
                        VIFTEN_DB=str(database),
                    )
                )
                print(
                    f"  first render: {ours_start[-1]:.2f} s, one-line {bare_start[-1]:.2f} s",
                    flush=True,
                )
            if ours_start:
                rows.append(ratio_row("first render", ours_start, bare_start, "≤ 1,5×"))
            with (
                serving(folder, REPO / "app.py", app_port, VIFTEN_DB=str(database)),
                serving(folder, baseline, bare_port),
            ):
                context = browser.new_context(viewport={"width": 1366, "height": 768})
                ours_tab, bare_tab = context.new_page(), context.new_page()
                open_page(bare_tab, f"http://127.0.0.1:{bare_port}/")
                for page_name in pages:
                    change = every[page_name]
                    open_page(ours_tab, f"http://127.0.0.1:{app_port}/{change.path}")
                    if change.tab:
                        ours_tab.get_by_role("tab", name=change.tab).click()
                    ours, bare = [], []
                    for step in range(args.changes + 1):
                        bare_wall = one_change(bare_tab, BASELINE, step)
                        ours_wall = one_change(ours_tab, change, step)
                        if step:  # the first pair warms the caches and is not counted
                            ours.append(ours_wall)
                            bare.append(bare_wall)
                    print(
                        f"  {page_name}: median {statistics.median(ours) * 1000:.0f} ms, "
                        f"one-line {statistics.median(bare) * 1000:.0f} ms",
                        flush=True,
                    )
                    rows.append(ratio_row(page_name, ours, bare, "≤ 2×"))
                context.close()
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=7, help="timed changes per page")
    parser.add_argument("--starts", type=int, default=2, help="timed server starts per app")
    parser.add_argument("--rows", type=int, default=None, help="synthetic interventions")
    parser.add_argument("--pages", nargs="*", default=None, help="only these pages")
    parser.add_argument("--port", type=int, default=int(os.environ.get("VIFTEN_BENCH_PORT", 55640)))
    args = parser.parse_args()

    every = changes()
    pages = args.pages or list(every)
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f}; data: "
        f"{'demo' if args.rows is None else f'{args.rows:,} SYNTHETIC interventions'}",
        flush=True,
    )
    rows: list[str] = []
    with tempfile.TemporaryDirectory(prefix="viften-rerun-") as name:
        folder = Path(name)
        try:
            run(folder, args, every, pages, rows)
        except Exception:
            for log in sorted(folder.glob("*.log")):
                print(f"--- {log.name}:\n{log.read_text()[-2000:]}", file=sys.stderr)
            raise
    header = (
        f"{'widget change →':<22} {'med ms':>8} {'best ms':>8} {'1-line':>8} {'1-l best':>8} "
        f"{'median':>7} {'best':>7}  goal"
    )
    print()
    print(header)
    print("-" * len(header))
    print("\n".join(rows))
    print("(first render in ms from launching the server; ratios: ours over the one-line app)")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
