"""The one table of target groups, and that every layer takes its groups from it."""

from __future__ import annotations

from viften.files.interventions import parse_target_group
from viften.model import allocator, domain, filters, target_groups
from viften.present import report
from viften.present.texts import t


def test_the_groups_come_in_the_order_of_the_domain_enum() -> None:
    assert target_groups.TARGET_GROUPS == tuple(g.value for g in domain.TargetGroup)


def test_filters_and_allocator_list_the_same_groups() -> None:
    assert filters.ALL_TARGET_GROUPS == target_groups.TARGET_GROUPS
    assert allocator.TARGET_GROUPS == target_groups.TARGET_GROUPS


def test_every_group_has_a_long_and_a_short_name_in_both_languages() -> None:
    for group in target_groups.TARGET_GROUP_TABLE:
        for lang in ("da", "en"):
            assert t(group.long_key, lang) != group.long_key
            assert t(group.short_key, lang) != group.short_key


def test_the_danish_short_names_are_import_aliases_of_their_group() -> None:
    for group in target_groups.TARGET_GROUP_TABLE:
        assert parse_target_group(t(group.short_key, "da")) == group.code
        assert parse_target_group(t(group.long_key, "da")) == group.code


def test_the_deck_colours_are_the_table_colours_without_the_hash() -> None:
    assert report.GROUP_COLOURS == {"closer": "0072B2", "further": "E69F00", "cross": "009E73"}
