"""The kinds of intervention that many kommuner offer: a short catalogue for the editor and
the import template.

A kind says which interventions of different municipalities are the same thing, so that
`benchmark` can put them side by side. The catalogue is a help, not a rule: any text is a
kind, and two kinds are the same when they match case-insensitively with surrounding spaces
ignored (`viften.model.domain.kind_key`). A kind is stored as it was written.
"""

from __future__ import annotations

from viften.model.domain import kind_key

CATALOGUE: tuple[str, ...] = (
    "Virksomhedspraktik",
    "Løntilskud",
    "IPS",
    "Mentor",
    "Jobrettet uddannelse",
    "Nytteindsats",
    "Vejledning og opkvalificering",
    "Jobsøgningsforløb",
    "Ressourceforløb",
    "Jobafklaringsforløb",
    "Sundhed og mestring",
    "Sprog og danskuddannelse",
    "Fleksjob",
    "Tidlig indsats ved sygdom",
)
"""Common kinds of employment intervention in Danish jobcentres (the Beskæftigelsesministeriet
categories of active measures, and the named methods IPS and mentor support)."""


def catalogue_spelling(kind: str | None) -> str | None:
    """The catalogue's spelling of a kind that matches one of its entries, else the kind as
    written (None for no kind)."""
    key = kind_key(kind)
    if key is None:
        return None
    for entry in CATALOGUE:
        if kind_key(entry) == key:
            return entry
    return str(kind).strip()
