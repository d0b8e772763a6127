"""The interventions page's parts: the table, editing, import and export."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import streamlit as st

from viften.actions import editing, settings
from viften.actions import interventions as changes
from viften.files import export as exporter
from viften.model.assumptions import BENEFITS
from viften.model.domain import COLUMN_NAMES, COLUMNS_BY_NAME
from viften.model.errors import ViftenError
from viften.model.kinds import CATALOGUE
from viften.present import figures, messages, tables
from viften.present import imports as present_imports
from viften.present.formatting import amount_text, escape_markdown
from viften.present.formatting import is_missing as missing
from viften.present.texts import has, t
from viften.store import db
from viften.store import interventions as store
from viften.ui import grid
from viften.ui.feedback import import_failed, write_failed
from viften.ui.state import actor, database

if TYPE_CHECKING:
    import pandas as pd


@st.cache_data(max_entries=32, show_spinner=False)
def _display(
    frame: pd.DataFrame, lang: str, sort_by: str, descending: bool, columns: tuple[str, ...]
) -> pd.DataFrame:
    return tables.display(tables.sort(frame, sort_by, descending), lang, columns)


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
    columns = st.multiselect(
        t("iv_columns", lang),
        tables.TABLE_COLUMNS[1:],
        default=tables.SHOWN_FIRST[1:],
        format_func=lambda c: t(figures.FIGURES[c].heading, lang),
        key="iv_columns",
        help=t("iv_columns_help", lang),
        placeholder=t("iv_columns_none", lang),
    )
    grid.table(_display(frame, lang, sort_by, descending, tuple(columns)), max_height=700)
    st.caption(t("iv_table_caption", lang))


def _report_problems(problems: list[Any], lang: str) -> None:
    st.error(t("iv_problems", lang, count=len(problems)))
    # a column by its heading in the table (Jobandel), not by its code (job_rate)
    named = [
        replace(p, column=t(f"col_{p.column}", lang)) if has(f"col_{p.column}") else p
        for p in problems[:200]
    ]
    st.text("\n".join(messages.problem_text(p, lang) for p in named))


def importer_section(lang: str) -> None:
    """Upload a CSV or XLSX file; all of it lands, or none of it."""
    st.download_button(
        t("iv_template", lang),
        exporter.template_xlsx,
        file_name="viften-skabelon.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="iv_template_download",
    )
    round_ = int(st.session_state.get("iv_upload_round", 0))
    upload = st.file_uploader(t("iv_upload", lang), type=["csv", "xlsx"], key=f"iv_upload_{round_}")
    if upload is None:
        st.caption(t("iv_upload_hint", lang))
        return
    data = upload.getvalue()
    try:
        preview = _preview(data, upload.name)
    except ViftenError as error:
        import_failed(error, st.empty(), "iv_problems", lang)
        return
    _show_preview(preview, lang)
    confirm, cancel = st.columns([3, 1])
    if cancel.button(t("imp_cancel", lang), key="iv_import_cancel"):
        st.session_state["iv_upload_round"] = round_ + 1  # a new, empty uploader
        st.session_state.pop("iv_preview", None)
        st.rerun()
    if not confirm.button(
        t("iv_import_button", lang, name=upload.name), type="primary", key="iv_import_button"
    ):
        return
    bar = st.progress(0.0, text=t("iv_importing", lang))

    def advance(share: float, step: str) -> None:
        bar.progress(min(share, 1.0), text=t("iv_importing", lang))

    try:
        summary = changes.import_file(database(), data, upload.name, actor(), progress=advance)
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
        + " "
        + t("imp_imported_as", lang, id=summary.import_id)
    )


def _preview(data: bytes, filename: str) -> store.Diff:
    """The preview of an upload, computed once per file content and stored data version."""
    path = database()
    key = (hashlib.sha256(data).hexdigest(), filename, db.data_version(path))
    kept = st.session_state.get("iv_preview")
    if kept is not None and kept[0] == key:
        return kept[1]
    preview = changes.preview(path, data, filename)
    st.session_state["iv_preview"] = (key, preview)
    return preview


def _show_preview(preview: store.Diff, lang: str) -> None:
    """What the import will do, as text: counts, then the rows, changed fields old → new."""
    st.subheader(t("imp_preview_heading", lang))
    st.text(present_imports.counts_text(preview, lang))
    if not preview.added and not preview.updated:
        st.info(t("imp_preview_nothing", lang))
    if preview.added:
        st.markdown(f"**{t('imp_preview_added', lang)}** ({len(preview.added)})")
        grid.table(present_imports.names_table(preview.added, lang))
    if preview.updated:
        st.markdown(f"**{t('imp_preview_updated', lang)}** ({len(preview.updated)})")
        st.text("\n".join(present_imports.change_lines(preview.updated, lang)))
    if preview.missing:
        with st.expander(f"{t('imp_preview_missing', lang)} ({len(preview.missing)})"):
            grid.table(present_imports.names_table(preview.missing, lang))
    if preview.unchanged:
        with st.expander(f"{t('imp_preview_unchanged', lang)} ({len(preview.unchanged)})"):
            grid.table(present_imports.names_table(preview.unchanged, lang))


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
_CODES = {
    "target_group": ("closer", "further", "cross"),
    "provider_type": ("internal", "external"),
    "effect_rating": ("high", "medium", "low"),
}
_CODE_TEXT = {"target_group": "tg_{}_short", "provider_type": "pt_{}", "effect_rating": "er_{}"}
_HELP = {
    "persistence": "iv_edit_persistence_help",
    "weeks_on_benefit": "iv_edit_weeks_help",
    "job_rate": "iv_edit_share_help",
    "control_job_rate": "iv_edit_share_help",
    "price_per_participant": "iv_edit_number_help",
}


def _code_text(column: str, lang: str) -> Callable[[str | int | float | bool], str]:
    pattern = _CODE_TEXT[column]
    return lambda code: t(pattern.format(code), lang)


def _config(lang: str) -> dict[str, Any]:
    """Danish labels for codes, numbers as text in the reader's style (260.000, 47 %)."""
    config: dict[str, Any] = {}
    for column in _EDIT_COLUMNS:
        label = t(f"col_{column}", lang)
        helper = t(_HELP[column], lang) if column in _HELP else None
        if column in _CODES:
            config[column] = st.column_config.SelectboxColumn(
                label, options=list(_CODES[column]), format_func=_code_text(column, lang)
            )
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
        elif column == "name":  # 15 columns cannot fit a laptop: the name stays in sight
            config[column] = st.column_config.TextColumn(label, help=helper, pinned=True)
        else:
            config[column] = st.column_config.TextColumn(label, help=helper)
    return config


