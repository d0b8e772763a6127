"""The interventions page's parts: the table, editing, import and export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import streamlit as st

from viften.actions import editing, settings
from viften.actions import interventions as changes
from viften.files import export as exporter
from viften.model.assumptions import BENEFITS
from viften.model.domain import COLUMN_NAMES
from viften.model.errors import ViftenError
from viften.model.kinds import CATALOGUE
from viften.present import messages, tables
from viften.present.texts import t
from viften.store import db
from viften.store import interventions as store
from viften.ui.feedback import import_failed, write_failed
from viften.ui.state import actor, database

if TYPE_CHECKING:
    import pandas as pd


@st.cache_data(max_entries=32, show_spinner=False)
def _display(frame: pd.DataFrame, lang: str, sort_by: str, descending: bool) -> pd.DataFrame:
    return tables.display(tables.sort(frame, sort_by, descending), lang)


def table(frame: pd.DataFrame, lang: str) -> None:
    """The read-only table: Danish headings and numbers, sortable by a chosen figure."""
    left, right = st.columns([3, 1])
    sort_by = left.selectbox(
        t("iv_sort_by", lang),
        tables.SORTABLE,
        format_func=lambda c: t(f"col_{c}", lang),
        key="iv_sort_by",
    )
    descending = right.toggle(t("iv_descending", lang), key="iv_descending")
    st.dataframe(
        _display(frame, lang, sort_by, descending),
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * len(frame), 700),
    )
    st.caption(t("iv_table_caption", lang))


def _report_problems(problems: list[Any], lang: str) -> None:
    st.error(t("iv_problems", lang, count=len(problems)))
    st.text("\n".join(messages.problem_text(p, lang) for p in problems[:200]))


def importer_section(lang: str) -> None:
    """Upload a CSV or XLSX file; all of it lands, or none of it."""
    st.download_button(
        t("iv_template", lang),
        exporter.template_xlsx,
        file_name="viften-skabelon.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="iv_template_download",
    )
    upload = st.file_uploader(t("iv_upload", lang), type=["csv", "xlsx"], key="iv_upload")
    if upload is None:
        st.caption(t("iv_upload_hint", lang))
        return
    if not st.button(
        t("iv_import_button", lang, name=upload.name), type="primary", key="iv_import_button"
    ):
        return
    bar = st.progress(0.0, text=t("iv_importing", lang))

    def advance(share: float, step: str) -> None:
        bar.progress(min(share, 1.0), text=t("iv_importing", lang))

    try:
        summary = changes.import_file(
            database(), upload.getvalue(), upload.name, actor(), progress=advance
        )
    except ViftenError as error:
        import_failed(error, bar, "iv_problems", lang)
        return
    bar.empty()
    st.success(
        t(
            "iv_imported",
            lang,
            added=len(summary.inserted),
            updated=len(summary.updated),
            unchanged=len(summary.unchanged),
        )
    )


def _export_file(path: Path, year: int, suffix: str) -> Callable[[], bytes]:
    """The file is built when the user clicks, not on every rerun of the page."""

    def build() -> bytes:
        with db.connect(path) as con:
            return exporter.export_bytes(store.stored_rows(con, year), suffix)

    return build


def exporter_section(year: int, lang: str) -> None:
    columns = st.columns(3)
    for spot, suffix, mime in zip(
        columns,
        exporter.FORMATS,
        (
            "text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.apache.parquet",
        ),
        strict=True,
    ):
        spot.download_button(
            t("iv_download", lang, format=suffix.lstrip(".").upper()),
            _export_file(database(), year, suffix),
            file_name=f"viften-{year}{suffix}",
            mime=mime,
            key=f"iv_export{suffix}",
            on_click="ignore",
        )


_EDIT_COLUMNS = [c for c in COLUMN_NAMES if c != "year"]


def editor_section(year: int, lang: str) -> None:
    """Edit the year's interventions in place; a save is refused if someone else got first.

    The table is a snapshot taken when editing began, with each row's version; saving
    checks those versions, so a change someone made in the meantime is never overwritten.
    """
    snapshot_key = f"iv_snapshot_{year}"
    snapshot = st.session_state.get(snapshot_key)
    if snapshot is None:
        with db.connect(database()) as con:
            snapshot = (editing.stored_identities(con, year), store.stored_rows(con, year))
        st.session_state[snapshot_key] = snapshot
    identities, rows = snapshot
    import pandas as pd

    base = pd.DataFrame(rows, columns=COLUMN_NAMES)[_EDIT_COLUMNS]
    options = {
        "target_group": ["closer", "further", "cross"],
        "provider_type": ["internal", "external"],
        "effect_rating": ["high", "medium", "low"],
    }
    config: dict[str, Any] = {}
    for column in _EDIT_COLUMNS:
        label = t(f"col_{column}", lang)
        if column in options:
            config[column] = st.column_config.SelectboxColumn(label, options=options[column])
        elif column == "benefit":
            config[column] = st.column_config.SelectboxColumn(
                label,
                options=list(BENEFITS),
                format_func=lambda key: t(f"iv_benefit_{key}", lang),
                help=t("iv_edit_benefit_help", lang),
                width=190,
            )
        elif column == "mandatory":
            config[column] = st.column_config.CheckboxColumn(
                label, default=False, help=t("iv_edit_mandatory_help", lang)
            )
        elif column == "kind":
            config[column] = st.column_config.TextColumn(
                label, help=t("iv_edit_kind_help", lang, kinds=", ".join(CATALOGUE)), max_chars=200
            )
        elif column == "municipality":
            config[column] = st.column_config.TextColumn(
                label, help=t("iv_edit_municipality_help", lang), max_chars=200
            )
        elif column == "evidence_stars":
            config[column] = st.column_config.NumberColumn(label, min_value=1, max_value=3, step=1)
        elif column in ("job_rate", "control_job_rate", "persistence"):
            config[column] = st.column_config.NumberColumn(
                label,
                min_value=0.0,
                max_value=1.0,
                step=0.01,
                format="%.3f",
                help=t("iv_edit_persistence_help", lang) if column == "persistence" else None,
            )
        elif column == "weeks_on_benefit":
            config[column] = st.column_config.NumberColumn(
                label, min_value=0, step=1, help=t("iv_edit_weeks_help", lang)
            )
        elif column in ("price_per_participant", "capacity", "participants", "duration_weeks"):
            config[column] = st.column_config.NumberColumn(label, min_value=0)
        else:
            config[column] = st.column_config.TextColumn(label)
    key = editing.editor_key(year, identities)
    st.data_editor(
        base, column_config=config, num_rows="dynamic", hide_index=True, key=key, width="stretch"
    )
    state = st.session_state.get(key) or {}
    plan = editing.plan_edits(
        identities,
        state.get("edited_rows", {}),
        state.get("added_rows", []),
        state.get("deleted_rows", []),
        year,
        settings.municipality_setting(database()),
    )
    if plan.problems:
        _report_problems(plan.problems, lang)
    save, reload = st.columns([1, 4])
    if reload.button(t("iv_reload", lang), key="iv_reload"):
        _forget(snapshot_key, key)
        st.rerun()
    if save.button(
        t("iv_save", lang),
        type="primary",
        disabled=plan.empty or bool(plan.problems),
        key="iv_save",
    ):
        try:
            editing.apply_plan(database(), actor(), plan)
        except ViftenError as error:
            write_failed(error, lang, conflict_key="iv_conflict")
            return
        _forget(snapshot_key, key)
        st.toast(t("iv_saved", lang))
        st.rerun()


def _forget(*keys: str) -> None:
    for key in keys:
        st.session_state.pop(key, None)
