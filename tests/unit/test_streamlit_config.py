"""The server's settings that the app's speed depends on (`.streamlit/config.toml`)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from streamlit import config

CONFIG = Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml"


def test_the_server_does_not_collect_all_garbage_after_every_run() -> None:
    # a full collection after each run holds the GIL for 40-200 ms over this app's objects and
    # delays the end of every rerun (benchmarks/bench_rerun.py)
    settings = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert settings["runner"]["postScriptGC"] is False


def test_the_setting_is_one_that_streamlit_still_reads() -> None:
    # a renamed option would be ignored without a word
    option = config._config_options_template["runner.postScriptGC"]
    assert option.type is bool
