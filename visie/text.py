"""Plain text out of StreamField data, for search snippets and the content checks."""

import re

TAG = re.compile(r"<[^>]+>")
# Keys of block values that hold settings, not text.
NON_TEXT_KEYS = {"level", "kind", "ordered", "start", "has_header"}


def value_texts(value) -> list[str]:
    """Every text in a block value (raw StreamField data), in order, with its markup removed."""
    if isinstance(value, str):
        return [TAG.sub(" ", value)]
    if isinstance(value, dict):
        if "type" in value and "value" in value:  # a raw stream child
            return value_texts(value["value"])
        return [t for k, v in value.items() if k not in NON_TEXT_KEYS for t in value_texts(v)]
    if isinstance(value, list | tuple):
        return [t for v in value for t in value_texts(v)]
    if isinstance(value, int) and not isinstance(value, bool):
        return [str(value)]
    return []


def stream_text(stream) -> str:
    """One string of all text in a StreamValue."""
    return " ".join(" ".join(value_texts(list(stream.raw_data))).split())
