"""Build hook: compile the built-in YAML content into one JSON file in the wheel.

YAML in data/ stays the source of truth. The wheel also carries
depression_guide/data/content.json, which the package reads instead of
parsing YAML at every start-up (see content.SNAPSHOT). The content is
checked here too, so a broken content file fails the build.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileContent(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # editable installs read data/ directly, so edits show at once
        sys.path.insert(0, str(Path(self.root) / "src"))
        try:
            from depression_guide.content import SNAPSHOT, Content, compile_snapshot
            from depression_guide.content.checks import structure_problems
        finally:
            sys.path.pop(0)
        data = Path(self.root) / "data"
        problems = structure_problems(Content(data, "data"))
        if problems:
            raise SystemExit("content errors:\n" + "\n".join(p.message for p in problems))
        out = Path(tempfile.mkdtemp()) / SNAPSHOT
        out.write_bytes(compile_snapshot(data))
        build_data["force_include"][str(out)] = f"depression_guide/data/{SNAPSHOT}"
