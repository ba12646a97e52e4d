"""Start or refresh a content translation file (for translators).

    python tools/translations.py LANG RELATIVE [--write TEXTS.json]

Without --write: print each translatable field of data/RELATIVE with its
English and its fingerprint, marking those missing or stale in
data/i18n/LANG/RELATIVE. With --write: merge the {field path: translated text}
of TEXTS.json into that file, each with the fingerprint of today's English.
Run `depression-guide validate data` afterwards: it checks every number,
phone number, URL and reference in each translated field.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from depression_guide.content import translations as tr  # noqa: E402
from depression_guide.content.yaml_io import parse_yaml  # noqa: E402

HEADER = (
    "# DRAFT translation by the depression-guide project. Not checked by a qualified\n"
    "# health translator. Each field keeps source_hash, the fingerprint of the English\n"
    "# it was made from: when the English changes, the English shows until this is\n"
    "# updated. A checked translation fills checked_by and checked_on.\n"
)


def english(root: Path, relative: str) -> Any:
    path = root / relative
    return parse_yaml(path.read_text(encoding="utf-8"), relative)


def target(root: Path, lang: str, relative: str) -> Path:
    return root / tr.I18N / lang / relative


def write(root: Path, lang: str, relative: str, texts: dict[str, str]) -> Path:
    """Merge translated texts into a language's file, fingerprinting today's English."""
    fields = tr.translatable(relative, english(root, relative))
    unknown = sorted(set(texts) - set(fields))
    if unknown:
        raise SystemExit(f"{relative}: no such translatable field(s): {', '.join(unknown)}")
    path = target(root, lang, relative)
    current: dict[str, Any] = {}
    if path.is_file():
        current = parse_yaml(path.read_text(encoding="utf-8"), str(path)) or {}
    entries = dict(tr.entries(current))
    for key, text in texts.items():
        entries[key] = {"text": text, "source_hash": tr.fingerprint(fields[key])}
    ordered = {key: entries[key] for key in fields if key in entries}
    data = {
        "schema_version": tr.SCHEMA_VERSION,
        "language": lang,
        "status": current.get("status", "draft"),
        "checked_by": current.get("checked_by"),
        "checked_on": current.get("checked_on"),
        "fields": ordered,
    }
    import yaml

    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def show(root: Path, lang: str, relative: str) -> None:
    data = english(root, relative)
    path = target(root, lang, relative)
    translation = None
    if path.is_file():
        translation = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    report = tr.coverage(relative, data, translation)
    for key, text in tr.translatable(relative, data).items():
        state = "ok" if key in report.current else "STALE" if key in report.stale else "MISSING"
        print(f"{state:7} {key} [{tr.fingerprint(text)}]\n        {text}")


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 4):
        print(__doc__)
        return 2
    lang, relative = argv[0], argv[1]
    if len(argv) == 4 and argv[2] == "--write":
        texts = json.loads(Path(argv[3]).read_text(encoding="utf-8"))
        print(write(ROOT / "data", lang, relative, texts))
    else:
        show(ROOT / "data", lang, relative)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
