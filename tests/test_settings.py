from pathlib import Path

import pytest

from newsgraph.errors import ConfigError
from newsgraph.events.confidence import load_confidence_model
from newsgraph.settings import SETTINGS, Settings, load_settings


def test_every_setting_has_a_default_and_help_matching_the_dataclass() -> None:
    defaults = Settings()
    for setting in SETTINGS:
        assert setting.help
        value = getattr(defaults, setting.name)
        assert value == (Path(setting.default) if setting.name == "db" else setting.default)


def test_flags_override_config_file_which_overrides_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "newsgraph.toml").write_text('[newsgraph]\ndb = "from-config.duckdb"\nbatch_size = 7\n')
    settings = load_settings(None, db=Path("from-flag.duckdb"), batch_size=None)
    assert settings.db == Path("from-flag.duckdb")
    assert settings.batch_size == 7


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"max_article_mb": 0}, "max_article_mb must be positive"),
        ({"batch_size": 0}, "batch_size must be"),
        ({"colour": "blue"}, "unknown setting"),
        ({"event_threshold": 1.2}, "event_threshold must be a number from 0 to 1"),
        ({"event_threshold": "high"}, "event_threshold must be a number from 0 to 1"),
    ],
)
def test_bad_values_are_refused_with_the_setting_named(overrides: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Settings().with_overrides(overrides)


def test_a_broken_config_file_names_the_file(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("db = [unclosed")
    with pytest.raises(ConfigError, match="bad.toml"):
        load_settings(config)


def test_the_event_threshold_defaults_to_the_confidence_model_and_a_config_file_changes_it(tmp_path: Path) -> None:
    assert Settings().event_threshold == load_confidence_model().threshold
    config = tmp_path / "newsgraph.toml"
    config.write_text("[newsgraph]\nevent_threshold = 0.7\n")
    assert load_settings(config).event_threshold == 0.7
    assert load_settings(config, event_threshold=0.2).event_threshold == 0.2
