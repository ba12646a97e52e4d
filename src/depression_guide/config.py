"""Saved settings: a small TOML file people write with `depression-guide config set`.

The file lives in `$XDG_CONFIG_HOME/depression-guide/config.toml` (the
platform's config folder when XDG_CONFIG_HOME is not set, from platformdirs).
It holds flat `key = value` lines for the settings in SETTINGS, nothing else.
Reading uses the standard library's tomllib; writing uses `dump` below, which
only ever has to write strings and booleans, so a TOML library is not needed.

A broken file never stops a command from showing help lines: commands other
than `config` warn and carry on without it (see `load_or_warn`).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

from depression_guide.errors import GuideError

APP_NAME = "depression-guide"
FILE_NAME = "config.toml"
CONFIG_VARIABLE = "XDG_CONFIG_HOME"

Value = str | bool

# A region code as content packs write them (capital letters); the content
# decides later whether it knows the code. A language tag like en, zh-Hans, pt-BR.
# Patterns, compiled on first use (re caches them): not at every start-up.
_REGION = r"[A-Za-z]{2,8}"
_LANG = r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*"


class Setting:
    """One setting people may save: its kind and what it is for.

    A plain class, not a dataclass: this module loads at every start-up, and
    making a dataclass costs about 2 ms.
    """

    __slots__ = ("help", "key", "kind")

    def __init__(self, key: str, kind: type, help: str) -> None:
        self.key = key
        self.kind = kind  # str or bool
        self.help = help


SETTINGS: dict[str, Setting] = {
    setting.key: setting
    for setting in (
        Setting("region", str, "whose help lines to show (AU, US, UK, CA, NZ, IE, OTHER)"),
        Setting("plain", bool, "screen-reader friendly output: no boxes, colour or pictures"),
        Setting("lang", str, "the language of the interface, e.g. en or zh-Hans"),
    )
}


class ConfigError(GuideError):
    """A problem in the config file, named by file, line and key."""

    def __init__(self, path: Path, problem: str, line: int | None = None, key: str = "") -> None:
        where = f"{path}, line {line}" if line else str(path)
        fix = (
            f"Fix it with 'depression-guide config unset {key}', or edit the file."
            if key
            else "Fix the file, or delete it to start again."
        )
        super().__init__(f"config file {where}: {problem}", fix)
        self.path = path
        self.line = line
        self.key = key
        self.problem = problem


def config_path(env: Mapping[str, str]) -> Path:
    """Where the settings live: XDG_CONFIG_HOME when set (as gh and httpie do,
    on every platform), else the platform's own config folder. `env` is the
    environment cli.py read (nothing else reads it)."""
    folder = env.get(CONFIG_VARIABLE, "")
    # The XDG spec says a relative path is invalid and must be ignored.
    if folder and os.path.isabs(folder):
        return Path(folder) / APP_NAME / FILE_NAME
    if sys.platform not in ("darwin", "win32"):
        # The XDG default, which is what platformdirs answers here too.
        return Path.home() / ".config" / APP_NAME / FILE_NAME
    # macOS and Windows: their own folders (imported only there).
    import platformdirs

    return platformdirs.user_config_path(APP_NAME, appauthor=False) / FILE_NAME


def check_value(key: str, raw: object) -> Value:
    """A setting's value, checked (and from text, converted): or a ValueError saying why."""
    setting = SETTINGS.get(key)
    if setting is None:
        raise KeyError(key)
    if setting.kind is bool:
        if isinstance(raw, bool):
            return raw
        if not isinstance(raw, str):
            raise ValueError(f"'{key}' is true or false, not {raw}")
        word = raw.strip().lower()
        if word in ("true", "yes", "on", "1"):
            return True
        if word in ("false", "no", "off", "0"):
            return False
        raise ValueError(f"'{key}' is true or false, not '{raw}'")
    if not isinstance(raw, str):
        shown = str(raw).lower() if isinstance(raw, bool) else raw
        raise ValueError(f"'{key}' is text in quotes, not {shown}")
    value = raw.strip()
    if key == "region":
        if not re.fullmatch(_REGION, value):
            raise ValueError(f"'{value}' is not a region code (for example UK)")
        return value.upper()
    if key == "lang" and not re.fullmatch(_LANG, value):
        raise ValueError(f"'{value}' is not a language tag (for example en or zh-Hans)")
    return value


def _line_of(text: str, key: str) -> int | None:
    """The line a key is set on, to point at it in an error."""
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


def parse(text: str, path: Path, drop: str = "") -> dict[str, Value]:
    """The settings in a config file's text; a ConfigError for anything else in it.

    `drop` names a key to leave out unread (how `config unset` removes a broken one).
    """
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11's message ends "(at line 3, column 9)": keep the line.
        found = re.search(r"at line (\d+)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line = int(found.group(1)) if found else None
        problem = f"not valid TOML ({message[:1].lower()}{message[1:]})."
        raise ConfigError(path, problem, line) from None
    settings: dict[str, Value] = {}
    for key, raw in data.items():
        if key == drop:
            continue
        line = _line_of(text, key)
        if key not in SETTINGS:
            raise ConfigError(
                path, f"unknown setting '{key}' (known: {', '.join(SETTINGS)}).", line, key
            )
        try:
            settings[key] = check_value(key, raw)
        except ValueError as exc:
            raise ConfigError(path, f"{exc}.", line, key) from None
    return settings


def load(path: Path, drop: str = "") -> dict[str, Value]:
    """The saved settings; none when there is no file. ConfigError if it is broken."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except IsADirectoryError:
        raise ConfigError(path, "is a folder, not a file.") from None
    except OSError as exc:
        raise ConfigError(path, f"cannot be read ({exc.strerror}).") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(path, "is not UTF-8 text.") from None
    return parse(text, path, drop)


def load_or_warn(path: Path) -> dict[str, Value]:
    """For every command but `config`: a broken file is a warning, never a stop.

    A person looking for help lines must get them even with a broken file.
    """
    try:
        return load(path)
    except ConfigError as exc:
        sys.stderr.write(
            f"{APP_NAME}: warning: {exc.message} Carrying on without saved settings.\n"
        )
        return {}


def toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = ['"']
    for char in value:
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def dump(settings: Mapping[str, Value]) -> str:
    """The file's text: a comment, then one `key = value` line a setting, in SETTINGS order."""
    lines = ["# depression-guide settings. Change with 'depression-guide config set KEY VALUE'."]
    for key in SETTINGS:
        if key not in settings:
            continue
        value = settings[key]
        text = ("true" if value else "false") if isinstance(value, bool) else toml_string(value)
        lines.append(f"{key} = {text}")
    return "\n".join(lines) + "\n"


def store(path: Path, settings: Mapping[str, Value]) -> None:
    """Save the settings atomically, readable by the owner only (0600)."""
    from depression_guide.files import save

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise GuideError(
            f"could not create the folder '{path.parent}': {exc.strerror}.",
            f"Set {CONFIG_VARIABLE} to a folder you can write.",
        ) from None
    save(path, dump(settings), force=True, private=True)
