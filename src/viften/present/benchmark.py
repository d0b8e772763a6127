"""The benchmark's tables and sentences, built from `model.benchmark` objects (no Streamlit)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from viften.model.benchmark import i2_level
from viften.present import formatting
from viften.present.texts import t

if TYPE_CHECKING:
    import pandas as pd


def place(municipality: Any, lang: str) -> str:
    """A municipality as the reader sees it: the own one without a name says so."""
    return str(municipality) if municipality else t("bm_own_municipality", lang)


def summary_text(obj: Mapping[str, Any], lang: str) -> str:
    return t(
        "bm_summary",
        lang,
        k=obj["k"],
        municipalities=obj["municipalities"],
        pooled=formatting.points(obj["pooled_effect"], lang),
        low=formatting.points(obj["pooled_ci_low"], lang),
        high=formatting.points(obj["pooled_ci_high"], lang),
        tau2=formatting.number(obj["tau2"], lang, 4),
        i2=formatting.percent(obj["i2"], lang),
    )


def i2_text(obj: Mapping[str, Any], lang: str) -> str:
    """What I² means for the reader, in plain words ("kommunernes resultater er meget
    forskellige" from 75 %)."""
    return t(f"bm_i2_{i2_level(obj['i2'])}", lang, i2=formatting.percent(obj["i2"], lang))


def unpooled_text(obj: Mapping[str, Any], lang: str) -> str | None:
    if not obj["unpooled"]:
        return None
    names = ", ".join(f"{u['name']} ({place(u['municipality'], lang)})" for u in obj["unpooled"])
    return t("bm_unpooled", lang, names=names)


def side_by_side(obj: Mapping[str, Any], lang: str) -> pd.DataFrame:
    """The kind's members as the pool reads them: the own effect with its interval, the
    shrunken effect, the price per additional job on it, the citizens measured and the
    weight."""
    import pandas as pd

    rows = []
    for m in obj["members"]:
        per_job = m["price_per_additional_job_shrunken"]
        rows.append(
            {
                t("bm_col_municipality", lang): place(m["municipality"], lang),
                t("bm_col_name", lang): m["name"],
                t("bm_col_effect_interval", lang): t(
                    "bm_effect_interval",
                    lang,
                    effect=_bare_points(m["net_effect"], lang),
                    low=_bare_points(m["net_effect_ci_low"], lang),
                    high=_bare_points(m["net_effect_ci_high"], lang),
                ),
                t("bm_col_shrunken", lang): formatting.points(m["shrunken_effect"], lang),
                t("bm_col_price_job", lang): _price_job(per_job, lang),
                t("bm_col_people", lang): formatting.number(
                    m["n_treatment"] + m["n_control"], lang
                ),
                t("bm_col_weight", lang): formatting.percent(m["weight"], lang),
            }
        )
    return pd.DataFrame(rows)


def figures_side_by_side(obj: Mapping[str, Any], lang: str) -> pd.DataFrame:
    """The same kind in each kommune as its own figures say: price per participant, price
    per additional job, job rate, extra effect, stars and planned participants."""
    import pandas as pd

    return pd.DataFrame(
        [
            {
                t("bm_col_municipality", lang): place(m["municipality"], lang),
                t("bm_col_name", lang): m["name"],
                t("bm_col_price", lang): formatting.kroner(m["price_per_participant"], lang),
                t("bm_col_price_job_own", lang): _price_job(m["price_per_additional_job"], lang),
                t("bm_col_job_rate", lang): formatting.percent(m.get("job_rate"), lang, 1),
                t("bm_col_effect_own", lang): formatting.points(m["net_effect"], lang),
                t("bm_col_stars", lang): formatting.stars(m["evidence_stars"]),
                t("bm_col_participants", lang): formatting.number(m.get("participants"), lang),
            }
            for m in obj["members"]
        ]
    )


def _bare_points(value: float, lang: str) -> str:
    """Percentage points without their unit (the column's heading names it): +0,7, −2,8."""
    return formatting.signed(value, formatting.number(abs(value) * 100, lang, 1))


def _price_job(per_job: float | None, lang: str) -> str:
    return (
        formatting.kroner(per_job, lang)
        if per_job is not None
        else f"– ({t('bm_no_price_job', lang)})"
    )


def overview(objects: list[dict[str, Any]], lang: str) -> pd.DataFrame:
    """One line per kind: how many measured it, the pool and what I² says."""
    import pandas as pd

    return pd.DataFrame(
        [
            {
                t("bm_kind", lang): obj["kind"],
                t("bm_col_municipalities", lang): formatting.number(obj["municipalities"], lang),
                t("bm_col_k", lang): formatting.number(obj["k"], lang),
                t("bm_pooled", lang): formatting.points(obj["pooled_effect"], lang),
                t("bm_col_interval", lang): t(
                    "bm_interval",
                    lang,
                    low=formatting.points(obj["pooled_ci_low"], lang),
                    high=formatting.points(obj["pooled_ci_high"], lang),
                ),
                "I²": formatting.percent(obj["i2"], lang),
                t("bm_col_spread", lang): t(f"bm_level_{i2_level(obj['i2'])}", lang),
            }
            for obj in objects
        ]
    )
