"""Saved settings (`config`) and the region guessed from the time zone."""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from depression_guide import config
from depression_guide.time_zone import local_zone, region_for_zone, zone_name
from tests.conftest import run_cli


@pytest.fixture
def config_file() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"]) / "depression-guide" / "config.toml"


def test_config_path_is_under_xdg_config_home(config_file: Path) -> None:
    result = run_cli(["config", "path"])
    assert result.exit_code == 0
    assert result.stdout.strip() == str(config_file)


def test_a_relative_xdg_config_home_is_ignored() -> None:
    # The XDG spec: a relative path is invalid; the platform folder is used.
    assert config.config_path({"XDG_CONFIG_HOME": "relative/dir"}).is_absolute()


def test_set_show_unset_round_trip(config_file: Path) -> None:
    assert run_cli(["config", "set", "region", "gb"]).exit_code == 0
    assert run_cli(["config", "set", "plain", "true"]).exit_code == 0
    assert run_cli(["config", "set", "lang", "zh-Hans"]).exit_code == 0
    assert tomllib.loads(config_file.read_text(encoding="utf-8")) == {
        "region": "UK",  # GB is saved as the code the content uses
        "plain": True,
        "lang": "zh-Hans",
    }
    shown = run_cli(["config", "show"]).stdout
    assert "region = UK  (from the config file)" in shown
    assert "plain = true  (from the config file)" in shown
    assert "lang = zh-Hans  (from the config file)" in shown

    assert run_cli(["config", "unset", "region"]).exit_code == 0
    assert run_cli(["config", "unset", "lang"]).exit_code == 0
    assert tomllib.loads(config_file.read_text(encoding="utf-8")) == {"plain": True}
    shown = run_cli(["config", "show"]).stdout
    assert "region = none  (not set: every region's help is shown)" in shown
    assert "lang = en  (the default)" in shown
    again = run_cli(["config", "unset", "lang"])
    assert again.exit_code == 0
    assert "was not set" in again.stdout


def test_the_file_is_for_the_owner_only(config_file: Path) -> None:
    assert run_cli(["config", "set", "region", "NZ"]).exit_code == 0
    assert stat.S_IMODE(config_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(config_file.parent.stat().st_mode) == 0o700
    assert not [p for p in config_file.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["set", "colour", "red"], "unknown setting 'colour'"),
        (["set", "region", "XX"], "unknown region 'XX'"),
        (["set", "plain", "maybe"], "'plain' is true or false, not 'maybe'"),
        (["set", "lang", "not a tag"], "is not a language tag"),
        (["unset", "colour"], "unknown setting 'colour'"),
    ],
)
def test_bad_settings_are_refused_with_one_line(
    args: list[str], problem: str, config_file: Path
) -> None:
    result = run_cli(["config", *args])
    assert result.exit_code == 2
    assert problem in result.stderr.splitlines()[0]
    assert len(result.stderr.splitlines()) <= 2
    assert "Traceback" not in result.stderr
    assert not config_file.exists()


def broken(config_file: Path, text: str) -> None:
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ('region = "UK"\ncolour = "red"\n', 2, "unknown setting 'colour'"),
        ('region = "UK"\nplain = \n', 2, "not valid TOML"),
        ('plain = "maybe"\n', 1, "'plain' is true or false, not 'maybe'"),
        ("plain = 3\n", 1, "'plain' is true or false, not 3"),
        ("region = true\n", 1, "'region' is text in quotes, not true"),
        ('region = "U K"\n', 1, "is not a region code"),
    ],
)
def test_a_broken_file_is_named_with_its_line_and_the_help_lines_still_show(
    config_file: Path, text: str, line: int, problem: str
) -> None:
    broken(config_file, text)
    shown = run_cli(["config", "show"])
    assert shown.exit_code == 2
    first = shown.stderr.splitlines()[0]
    assert f"config file {config_file}, line {line}: " in first
    assert problem in first
    assert len(shown.stderr.splitlines()) == 2  # the error, then how to mend it

    # Any other command warns in one line and carries on: the help lines show.
    crisis = run_cli(["crisis"])
    assert crisis.exit_code == 0
    assert "Australia: 000" in crisis.stdout  # region unknown: every region's help
    assert crisis.stderr.count("\n") == 1
    assert "warning" in crisis.stderr and f"line {line}" in crisis.stderr
    shown_cbt = run_cli(["show", "cbt"])
    assert shown_cbt.exit_code == 0
    assert "If you need help" in shown_cbt.stdout


def test_unset_mends_a_file_with_an_unknown_key(config_file: Path) -> None:
    broken(config_file, 'region = "IE"\ncolour = "red"\n')
    result = run_cli(["config", "unset", "colour"])
    assert result.exit_code == 0, result.stderr
    assert tomllib.loads(config_file.read_text(encoding="utf-8")) == {"region": "IE"}


def test_set_refuses_to_overwrite_a_broken_file(config_file: Path) -> None:
    broken(config_file, "plain = \n")
    assert run_cli(["config", "set", "region", "UK"]).exit_code == 2
    assert config_file.read_text(encoding="utf-8") == "plain = \n"


@given(st.text(max_size=40))
def test_the_toml_writer_round_trips_any_text(value: str) -> None:
    assert tomllib.loads(f"lang = {config.toml_string(value)}") == {"lang": value}


# --- which region wins ----------------------------------------------------------------


def region_line(env: Mapping[str, str | None], *args: str) -> str:
    shown = run_cli([*args, "config", "show"], env=env)
    assert shown.exit_code == 0, shown.stderr
    return next(line for line in shown.stdout.splitlines() if line.startswith("region ="))


