"""The database's settings that people change in the app: the municipality's name."""

from __future__ import annotations

from pathlib import Path

from viften.actions import database
from viften.actions.access import Actor, require_admin
from viften.model.errors import BadInput
from viften.present.texts import t
from viften.store import db
from viften.store import interventions as store

MUNICIPALITY_SETTING = "municipality"
MAX_MUNICIPALITY_LENGTH = 100


def clean_municipality(name: str | None) -> str | None:
    """A name fit for a title slide: one line, trimmed, at most 100 characters; None if empty."""
    if name is None:
        return None
    one_line = " ".join(str(name).split())
    return one_line[:MAX_MUNICIPALITY_LENGTH] or None


def municipality_setting(path: Path) -> str:
    """The database's own municipality (setting `municipality`), "" where it is unset."""
    with db.connect(database.ensure(path)) as con:
        stored = store.get_setting(con, MUNICIPALITY_SETTING)
    return clean_municipality(stored) or ""


def municipality(path: Path, lang: str = "da") -> str:
    """The municipality's name as stored (setting `municipality`), else "Kommunen"."""
    return municipality_setting(path) or t("committee_municipality_default", lang)


def save_municipality(path: Path, actor: Actor, name: str) -> str:
    """Store the municipality's name (a setting: admins only); returns the name as stored.

    The interventions and outcome records stored under the old own name (the empty name
    where none was set) follow it to the new name, in the same transaction: they are the
    database's own, and a row without a municipality means the own one. Where the new name
    has an intervention of the same name and year already, nothing changes (BadInput)."""
    require_admin(actor, "changing the municipality's name")
    cleaned = clean_municipality(name)
    if cleaned is None:
        raise BadInput("the municipality's name is empty")
    with database.write(path) as con:
        old = store.own_municipality(con)
        if old != cleaned:
            clash = store.rename_municipality(con, actor.name, old, cleaned)
            if clash is not None:
                raise BadInput(
                    f"{cleaned} has {clash[0]} ({clash[1]}) already, and so has {old or 'the '}"
                    f"{'' if old else 'own municipality'}: rename or remove one of them first"
                )
        store.set_setting(con, MUNICIPALITY_SETTING, cleaned)
    return cleaned
