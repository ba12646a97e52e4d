"""Crisis contacts in every language: tap-to-call and tap-to-text links made
from crisis.yaml's own fields (back-translation #15: a regex on the English
"call " linked nothing in Chinese or Arabic), and the SMS verb said in the
reader's language around the keyword and number as the service gives them
(back-translation #27)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from depression_guide.content import builtin_content
from depression_guide.content.model import parse_sms

from .conftest import ROOT, run_cli

DEFAULT = str(ROOT / "examples" / "paths" / "default.yaml")


class Links(HTMLParser):
    """Every <a href> with its text, read by the standard library's HTML parser."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href, self._text = dict(attrs).get("href") or "", []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._text)))
            self._href = None


def links_in(html: str) -> set[tuple[str, str]]:
    parser = Links()
    parser.feed(html)
    return set(parser.links)


def dialled(number: str) -> str:
    return "".join(c for c in number if c.isdigit())


@pytest.mark.parametrize("lang", ["en", "zh-Hans", "ar"])
@pytest.mark.parametrize("region", ["AU", "US", "NZ"])
def test_html_links_every_number_of_the_last_panel_in_every_language(
    lang: str, region: str
) -> None:
    result = run_cli(
        ["--lang", lang, "--region", region, "explore", "--answers", DEFAULT, "--format", "html"]
    )
    assert result.exit_code == 0, result.stderr
    links = links_in(result.stdout)
    area = builtin_content().region(region)
    assert (f"tel:{dialled(area.emergency)}", area.emergency) in links
    main = next(line for line in area.lines if line.kind == "crisis")
    if main.phone:
        assert (f"tel:{dialled(main.phone)}", main.phone) in links
    if main.sms is not None:
        assert (f"sms:{dialled(main.sms.number)}", main.sms.number) in links
    assert (f"https://{main.website}", main.website) in links
    for href, text in links:
        if href.startswith(("tel:", "sms:")):
            # the link's words are the number as crisis.yaml writes it, dialled whole
            assert href.split(":", 1)[1] == dialled(text), (href, text)
    if lang != "en" and region == "AU":
        assert ("tel:131450", "131 450") in links  # TIS National, the interpreter


def test_every_region_links_in_the_every_region_panel() -> None:
    result = run_cli(["--lang", "ar", "explore", "--answers", "-", "--format", "html"], "{}")
    assert result.exit_code == 0, result.stderr
    links = links_in(result.stdout)
    for code in ("000", "911", "999", "111"):
        assert (f"tel:{code}", code) in links
    assert ("tel:112", "112") in links  # Ireland: "112 or 999", each its own link


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "text HOME to 741741"),
        ("zh-Hans", "发短信 HOME 到 741741"),
        ("ar", "أرسل HOME في رسالة إلى 741741"),
    ],
)
def test_the_sms_verb_is_in_the_reader_language(lang: str, expected: str) -> None:
    result = run_cli(["--lang", lang, "--region", "US", "crisis"])
    assert result.exit_code == 0, result.stderr
    flat = " ".join(result.stdout.translate({0x2066: None, 0x2069: None}).split())
    assert expected in flat
    if lang != "en":
        assert "text HOME" not in flat and "text 988" not in flat


def test_every_text_field_of_crisis_yaml_is_read_whole() -> None:
    for region in builtin_content().regions:
        for line in region.lines:
            if line.text:
                sms = line.sms
                assert sms is not None, line.text
                # keyword and number exactly as written, nothing left over
                assert line.text.endswith(sms.number) and sms.keyword in line.text


@pytest.mark.parametrize("shape", ["SMS HOME to 741741", "text HOME to", "text 741741 now"])
def test_an_unreadable_text_field_is_refused(shape: str) -> None:
    assert parse_sms(shape) is None


def test_validate_refuses_a_text_field_it_cannot_read(pack: Path) -> None:
    crisis = pack / "crisis.yaml"
    crisis.write_text(crisis.read_text().replace("text HOME to 741741", "SMS HOME to 741741"))
    result = run_cli(["validate", str(pack)])
    assert result.exit_code == 2
    assert "'SMS HOME to 741741' is not 'text NUMBER' or 'text KEYWORD to NUMBER'" in result.stdout