def test_each_precedence_step_wins_over_the_next(config_file: Path) -> None:
    broken(config_file, 'region = "NZ"\n')
    zone = {"TZ": "Europe/Dublin"}
    both = {**zone, "DEPRESSION_GUIDE_REGION": "CA"}
    # flag > environment > config file > time zone > default
    assert region_line(both, "--region", "US") == "region = US  (from the command line)"
    assert region_line(both) == "region = CA  (from DEPRESSION_GUIDE_REGION)"
    assert region_line(zone) == "region = NZ  (from the config file)"
    config_file.unlink()
    assert region_line(zone) == (
        "region = IE  (guessed from your computer's time zone, Europe/Dublin)"
    )
    assert region_line({"TZ": "UTC"}) == ("region = none  (not set: every region's help is shown)")


def test_a_saved_region_the_content_lacks_is_a_warning_not_a_stop(config_file: Path) -> None:
    broken(config_file, 'region = "ZZ"\n')
    result = run_cli(["crisis"])
    assert result.exit_code == 0
    assert "the saved region 'ZZ' is not one of" in result.stderr
    assert "United Kingdom: 999" in result.stdout  # unknown: every region's help


# --- the time zone ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "region"),
    [
        ("Australia/Sydney", "AU"),
        ("Australia/Perth", "AU"),
        ("Pacific/Auckland", "NZ"),
        ("Europe/London", "UK"),
        ("Europe/Dublin", "IE"),
        ("America/New_York", "US"),
        ("America/Indiana/Indianapolis", "US"),
        ("Pacific/Honolulu", "US"),
        ("America/Toronto", "CA"),
        ("America/Vancouver", "CA"),
        ("Canada/Eastern", "CA"),
        # Not wholly in one region: no guess.
        ("UTC", None),
        ("Etc/UTC", None),
        ("Europe/Paris", None),
        ("Europe/Jersey", None),
        ("America/Puerto_Rico", None),
        ("America/Mexico_City", None),
        ("EST5EDT", None),
        ("Antarctica/McMurdo", None),
        ("", None),
    ],
)
def test_zones_map_only_when_wholly_in_one_region(zone: str, region: str | None) -> None:
    assert region_for_zone(zone) == region


@pytest.mark.parametrize(
    ("value", "zone"),
    [
        ("Europe/London", "Europe/London"),
        (":Europe/London", "Europe/London"),
        ("/usr/share/zoneinfo/Europe/London", "Europe/London"),
        (":/usr/share/zoneinfo/Australia/Sydney", "Australia/Sydney"),
        ("/etc/somewhere", None),
        ("", None),
    ],
)
def test_zone_names_are_read_from_tz_values(value: str, zone: str | None) -> None:
    assert zone_name(value) == zone


def test_the_system_zone_comes_from_localtime_then_etc_timezone(tmp_path: Path) -> None:
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/Pacific/Auckland")
    named = tmp_path / "timezone"
    named.write_text("Europe/Dublin\n", encoding="utf-8")
    assert local_zone({}, link, named) == "Pacific/Auckland"
    assert local_zone({}, tmp_path / "none", named) == "Europe/Dublin"
    assert local_zone({}, tmp_path / "none", tmp_path / "none") is None
    # TZ, when set, is the zone: even UTC, which guesses nothing.
    assert local_zone({"TZ": "UTC"}, link, named) == "UTC"


def test_london_time_zone_gives_uk_help_and_says_so() -> None:
    result = run_cli(["show", "cbt"], env={"TZ": "Europe/London"})
    assert result.exit_code == 0
    tail = result.stdout.rstrip().splitlines()[-6:]
    assert any("If you need help (United Kingdom)" in line for line in tail)
    assert "999" in "\n".join(tail)
    said = " ".join(line.strip() for line in tail)
    assert "Region: United Kingdom, from your computer's time zone." in said
    assert "Change it with --region." in said


def test_a_zone_in_no_region_gives_every_region_s_help() -> None:
    result = run_cli(["show", "cbt"], env={"TZ": "UTC"})
    assert result.exit_code == 0
    assert "time zone" not in result.stdout
    for emergency in ("Australia: 000", "United Kingdom: 999", "United States: 911"):
        assert emergency in result.stdout


def test_an_explicit_region_beats_the_zone() -> None:
    result = run_cli(["show", "cbt", "--region", "AU"], env={"TZ": "Europe/London"})
    assert result.exit_code == 0
    assert "If you need help (Australia)" in result.stdout
    assert "United Kingdom" not in result.stdout
    assert "time zone" not in result.stdout


def test_without_xdg_config_home_the_platform_folder_is_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import platformdirs

    monkeypatch.delenv("XDG_CONFIG_HOME")  # platformdirs reads it too
    expected = platformdirs.user_config_path("depression-guide", appauthor=False)
    assert config.config_path({}) == expected / "config.toml"


def test_explore_uses_the_saved_region_and_the_answers_file_beats_it(
    config_file: Path, tmp_path: Path
) -> None:
    import json

    broken(config_file, 'region = "UK"\n')
    answers = tmp_path / "answers.yaml"
    answers.write_text("risk_now: no\n", encoding="utf-8")
    saved = json.loads(run_cli(["explore", "--answers", str(answers), "--format", "json"]).stdout)
    assert saved["region"] == "UK"
    answers.write_text("risk_now: no\nregion: NZ\n", encoding="utf-8")
    answered = json.loads(
        run_cli(["explore", "--answers", str(answers), "--format", "json"]).stdout
    )
    assert answered["region"] == "NZ"
