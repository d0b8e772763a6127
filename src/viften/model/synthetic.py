"""A national synthetic dataset: 98 kommuner, about 15.000 interventions of shared kinds with a
realistic spread of price and effect, and about 2.000.000 outcome records.

Why it exists: the benchmark, the cross-municipal views and the speed of every page need data
of the size of the whole country, and no such public data exist at participant level. Every
figure here is drawn from a seeded random generator (numpy, vectorised): the same seed gives
the same dataset, byte for byte. Nothing here is real, and the files say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from viften.model.kinds import CATALOGUE

SOURCE = "Syntetisk"
"""The `source` of every synthetic intervention."""

MUNICIPALITIES: tuple[str, ...] = (
    "Albertslund", "Allerød", "Assens", "Ballerup", "Billund", "Bornholm", "Brøndby",
    "Brønderslev", "Dragør", "Egedal", "Esbjerg", "Fanø", "Favrskov", "Faxe", "Fredensborg",
    "Fredericia", "Frederiksberg", "Frederikshavn", "Frederikssund", "Furesø", "Faaborg-Midtfyn",
    "Gentofte", "Gladsaxe", "Glostrup", "Greve", "Gribskov", "Guldborgsund", "Haderslev",
    "Halsnæs", "Hedensted", "Helsingør", "Herlev", "Herning", "Hillerød", "Hjørring",
    "Holbæk", "Holstebro", "Horsens", "Hvidovre", "Høje-Taastrup", "Hørsholm", "Ikast-Brande",
    "Ishøj", "Jammerbugt", "Kalundborg", "Kerteminde", "Kolding", "København", "Køge",
    "Langeland", "Lejre", "Lemvig", "Lolland", "Lyngby-Taarbæk", "Læsø", "Mariagerfjord",
    "Middelfart", "Morsø", "Norddjurs", "Nordfyns", "Nyborg", "Næstved", "Odder", "Odense",
    "Odsherred", "Randers", "Rebild", "Ringkøbing-Skjern", "Ringsted", "Roskilde", "Rudersdal",
    "Rødovre", "Samsø", "Silkeborg", "Skanderborg", "Skive", "Slagelse", "Solrød", "Sorø",
    "Stevns", "Struer", "Svendborg", "Syddjurs", "Sønderborg", "Thisted", "Tønder", "Tårnby",
    "Vallensbæk", "Varde", "Vejen", "Vejle", "Vesthimmerland", "Viborg", "Vordingborg",
    "Ærø", "Aabenraa", "Aalborg", "Aarhus",
)  # fmt: skip
"""The 98 Danish kommuner (names only: every figure beside them is invented)."""

KIND_PROFILES: dict[str, tuple[float, float, float, float, str]] = {
    # kind: (median price kr., true extra effect, spread of the effect between kommuner (sd),
    #        control group's job rate, target group)
    "Virksomhedspraktik": (9_000, 0.05, 0.03, 0.33, "closer"),
    "Løntilskud": (75_000, 0.09, 0.04, 0.42, "closer"),
    "IPS": (52_000, 0.12, 0.05, 0.20, "further"),
    "Mentor": (22_000, 0.04, 0.03, 0.25, "further"),
    "Jobrettet uddannelse": (35_000, 0.06, 0.03, 0.40, "closer"),
    "Nytteindsats": (12_000, 0.01, 0.02, 0.35, "closer"),
    "Vejledning og opkvalificering": (18_000, 0.03, 0.02, 0.38, "closer"),
    "Jobsøgningsforløb": (8_000, 0.02, 0.02, 0.45, "closer"),
    "Ressourceforløb": (120_000, 0.03, 0.03, 0.08, "further"),
    "Jobafklaringsforløb": (90_000, 0.04, 0.03, 0.12, "further"),
    "Sundhed og mestring": (25_000, 0.03, 0.03, 0.18, "further"),
    "Sprog og danskuddannelse": (30_000, 0.05, 0.03, 0.28, "cross"),
    "Fleksjob": (40_000, 0.06, 0.04, 0.30, "cross"),
    "Tidlig indsats ved sygdom": (15_000, 0.04, 0.02, 0.50, "cross"),
}
"""Each kind's centre: prices after the BM satser and the demo data's interventions, effects in
the ranges the demo data's sources give (shared/reference), spread between kommuner a guess."""

VARIANTS = ("", " (ekstern)", " for unge", " for voksne", " (intern)", " – intensiv", " – let",
            " i virksomhed", " med opfølgning", " (pilot)", " – hold", " individuel")  # fmt: skip
"""Name endings that keep a kommune's interventions of one kind apart."""


@dataclass(frozen=True)
class National:
    """The synthetic dataset as columns (numpy arrays or lists), ready to write."""

    interventions: dict[str, Any]
    """Columns of the interventions file (interface.md)."""
    outcomes: dict[str, Any]
    """The outcome records as codes (strings of 2.000.000 rows are slow to build):
    `intervention_index` (the row of `interventions` whose name, year and municipality the
    record carries), `treatment` (bool) and `employed` (0/1)."""


