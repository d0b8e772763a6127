"""Writing the national synthetic dataset (`viften.model.synthetic`) to a folder: the
interventions file, the outcome records and a README that says, first of all, that nothing in
them is real. The file names say it too."""

from __future__ import annotations

from pathlib import Path

from viften.model.synthetic import SOURCE, National

INTERVENTIONS_FILE = "syntetisk-indsatser.csv"
OUTCOMES_FILE = "syntetisk-udfald.csv"
README_FILE = "README.md"

_README = """# SYNTETISKE DATA: intet her er virkeligt

Denne mappe er skrevet af `python -m viften demo national` (frø {seed}). Alle tal er trukket
tilfældigt: kommunernes navne er rigtige, men hver pris, jobandel, kontrolgruppe, kapacitet og
hvert udfald er opfundet. Brug dem til at prøve viften af (benchmark, tværkommunale visninger,
hastighed), aldrig som viden om en kommune. Kolonnen `kilde` siger "{source}" i hver række.

- `{interventions}`: {n_interventions} indsatser i {n_municipalities} kommuner ({year}), med
  kolonnerne `kommune` og `indsatstype`. Indsatstyperne er fælles for kommunerne; pris og
  mer-effekt spreder sig omkring et midtpunkt pr. type.
- `{outcomes}`: {n_records} udfaldsrækker (deltager- og kontrolgruppe) for en del af
  indsatserne.

Indlæs dem med:

    python -m viften import {interventions}
    python -m viften outcomes import {outcomes}

# SYNTHETIC DATA: nothing here is real

Written by `python -m viften demo national` (seed {seed}). Every figure is drawn at random; only
the kommuner's names are real. The `source` column says "{source}" on every row.
"""


def _write_csv_quickly(table: object, path: Path) -> None:
    """A table of millions of rows as CSV. DuckDB in memory writes dictionary columns in
    parallel, four times as fast as pyarrow's writer here; it opens no database file."""
    import duckdb

    con = duckdb.connect()
    try:
        con.execute("SET enable_progress_bar = false")
        con.register("records", table)
        con.execute("COPY records TO $path (HEADER, DELIMITER ',')", {"path": str(path)})
    finally:
        con.close()


def write(data: National, folder: Path, seed: int) -> dict[str, Path]:
    """Write the dataset into `folder` (created if missing); the paths written, by role."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.csv as pacsv

    folder.mkdir(parents=True, exist_ok=True)
    ivs = data.interventions
    columns = {
        "name": pa.array(ivs["name"]),
        "year": pa.array(np.asarray(ivs["year"])),
        "target_group": pa.array(ivs["target_group"]),
        "provider_type": pa.array(ivs["provider_type"]),
        "price_per_participant": pa.array(np.asarray(ivs["price_per_participant"], dtype="int64")),
        "capacity": pa.array(np.asarray(ivs["capacity"])),
        "participants": pa.array(np.asarray(ivs["participants"])),
        "job_rate": pa.array(np.asarray(ivs["job_rate"])),
        "control_job_rate": pa.array(np.asarray(ivs["control_job_rate"])),
        "evidence_stars": pa.array(np.asarray(ivs["evidence_stars"])),
        "source": pa.array(ivs["source"]),
        "municipality": pa.array(ivs["municipality"]),
        "kind": pa.array(ivs["kind"]),
    }
    paths = {
        "interventions": folder / INTERVENTIONS_FILE,
        "outcomes": folder / OUTCOMES_FILE,
        "readme": folder / README_FILE,
    }
    pacsv.write_csv(pa.table(columns), paths["interventions"])
    out = data.outcomes
    owner = pa.array(np.asarray(out["intervention_index"], dtype="int32"))
    # dictionary columns: 2.000.000 rows of text are written without building that text
    records = pa.table(
        {
            "intervention": pa.DictionaryArray.from_arrays(owner, columns["name"]),
            "year": pa.array(np.asarray(ivs["year"])[np.asarray(out["intervention_index"])]),
            "group": pa.DictionaryArray.from_arrays(
                pa.array(np.where(out["treatment"], 0, 1).astype("int8")),
                pa.array(["treatment", "control"]),
            ),
            "employed": pa.array(np.asarray(out["employed"], dtype="int8")),
            "municipality": pa.DictionaryArray.from_arrays(owner, columns["municipality"]),
        }
    )
    _write_csv_quickly(records, paths["outcomes"])
    paths["readme"].write_text(
        _README.format(
            seed=seed,
            source=SOURCE,
            interventions=INTERVENTIONS_FILE,
            outcomes=OUTCOMES_FILE,
            n_interventions=len(ivs["name"]),
            n_municipalities=len(set(ivs["municipality"])),
            year=int(np.asarray(ivs["year"])[0]) if len(ivs["name"]) else "",
            n_records=records.num_rows,
        ),
        encoding="utf-8",
    )
    return paths
