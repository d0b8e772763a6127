"""The social-investment pages: the portfolio with its pools, one case with its figures, and
the editor that creates a case and enters a follow-up result."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from streamlit.testing.v1 import AppTest

from viften.actions import investments
from viften.actions.access import EDITOR, Actor
from viften.model import invest

PAGES = Path(__file__).resolve().parents[2] / "pages"
PORTFOLIO = str(PAGES / "investments.py")
CASE = str(PAGES / "investment.py")
EDITOR_ACTOR = Actor("redaktør", EDITOR)


def stored_case(db_path: Path, name: str = "IPS <b>fed</b>") -> int:
    investments.set_pool(db_path, EDITOR_ACTOR, "Sociale investeringer", 48e6)
    investments.set_pool(db_path, EDITOR_ACTOR, "Resultatbetalingspulje", 27e6)
    contract = invest.parse_contract(
        {
            "name": name,
            "intervention": "IPS",
            "year": 2026,
            "citizens": 100,
            "investor_share": 0.8,
            "status": "running",
            "outlay_pool": "Sociale investeringer",
            "payment_pool": "Resultatbetalingspulje",
            "outcomes": [{"name": "Job", "payment": 40_000, "month": 12, "basis": "net"}],
        }
    )
    return investments.save_case(db_path, EDITOR_ACTOR, contract)


def test_the_portfolio_lists_every_case_its_pools_and_the_chart(db_path: Path) -> None:
    stored_case(db_path)
    app = AppTest.from_file(PORTFOLIO, default_timeout=30).run()
    assert not app.exception
    cases = app.dataframe[0].value
    assert cases["Case"].tolist() == ["IPS <b>fed</b>"]
    assert cases["Status"].tolist() == ["I gang"]
    assert cases["Kommunens udlæg"].tolist() == ["900.000 kr."]
    pools = app.dataframe[2].value
    assert pools["Pulje"].tolist() == ["Resultatbetalingspulje", "Sociale investeringer"]
    assert pools["Tilbage"].tolist()[1] == "47.100.000 kr."
    assert [c for c in app.get("vega_lite_chart")]
    assert not [m for m in app.markdown if "<b>" in m.value]


def test_the_portfolio_without_cases_says_so_and_offers_the_pools_to_editors(db_path: Path) -> None:
    app = AppTest.from_file(PORTFOLIO, default_timeout=30)
    app.session_state["is_editor"] = True
    app.session_state["user_name"] = "Mette"
    app.run()
    assert not app.exception
    assert any("ingen investeringscases" in i.value for i in app.info)
    assert app.text_input[0].value == "Sociale investeringer"
    app.text_input[1].set_value("48.000.000")
    app.button[0].click().run()
    assert any("Sociale investeringer" in s.value for s in app.success)
    assert investments.portfolio(db_path).pools[0].size == 48e6


def test_the_case_page_shows_the_figures_and_the_payment_due_of_a_result(db_path: Path) -> None:
    case_id = stored_case(db_path)
    investments.set_result(db_path, EDITOR_ACTOR, case_id, "Job", dt.date(2027, 1, 1), 100, 60)
    app = AppTest.from_file(CASE, default_timeout=30).run()
    assert not app.exception
    labels = [m.label for m in app.metric]
    assert "Kommunens nutidsværdi" in labels
    results = app.dataframe[1].value
    due = investments.one_case(db_path, case_id).paid
    assert results["Betaling forfalden"].tolist() == [f"{due:,.0f} kr.".replace(",", ".")]


def test_an_editor_creates_a_case_and_enters_a_result(db_path: Path) -> None:
    app = AppTest.from_file(CASE, default_timeout=30)
    app.session_state["is_editor"] = True
    app.session_state["user_name"] = "Mette"
    app.run()
    assert not app.exception
    app.text_input[0].set_value("Job til Mor")
    app.selectbox[2].set_value("IPS")  # the case, the status, the intervention
    app.text_input[1].set_value("80")
    app.text_input[3].set_value("100 %")
    app.session_state["invest_form_new_card"] = {
        "edited_rows": {0: {"name": "Job", "payment": "40.000", "month": "12", "basis": "net"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.button[0].click().run()
    assert not app.exception
    assert not app.error, [e.value for e in app.error]
    (view,) = investments.portfolio(db_path).cases
    assert view.contract.citizens == 80
    assert view.contract.outcomes[0].payment == 40_000
    assert any("Job til Mor" in s.value for s in app.success)
    app.number_input(key="invest_result_reached").set_value(50)
    app.button(key="FormSubmitter:invest_result_form-Gem resultatet").click().run()
    assert not app.exception
    assert investments.one_case(db_path, view.stored.id).results[0].reached == 50