def national(
    seed: int = 2026,
    municipalities: int = 98,
    interventions: int = 15_000,
    records: int = 2_000_000,
    year: int = 2026,
    measured_share: float = 0.4,
) -> National:
    """The dataset for `municipalities` kommuner (at most 98), about `interventions`
    interventions and exactly `records` outcome records (fewer only where there are too few
    measured interventions to hold two records each)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    places = np.array(MUNICIPALITIES[: max(1, min(municipalities, len(MUNICIPALITIES)))])
    kinds = np.array(CATALOGUE)
    per_place = max(1, round(interventions / len(places)))
    # each kommune offers every kind a few times, the rest at random
    place_index = np.repeat(np.arange(len(places)), per_place)
    kind_index = rng.integers(0, len(kinds), size=place_index.size)
    kind_index[: len(places) * min(per_place, len(kinds))] = np.tile(
        np.arange(min(per_place, len(kinds))), len(places)
    )[: len(places) * min(per_place, len(kinds))]
    kind_index = kind_index.reshape(len(places), per_place)
    kind_index.sort(axis=1)
    kind_index = kind_index.reshape(-1)
    # the n-th intervention of a kind in a kommune gets the n-th name ending
    flat_key = place_index * len(kinds) + kind_index
    order = np.argsort(flat_key, kind="stable")
    first = np.r_[0, np.flatnonzero(np.diff(flat_key[order])) + 1]
    rank = np.empty(flat_key.size, dtype=np.int64)
    counts = np.diff(np.r_[first, flat_key.size])
    rank[order] = np.arange(flat_key.size) - np.repeat(first, counts)
    profiles = [KIND_PROFILES[k] for k in kinds]
    median_price = np.array([p[0] for p in profiles])[kind_index]
    true_effect = np.array([p[1] for p in profiles])[kind_index]
    spread = np.array([p[2] for p in profiles])[kind_index]
    control = np.array([p[3] for p in profiles])[kind_index]
    group = np.array([p[4] for p in profiles])[kind_index]
    size = place_index.size
    # a kommune's own level of effect and price, shared by all its interventions
    place_effect = rng.normal(0.0, 1.0, len(places))[place_index]
    place_price = rng.normal(0.0, 0.15, len(places))[place_index]
    effect = np.clip(true_effect + spread * (place_effect + rng.normal(0.0, 1.0, size)), -0.05, 0.4)
    control_rate = np.clip(control + rng.normal(0.0, 0.04, size), 0.02, 0.9)
    job_rate = np.clip(control_rate + effect, 0.0, 0.98)
    price = np.round(median_price * np.exp(place_price + rng.normal(0.0, 0.25, size)), -2)
    capacity = rng.integers(10, 400, size)
    stars = rng.choice([1, 2, 3], size=size, p=[0.3, 0.45, 0.25])
    names = np.char.add(
        kinds[kind_index].astype(str),
        np.array(
            [
                VARIANTS[r % len(VARIANTS)]
                + (f" {r // len(VARIANTS) + 1}" if r >= len(VARIANTS) else "")
                for r in rank
            ]
        ),
    )
    spelled = np.where(
        rng.random(size) < 0.15,
        np.char.lower(kinds[kind_index].astype(str)),
        kinds[kind_index].astype(str),
    )
    ivs = {
        "name": names.tolist(),
        "year": np.full(size, year),
        "target_group": group.tolist(),
        "provider_type": np.where(rng.random(size) < 0.5, "internal", "external").tolist(),
        "price_per_participant": price,
        "capacity": capacity,
        "participants": (capacity * rng.uniform(0.5, 0.95, size)).astype(np.int64),
        "job_rate": np.round(job_rate, 3),
        "control_job_rate": np.round(control_rate, 3),
        "evidence_stars": stars,
        "source": [SOURCE] * size,
        "municipality": places[place_index].tolist(),
        "kind": spelled.tolist(),
    }
    # outcome records: a share of the interventions measured, sizes skewed (24 to thousands)
    measured = np.flatnonzero(rng.random(size) < measured_share)
    if measured.size == 0 or records < 2:
        nothing = np.array([], dtype=np.int64)
        return National(ivs, {"intervention_index": nothing, "treatment": nothing.astype(bool),
                              "employed": nothing.astype(np.int8)})  # fmt: skip
    weights = rng.lognormal(0.0, 1.0, measured.size)
    people = np.maximum(2, np.floor(weights / weights.sum() * records).astype(np.int64))
    people[np.argmax(people)] += records - int(people.sum())
    people = np.maximum(people, 2)
    treated = np.maximum(1, people // 2)
    owner = np.repeat(measured, people)
    starts = np.r_[0, np.cumsum(people)[:-1]]
    position = np.arange(owner.size) - np.repeat(starts, people)
    is_treatment = position < np.repeat(treated, people)
    chance = np.where(is_treatment, job_rate[owner], control_rate[owner])
    employed = rng.random(owner.size) < chance
    outcome = {
        "intervention_index": owner,
        "treatment": is_treatment,
        "employed": employed.astype(np.int8),
    }
    return National(ivs, outcome)
