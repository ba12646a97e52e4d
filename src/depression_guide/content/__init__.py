"""The content: YAML files -> typed records (loader), the rules they keep (checks),
and packs opened whole (packs). Loading never depends on the checks."""

from depression_guide.content.loader import (
    SNAPSHOT,
    Content,
    builtin_content,
    builtin_data_dir,
    compile_snapshot,
    link_problems,
)

__all__ = [
    "SNAPSHOT",
    "Content",
    "builtin_content",
    "builtin_data_dir",
    "compile_snapshot",
    "link_problems",
]
