"""Content records and results -> view documents and JSON.

One module a job: crisis help (`crisis`), what ends every page (`disclaimer`),
citation numbering (`citations`), options and topics (`topics`), and one a
command's page (`summary`, `decide`, `selfcheck`, `compare`). The names are
gathered here for callers that want them together.
"""

from depression_guide.views.citations import Citer, refs_with_sources
from depression_guide.views.crisis import (
    SHORT_PANEL_LINES,
    answers_in_english,
    compact_world_lines,
    crisis_blocks,
    crisis_callout,
    crisis_document,
    crisis_page,
    emergency_text,
    help_now,
    help_record,
    how_to_reach,
    line_text,
    main_line,
    set_region_line,
    with_region_note,
    world_callout,
)
from depression_guide.views.disclaimer import (
    disclaimer,
    disclaimer_text,
    doctor_word,
    draft_notice,
    draft_notice_lines,
    made_on,
    review_warning,
    with_draft_notice,
)
from depression_guide.views.topics import (
    JSON_SCHEMA_VERSION,
    background_blocks,
    csl_items,
    icon_array,
    option_blocks,
    record_json,
    statement_text,
    topic_list_document,
    topics_document,
)

__all__ = [
    "JSON_SCHEMA_VERSION",
    "SHORT_PANEL_LINES",
    "Citer",
    "answers_in_english",
    "background_blocks",
    "compact_world_lines",
    "crisis_blocks",
    "crisis_callout",
    "crisis_document",
    "crisis_page",
    "csl_items",
    "disclaimer",
    "disclaimer_text",
    "doctor_word",
    "draft_notice",
    "draft_notice_lines",
    "emergency_text",
    "help_now",
    "help_record",
    "how_to_reach",
    "icon_array",
    "line_text",
    "made_on",
    "main_line",
    "option_blocks",
    "record_json",
    "refs_with_sources",
    "review_warning",
    "set_region_line",
    "statement_text",
    "topic_list_document",
    "topics_document",
    "with_draft_notice",
    "with_region_note",
    "world_callout",
]
