"""A region guessed from the computer's time zone, said openly, never over a choice.

Most computers know roughly where they are: Australia/Sydney, Europe/London.
The table maps only zones that lie wholly in one region the content covers;
anything else (UTC, Europe/Paris, America/Puerto_Rico, POSIX rules such as
EST5EDT, which span countries) gives no guess, and the region stays unknown.
The guess ranks below every explicit choice (flag, answers, environment,
saved setting): see the region resolution in ui/run.py.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

# Whole areas in one region. Australia/* includes the old names (Australia/NSW,
# Australia/ACT...) that tzdata keeps as links.
_PREFIXES: dict[str, str] = {
    "Australia/": "AU",
    "Canada/": "CA",
    "America/Indiana/": "US",
    "America/Kentucky/": "US",
    "America/North_Dakota/": "US",
}

# Single zones. Left out on purpose: Europe/Jersey, Guernsey and Isle_of_Man
# (Crown dependencies, not the UK); America/Puerto_Rico and other territories
# (since tzdata 2022 many Caribbean countries' zones link to it); US/Samoa;
# Antarctica/Macquarie and McMurdo (research stations); EST5EDT and the like.
_ZONES: dict[str, str] = {
    **dict.fromkeys(
        (
            "Europe/London",
            "Europe/Belfast",
            "GB",
            "GB-Eire",
        ),
        "UK",
    ),
    **dict.fromkeys(("Europe/Dublin", "Eire"), "IE"),
    **dict.fromkeys(("Pacific/Auckland", "Pacific/Chatham", "NZ", "NZ-CHAT"), "NZ"),
    **dict.fromkeys(
        (
            "America/New_York",
            "America/Chicago",
            "America/Denver",
            "America/Los_Angeles",
            "America/Phoenix",
            "America/Boise",
            "America/Detroit",
            "America/Menominee",
            "America/Anchorage",
            "America/Juneau",
            "America/Sitka",
            "America/Metlakatla",
            "America/Yakutat",
            "America/Nome",
            "America/Adak",
            "America/Indianapolis",
            "America/Fort_Wayne",
            "America/Knox_IN",
            "America/Louisville",
            "America/Shiprock",
            "Navajo",
            "Pacific/Honolulu",
            "US/Eastern",
            "US/Central",
            "US/Mountain",
            "US/Pacific",
            "US/Alaska",
            "US/Hawaii",
            "US/Arizona",
            "US/Aleutian",
            "US/East-Indiana",
            "US/Indiana-Starke",
            "US/Michigan",
        ),
        "US",
    ),
    **dict.fromkeys(
        (
            "America/Toronto",
            "America/Montreal",
            "America/Vancouver",
            "America/Edmonton",
            "America/Winnipeg",
            "America/Regina",
            "America/Swift_Current",
            "America/Halifax",
            "America/Moncton",
            "America/Glace_Bay",
            "America/Goose_Bay",
            "America/St_Johns",
            "America/Whitehorse",
            "America/Dawson",
            "America/Dawson_Creek",
            "America/Fort_Nelson",
            "America/Creston",
            "America/Yellowknife",
            "America/Inuvik",
            "America/Cambridge_Bay",
            "America/Iqaluit",
            "America/Pangnirtung",
            "America/Rankin_Inlet",
            "America/Resolute",
            "America/Atikokan",
            "America/Coral_Harbour",
            "America/Blanc-Sablon",
            "America/Nipigon",
            "America/Thunder_Bay",
            "America/Rainy_River",
        ),
        "CA",
    ),
}


def region_for_zone(zone: str | None) -> str | None:
    """The region an IANA zone name lies wholly in, or None."""
    if not zone:
        return None
    if zone in _ZONES:
        return _ZONES[zone]
    for prefix, region in _PREFIXES.items():
        if zone.startswith(prefix):
            return region
    return None


def zone_name(value: str) -> str | None:
    """The IANA name in a TZ value or a zone file's path: 'Europe/London' from
    'Europe/London', ':Europe/London' or '/usr/share/zoneinfo/Europe/London'."""
    value = value.strip().removeprefix(":")
    if "zoneinfo/" in value:
        value = value.split("zoneinfo/", 1)[1]
    if not value or value.startswith("/") or ".." in value.split("/"):
        return None
    return value


def local_zone(
    env: Mapping[str, str],
    localtime: Path = Path("/etc/localtime"),
    timezone_file: Path = Path("/etc/timezone"),
) -> str | None:
    """This computer's zone name: TZ if set (even to UTC: then no guess), else the
    target of the /etc/localtime link, else /etc/timezone. None if none says."""
    if "TZ" in env:
        return zone_name(env["TZ"])
    try:
        return zone_name(os.readlink(localtime))
    except OSError:
        pass
    try:
        first = timezone_file.read_text(encoding="utf-8").splitlines()[:1]
    except (OSError, UnicodeDecodeError):
        return None
    return zone_name(first[0]) if first else None