def edit_frame(rows: list[dict[str, Any]], lang: str) -> pd.DataFrame:
    """The stored rows as the edit table shows them: numbers and shares as text the reader
    writes (and the importer reads back), an empty cell empty, never "None"."""
    import pandas as pd

    base = pd.DataFrame(rows, columns=COLUMN_NAMES)[_EDIT_COLUMNS]
    shown: dict[str, Any] = {}
    for column in _EDIT_COLUMNS:
        kind = COLUMNS_BY_NAME[column].kind
        values = base[column].tolist()
        if column in _CODES or column in ("benefit", "mandatory", "evidence_stars"):
            shown[column] = values
        elif kind == "rate":
            shown[column] = ["" if missing(v) else amount_text(v, lang, "share") for v in values]
        elif kind in ("money", "count", "positive", "weeks"):
            shown[column] = ["" if missing(v) else amount_text(v, lang, "number") for v in values]
        else:
            shown[column] = ["" if missing(v) else str(v) for v in values]
    return pd.DataFrame(shown)


def editor_section(year: int, lang: str) -> None:
    """Edit the year's interventions in place; a save is refused if someone else got first.

    The table is a snapshot taken when editing began, with each row's version; saving
    checks those versions, so a change someone made in the meantime is never overwritten.
    Deleting rows asks for a confirmation that names them.
    """
    snapshot_key = f"iv_snapshot_{year}"
    snapshot = st.session_state.get(snapshot_key)
    if snapshot is None:
        with db.connect(database()) as con:
            snapshot = (editing.stored_identities(con, year), store.stored_rows(con, year))
        st.session_state[snapshot_key] = snapshot
    identities, rows = snapshot
    key = editing.editor_key(year, identities) + f"_{lang}"
    st.data_editor(
        edit_frame(rows, lang),
        column_config=_config(lang),
        num_rows="dynamic",
        hide_index=True,
        key=key,
        width="stretch",
    )
    state = st.session_state.get(key) or {}
    plan = editing.plan_edits(
        identities,
        state.get("edited_rows", {}),
        state.get("added_rows", []),
        state.get("deleted_rows", []),
        year,
        settings.municipality_setting(database()),
        decimal_comma=lang != "en",
    )
    if plan.problems:
        _report_problems(plan.problems, lang)
    confirmed = True
    if plan.deletes:
        names = ", ".join(row.name for row in plan.deletes)
        st.warning(
            escape_markdown(t("iv_delete_warning", lang, count=len(plan.deletes), names=names))
        )
        confirmed = st.checkbox(
            t("iv_delete_confirm", lang, count=len(plan.deletes)), key="iv_delete_confirm"
        )
    save, reload = st.columns([1, 4])
    if reload.button(t("iv_reload", lang), key="iv_reload"):
        _forget(snapshot_key, key)
        st.rerun()
    if save.button(
        t("iv_save", lang),
        type="primary",
        disabled=plan.empty or bool(plan.problems) or not confirmed,
        key="iv_save",
    ):
        try:
            editing.apply_plan(database(), actor(), plan)
        except ViftenError as error:
            write_failed(error, lang, conflict_key="iv_conflict")
            return
        _forget(snapshot_key, key, "iv_delete_confirm")
        st.toast(t("iv_saved", lang))
        st.rerun()


def _forget(*keys: str) -> None:
    for key in keys:
        st.session_state.pop(key, None)
