"""Colour for the text format on a terminal (rich is imported only here)."""

from __future__ import annotations

import re

from rich.console import Console
from rich.text import Text

_STYLES = {"virhe": "bold red", "error": "bold red", "varoitus": "yellow", "warning": "yellow",
           "huomautus": "cyan", "info": "cyan", "ei sovellu": "magenta", "not applicable": "magenta"}
_LOCATION = re.compile(r"^\S+:\d+:\d+")
_SEVERITY = re.compile(r"^(\S+:\d+:\d+)  (virhe|error|varoitus|warning|huomautus|info|ei sovellu|not applicable)  ")


def print_coloured(text: str) -> None:
    console = Console(highlight=False, soft_wrap=True)
    for line in text.splitlines():
        styled = Text(line)
        location = _LOCATION.match(line)
        if location:
            styled.stylize("bold", 0, location.end())
        severity = _SEVERITY.match(line)
        if severity:
            styled.stylize(_STYLES[severity.group(2)], severity.start(2), severity.end(2))
        if line.startswith("    "):
            styled.stylize("dim")
        console.print(styled)
