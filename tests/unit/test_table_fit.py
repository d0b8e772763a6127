"""Column widths that keep a table within the page: narrowed, wrapped, never cut."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from viften.present import table_fit
from viften.present.table_fit import CELL_PADDING_PX, LINE_PX, ROW_PADDING_PX, column, fit, lines_at

NOTE = "lille stikprøve: under 30 personer i en gruppe; ingen målt kontrolgruppe at sammenligne med"


def test_a_text_is_as_wide_as_its_letters() -> None:
    assert table_fit.text_px("") == 0
    assert table_fit.text_px("mm") == 2 * table_fit.text_px("m") > table_fit.text_px("ii")
    assert table_fit.text_px("94.479.000 kr.") > table_fit.text_px("94 kr.")


def test_a_text_wraps_at_its_spaces_and_a_word_is_never_broken() -> None:
    words = "Delvis raskmelding og fastholdelsesforløb"
    assert lines_at(words, 10_000) == 1
    assert lines_at(words, table_fit.text_px("fastholdelsesforløb")) == 3
    assert lines_at("fastholdelsesforløb", 5) == 1


def test_a_figure_stays_with_its_unit() -> None:
    assert table_fit.pieces("+14,2 pct.point (−11,2 til +36,4)") == [
        "+14,2 pct.point",
        "(−11,2 til",
        "+36,4)",
    ]
    assert lines_at("352.941 kr.", table_fit.text_px("352.941 kr.")) == 1
    assert column("Pris", ["352.941 kr."]).floor >= table_fit.text_px("352.941 kr.")


def test_a_column_is_no_narrower_than_its_heading_or_its_longest_word() -> None:
    measured = column("Pris pr. ekstra job", ["– (ingen kontrolgruppe)", "352.941 kr."])
    assert measured.floor >= table_fit.text_px("Pris pr. ekstra job")
    assert measured.floor >= table_fit.text_px("kontrolgruppe)") + CELL_PADDING_PX
    assert measured.natural >= table_fit.text_px("– (ingen kontrolgruppe)") + CELL_PADDING_PX


def test_a_table_that_fits_keeps_its_own_widths() -> None:
    found = fit({"Indsats": column("Indsats", ["IPS"]), "Pris": column("Pris", ["45.000 kr."])})
    assert found == table_fit.Fit({}, None, True)


def test_a_long_note_takes_the_room_and_the_rows_grow_to_its_lines() -> None:
    columns = {f"Tal {i}": column(f"Tal {i}", ["12,5 %", "–"]) for i in range(6)}
    columns["Bemærkning"] = column("Bemærkning", [NOTE, ""])
    found = fit(columns, 600)
    assert found.fits and sum(found.widths.values()) <= 600
    # the figures keep their one line, the note wraps into the room they leave
    assert all(found.widths[f"Tal {i}"] >= columns[f"Tal {i}"].natural - 1 for i in range(6))
    lines = lines_at(NOTE, found.widths["Bemærkning"] - CELL_PADDING_PX)
    assert lines > 1 and found.row_height == max(65, lines * LINE_PX + ROW_PADDING_PX)


def test_a_table_that_cannot_fit_is_left_to_the_grid_and_says_so() -> None:
    columns = {
        f"En lang overskrift {i}": column(f"En lang overskrift {i}", ["1"]) for i in range(9)
    }
    found = fit(columns, 880)
    assert not found.fits
    assert found.widths == {} and found.row_height is None  # the grid sizes it itself


texts = st.text(alphabet="abcæøå ABC.,-0123456789", max_size=60)


@given(st.lists(st.tuples(texts, st.lists(texts, max_size=5)), min_size=1, max_size=12))
def test_every_column_is_between_its_floor_and_its_natural_width(
    table: list[tuple[str, list[str]]],
) -> None:
    columns = {
        f"{i} {heading}": column(f"{i} {heading}", values)
        for i, (heading, values) in enumerate(table)
    }
    found = fit(columns, 880)
    if not found.widths:  # fits as it is, or not even at the floors (the grid sizes it)
        fits_as_it_is = sum(c.natural for c in columns.values()) <= 880
        assert found.fits == fits_as_it_is
        assert fits_as_it_is or sum(c.floor for c in columns.values()) > 880
        return
    assert found.fits and sum(found.widths.values()) <= 880
    for name, c in columns.items():
        assert c.floor <= found.widths[name] <= max(c.floor, c.natural)
        for text in c.values:
            lines = lines_at(text, found.widths[name] - CELL_PADDING_PX)
            assert lines == 1 or lines * LINE_PX + ROW_PADDING_PX <= (found.row_height or 0)


def test_a_frame_is_measured_as_its_columns_are() -> None:
    import pandas as pd

    frame = pd.DataFrame(
        {
            "Indsats": ["IPS", "Virksomhedspraktik", "IPS", None],
            "Pris": [45_000, 120_000, 45_000, 3_000_000],
            "Bemærkning": [NOTE, "", NOTE, "kort"],
        }
    )
    measured = table_fit.measure(frame)
    assert list(measured) == ["Indsats", "Pris", "Bemærkning"]
    for name in frame.columns:
        expected = column(name, frame[name].dropna().astype(str).tolist())
        assert (measured[name].natural, measured[name].floor) == (expected.natural, expected.floor)
        assert sorted(measured[name].values) == sorted(expected.values)
