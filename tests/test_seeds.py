"""The seed files load, and their vocabularies are one-to-one where they must be."""
from __future__ import annotations

from tracker.rules import load_rules, load_seed

UNIT_FAMILIES = {"rate", "points", "money", "count", "area", "duration", "ratio"}


def test_every_rule_seed_loads_and_compiles():
    rules = load_rules()
    assert rules.scales["萬"] == rules.scales["万"] == 10000
    assert rules.units["平方公里"].factor == 1000000
    assert rules.units["個"].canonical == "个"
    assert rules.qualifiers_inside["余"] == "more_than"


def test_metric_vocabulary_maps_each_wording_to_one_metric():
    metrics = load_seed("metrics.toml")["metric"]
    keys = [m["key"] for m in metrics]
    assert len(keys) == len(set(keys)) >= 80
    aliases = [alias for m in metrics for alias in m["aliases"]]
    assert len(aliases) == len(set(aliases))
    assert {m["unit_family"] for m in metrics} <= UNIT_FAMILIES
    by_alias = {alias: m["key"] for m in metrics for alias in m["aliases"]}
    assert by_alias["学前三年毛入园率"] == by_alias["毛入园率"]
    assert by_alias["学前三年毛入园率"] != by_alias.get("学前一年毛入园率")
