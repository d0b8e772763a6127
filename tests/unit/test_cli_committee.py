"""`python -m viften matrix` and `report`, run as a user runs them, and their files opened."""

from __future__ import annotations

import io
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb
import pytest
from PIL import Image
from pptx import Presentation

from viften.store import db
from viften.store import views as figures

REPO = Path(__file__).resolve().parents[2]
HOSTILE = '<b>x</b> & "quotes"'
CSV = (
    "name,year,target_group,price_per_participant,job_rate,control_job_rate,evidence_stars,"
    "effect_rating,participants,capacity\n"
    f'"{HOSTILE.replace(chr(34), chr(34) * 2)}",2025,closer,30000,0.4,0.3,2,high,20,40\n'
    "Mentorforløb æøå,2025,further,45000,0.3,0.22,3,medium,15,30\n"
    "IPS,2025,cross,60000,0.5,,1,low,10,\n"
    "Løntilskud,2024,closer,70000,0.5,0.4,3,high,10,20\n"
)


def viften(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "viften", *map(str, args)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    source = folder / "interventions.csv"
    source.write_text(CSV, encoding="utf-8")
    path = folder / "viften.duckdb"
    con = duckdb.connect(str(path))
    try:
        db.create_schema(con)  # an empty database: no demo data, only our file
    finally:
        con.close()
    done = viften("import", source, "--db", path)
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture(scope="module")
def images(database: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("images")
    out = {}
    for fmt in ("png", "svg", "pdf"):
        out[fmt] = folder / f"fan.{fmt}"
        done = viften("matrix", "--out", out[fmt], "--year", "2025", "--db", database)
        assert done.returncode == 0, done.stderr
        assert "2025" in done.stderr
    return out


def names_of(database: Path, year: int) -> list[str]:
    return figures.load_year(database, year).frame["name"].tolist()


def test_matrix_writes_a_sharp_png(images: dict[str, Path]) -> None:
    data = images["png"].read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.width >= 1600


def test_matrix_writes_an_svg_with_every_name_as_text(
    images: dict[str, Path], database: Path
) -> None:
    svg = images["svg"].read_text(encoding="utf-8")
    root = ET.fromstring(svg)
    words = " ".join(" ".join(e.itertext()) for e in root.iter("{http://www.w3.org/2000/svg}text"))
    labels = " ".join(e.get("aria-label", "") for e in root.iter())
    for name in names_of(database, 2025):
        assert name in words or name in labels, name
    assert HOSTILE in labels
    assert "<b>x</b>" not in svg
    assert "Løntilskud" not in words + labels, "2024's intervention is not in the 2025 fan"


def test_matrix_writes_a_pdf(images: dict[str, Path]) -> None:
    assert images["pdf"].read_bytes().startswith(b"%PDF-")


def test_matrix_draws_one_target_group(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "further.svg"
    done = viften(
        "matrix", "--out", out, "--year", "2025", "--target-group", "længere væk", "--db", database
    )
    assert done.returncode == 0, done.stderr
    svg = out.read_text(encoding="utf-8")
    assert "Mentorforløb æøå" in svg
    assert "IPS," not in svg and "quotes" not in svg


@pytest.mark.parametrize("name", ["fan.jpg", "fan", "fan.pptx"])
def test_matrix_refuses_another_format_with_exit_2(
    database: Path, tmp_path: Path, name: str
) -> None:
    done = viften("matrix", "--out", tmp_path / name, "--db", database)
    assert done.returncode == 2
    assert ".png, .svg or .pdf" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / name).exists()


def test_matrix_of_a_year_without_interventions_exits_2(database: Path, tmp_path: Path) -> None:
    done = viften("matrix", "--out", tmp_path / "x.png", "--year", "2030", "--db", database)
    assert done.returncode == 2
    assert "2030" in done.stderr and "2025" in done.stderr


def test_report_writes_the_deck_of_the_newest_year(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "udvalg.pptx"
    done = viften("report", "--out", out, "--db", database)
    assert done.returncode == 0, done.stderr
    deck = Presentation(str(out))
    titles = [s.shapes.title.text_frame.text for s in deck.slides if s.shapes.title is not None]
    assert titles[0] == "Tilbudsviften 2025"
    cells = {
        cell.text
        for s in deck.slides
        for shape in s.shapes
        if shape.has_table
        for row in shape.table.rows
        for cell in row.cells
    }
    assert set(names_of(database, 2025)) <= cells
    assert "Løntilskud" not in cells


def test_report_refuses_another_suffix_with_exit_2(database: Path, tmp_path: Path) -> None:
    done = viften("report", "--out", tmp_path / "deck.pdf", "--db", database)
    assert done.returncode == 2
    assert ".pptx" in done.stderr
    assert not (tmp_path / "deck.pdf").exists()


def test_report_of_a_year_without_interventions_exits_2(database: Path, tmp_path: Path) -> None:
    done = viften("report", "--out", tmp_path / "deck.pptx", "--year", "2030", "--db", database)
    assert done.returncode == 2
    assert "2030" in done.stderr and "2025" in done.stderr
    assert not (tmp_path / "deck.pptx").exists()
