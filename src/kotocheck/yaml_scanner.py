"""ruamel's round-trip scanner made to read YAML 1.2 as the specification says (tabs inside a
line, keys over two lines in { }, comments glued to a value, `%YAML 1.3`), refusing nesting
deeper than MAX_DEPTH where it starts. Part of kotocheck.yaml_reader's reading classes."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from kotocheck import yaml_messages

# Nesting deeper than this is refused where it starts (the loader re-checks the composed data).
from kotocheck.limits import MAX_DEPTH  # noqa: E402  (the scanner enforces it)

_BREAKS = "\r\n\x85\u2028\u2029"
_END = "\0" + _BREAKS


class TooDeep(Exception):
    def __init__(self, mark: Any):
        super().__init__("too deep")
        self.mark = mark


@lru_cache(maxsize=None)
def scanner() -> type:
    """ruamel's round-trip scanner reading YAML 1.2 where ruamel does not, and refusing nesting
    deeper than MAX_DEPTH where it starts. For any YAML(typ="rt"): `yaml.Scanner = scanner()`."""
    from ruamel.yaml import tokens
    from ruamel.yaml.error import FileMark
    from ruamel.yaml.scanner import RoundTripScanner, ScannerError

    words = yaml_messages

    class Scanner(RoundTripScanner):
        def reset_scanner(self) -> None:
            super().reset_scanner()
            self.last_token: Any = None  # the last token other than a comment
            self.tab_before: tuple[int, Any] | None = None  # (index of a token, mark of a tab before it)
            self.block_tail = False  # just after a | or > text, whose end a line of tabs cannot be
            self.flow_marks: list[Any] = []  # where each open [ or { starts
            self.under_indented: Any = None  # the first line inside [ ], { } or quotes too little indented
            self.__dict__.pop("stale_possible_simple_keys", None)

        def mark(self, column: int) -> Any:
            """A mark on the current line."""
            reader = self.reader
            return FileMark(reader.name, reader.index - reader.column + column, reader.line, column)

        def line_prefix(self) -> tuple[str, int]:
            """The current line up to the reader, and the spaces it starts with."""
            reader = self.reader
            prefix = reader.buffer[reader.pointer - reader.column: reader.pointer]
            return prefix, len(prefix) - len(prefix.lstrip(" "))

        # --- nesting depth

        def _depth_check(self) -> None:
            if len(self.flow_context) + len(self.indents) >= MAX_DEPTH:
                raise TooDeep(self.reader.get_mark())

        def fetch_flow_collection_start(self, TokenClass: Any, to_push: Any) -> None:
            self._depth_check()
            self.flow_marks.append(self.reader.get_mark())
            super().fetch_flow_collection_start(TokenClass, to_push)
            if to_push == "{":
                self.stale_possible_simple_keys = self.stale_in_braces

        def fetch_flow_collection_end(self, TokenClass: Any) -> None:
            if self.flow_marks:
                self.flow_marks.pop()
            super().fetch_flow_collection_end(TokenClass)
            if "{" not in self.flow_context:
                self.__dict__.pop("stale_possible_simple_keys", None)

        def add_indent(self, column: int) -> bool:
            if self.indent < column:
                self._depth_check()
            return super().add_indent(column)

        def fetch_more_tokens(self) -> Any:
            result = super().fetch_more_tokens()
            last = self.tokens[-1] if self.tokens else None
            if isinstance(last, tokens.CommentToken):
                last = next((t for t in reversed(self.tokens) if not isinstance(t, tokens.CommentToken)), None)
            if last is not None and last is not self.last_token:
                self.last_token = last
                self.block_tail = isinstance(last, tokens.ScalarToken) and last.style in ("|", ">")
            return result

        # --- whitespace between tokens: tabs, comments, indentation inside [ ] and { }

        def scan_to_next_token(self) -> Any:
            while True:
                reader = self.reader
                before = reader.buffer[reader.pointer - 1] if reader.pointer else "\n"
                if reader.peek() == "#" and before not in " \t\ufeff" + _BREAKS:  # `"x"#c`, `[a]#c`
                    raise ScannerError(None, None, words.COMMENT_SPACE, reader.get_mark())
                found = super().scan_to_next_token()
                if found is not None:  # a comment, for fetch_comment
                    self.block_tail = False
                    return found
                if reader.peek() != "\t":  # ruamel stops at a tab outside [ ] and { }
                    break
                self._tabs()
            if self.flow_level and self.reader.peek() not in _END:
                prefix, spaces = self.line_prefix()
                if not prefix.strip(" \t") and spaces <= self.indent:
                    self._under_indented(prefix, spaces, self.flow_marks[0] if self.flow_marks else None)
            return None

        def _tabs(self) -> None:
            """A tab where a token may start: YAML 1.2 allows it as separation within a line
            (`title: Ohjelma<TAB>`, `-<TAB>x`), never as indentation."""
            reader = self.reader
            tab = reader.get_mark()
            prefix, spaces = self.line_prefix()
            indentation = not prefix.strip(" ")  # only spaces before the tab on its line
            while reader.peek() in " \t":
                reader.forward()
            if reader.peek() in _END:  # a blank line, unless it would end a | or > text
                if indentation and self.block_tail:
                    raise ScannerError(None, None, words.TAB_INDENT, tab)
                return
            if reader.peek() == "#":
                return
            if indentation and spaces <= self.indent:
                raise ScannerError(None, None, words.TAB_INDENT, tab)
            self.tab_before = (reader.index, tab)  # a key, `-` or `?` may not follow it

        def _tab_check(self, index: int) -> None:
            if not self.flow_level and self.tab_before is not None and self.tab_before[0] == index:
                raise ScannerError(None, None, words.TAB_INDENT, self.tab_before[1])

        def _under_indented(self, prefix: str, spaces: int, start: Any) -> None:
            """A line inside [ ], { } or quotes not indented deeper than the block around it.
            Kept for the end of the stream: an error ruamel finds meanwhile (often an unclosed
            quote or bracket, which is why the line is inside the value) says more."""
            if self.under_indented is not None:
                return
            if prefix[spaces: spaces + 1] == "\t":
                self.under_indented = ScannerError(None, None, words.TAB_INDENT, self.mark(spaces))
            else:
                self.under_indented = ScannerError(None if start is None else "while scanning a flow node", start,
                                                   words.FLOW_INDENT, self.mark(len(prefix)))

        def get_token(self) -> Any:
            token = super().get_token()
            # when the parser takes the end of the stream, it has found nothing wrong before it
            if isinstance(token, tokens.StreamEndToken) and self.under_indented is not None:
                raise self.under_indented
            return token

        def fetch_block_entry(self) -> None:
            self._tab_check(self.reader.index)
            super().fetch_block_entry()

        def fetch_key(self) -> None:
            self._tab_check(self.reader.index)
            super().fetch_key()

        def fetch_value(self) -> None:
            if not self.flow_level:
                key = self.possible_simple_keys.get(0)
                self._tab_check(key.index if key is not None else self.reader.index)
            elif (self.flow_context[-1] == "[" and self.flow_level not in self.possible_simple_keys
                  and isinstance(self.last_token, (tokens.FlowSequenceStartToken, tokens.FlowEntryToken))):
                mark = self.reader.get_mark()  # an empty key: `[ : value ]`
                self.tokens.append(tokens.KeyToken(mark, mark))
            super().fetch_value()

        # --- keys and values inside [ ] and { }

        def stale_in_braces(self) -> None:
            """stale_possible_simple_keys while a { is open (set on the instance then only: the
            scanner calls it for every token). A key inside { } may go on over lines
            (`{"foo"\n: bar}`); elsewhere a key stays on one line."""
            kept = {level: key for level, key in self.possible_simple_keys.items()
                    if level and self.flow_context[level - 1: level] == ["{"] and self.reader.index - key.index <= 1024}
            for level in kept:
                del self.possible_simple_keys[level]
            RoundTripScanner.stale_possible_simple_keys(self)
            self.possible_simple_keys.update(kept)

        def check_value(self) -> Any:
            if super().check_value():
                return True
            # after a quoted key or a [ ] / { } key, `:` needs no space: [ "a":b ]
            last = self.last_token
            return bool(self.flow_level) and self.flow_level in self.possible_simple_keys and (
                isinstance(last, (tokens.FlowSequenceEndToken, tokens.FlowMappingEndToken))
                or isinstance(last, tokens.ScalarToken) and last.style in ("'", '"'))

        def check_key(self) -> Any:
            # `{ ?foo: bar }`: inside [ ] and { } too, a ? before text is part of the text (YAML 1.2)
            if self.flow_level and self.reader.peek(1) not in _END + " \t,[]{}":
                return False
            return super().check_key()

        def check_plain(self) -> Any:
            # `[-]`, `[-, -]`: inside [ ] and { } a - ? : before , [ ] { } starts no text
            # and `{ ?foo: bar }` is text ruamel refuses
            ch, following = self.reader.peek(), self.reader.peek(1)
            if self.flow_level and ch in "-?:":
                if following in ",[]{}":
                    return False
                if ch == "?" and following not in _END + " \t":
                    return True
            return super().check_plain()

        # --- text over several lines

        def scan_plain_spaces(self, indent: int, start_mark: Any) -> Any:
            """The whitespace inside a plain value; tabs too (ruamel refuses them)."""
            reader = self.reader
            length = 0
            while reader.peek(length) in " \t":
                length += 1
            whitespace = reader.prefix(length)
            reader.forward(length)
            if reader.peek() not in _BREAKS:
                return [whitespace] if whitespace else []
            line_break = self.scan_line_break()
            self.allow_simple_key = True
            breaks = []
            while True:
                if reader.prefix(3) in ("---", "...") and reader.peek(3) in _END + " \t":
                    return None  # a document marker ends the value
                spaces = 0
                while reader.peek(spaces) == " ":
                    spaces += 1
                end = spaces
                while reader.peek(end) in " \t":
                    end += 1
                if reader.peek(end) not in _BREAKS:
                    break
                reader.forward(end)  # a blank line, tabs and all
                breaks.append(self.scan_line_break())
            if spaces >= indent:
                reader.forward(end)  # tabs after the indentation separate
            else:
                if self.flow_level and reader.peek(end) not in _END + "#":  # inside [ ] or { } it goes on
                    reader.forward(spaces)
                    prefix, _ = self.line_prefix()
                    self._under_indented(prefix + reader.prefix(end - spaces), spaces,
                                         self.flow_marks[0] if self.flow_marks else start_mark)
                    reader.forward(end - spaces)
                else:
                    reader.forward(spaces)  # the value ends here
            chunks = []
            if line_break != "\n":
                chunks.append(line_break)
            elif not breaks:
                chunks.append(" ")
            chunks.extend(breaks)
            return chunks

        def scan_flow_scalar_breaks(self, double: Any, start_mark: Any) -> Any:
            chunks = super().scan_flow_scalar_breaks(double, start_mark)
            prefix, spaces = self.line_prefix()
            if spaces <= self.indent and self.reader.peek() != "\0":  # lines deeper than the key; EOF: unclosed
                self._under_indented(prefix, spaces, start_mark)
            return chunks

        def scan_block_scalar(self, style: Any, rt: Any = True) -> Any:
            self.block_tail = True  # ruamel reads the whitespace after it before the token is out
            return super().scan_block_scalar(style, rt=rt)

        def scan_block_scalar_indentation(self) -> Any:
            """The empty lines before a | or > text's first line. ruamel compares them with the
            first empty line; YAML 1.2 forbids only more spaces than the first text line has."""
            reader = self.reader
            chunks, max_indent, end_mark = [], 0, reader.get_mark()
            empty: list[tuple[int, int]] = []  # (spaces, line) of each empty line
            while reader.peek() in " " + _BREAKS:
                if reader.peek() == " ":
                    reader.forward()
                    max_indent = max(max_indent, reader.column)
                else:
                    empty.append((reader.column, reader.line))
                    chunks.append(self.scan_line_break())
                    end_mark = reader.get_mark()
            if reader.peek() != "\0":
                over = next((line for spaces, line in empty if spaces > reader.column), None)
                if over is not None:
                    mark = FileMark(reader.name, reader.index, over, reader.column)
                    raise ScannerError("more indented follow up line than first in a block scalar", mark)
            return chunks, max_indent, end_mark

        # --- tags and directives

        def scan_tag(self) -> Any:
            """A shorthand tag ends at , [ ] { } and may be followed by a tab (`!!str, x` in [ ])."""
            reader = self.reader
            if reader.peek(1) == "<":
                return super().scan_tag()  # !<verbatim> is read by the specification
            start = reader.get_mark()
            length = 1
            while reader.peek(length).isascii() and (reader.peek(length).isalnum() or reader.peek(length) == "-"):
                length += 1
            handle = reader.prefix(length + 1) if reader.peek(length) == "!" else "!"
            reader.forward(len(handle))
            chunks, length = [], 0
            while True:
                ch = reader.peek(length)
                if ch == "%":
                    chunks.append(reader.prefix(length))
                    reader.forward(length)
                    chunks.append(self.scan_uri_escapes("tag", start))
                    length = 0
                elif ch.isascii() and (ch.isalnum() or ch in "-#;/?:@&=+$_.~*'()"):
                    length += 1
                else:
                    break
            chunks.append(reader.prefix(length))
            reader.forward(length)
            suffix = "".join(chunks)
            if not suffix and handle != "!":
                raise ScannerError("while parsing a tag", start, f"expected URI, but found {reader.peek()!r}",
                                   reader.get_mark())
            if reader.peek() not in _END + " \t" and not (self.flow_level and reader.peek() in ",[]{}"):
                raise ScannerError("while scanning a tag", start, f"expected ' ', but found {reader.peek()!r}",
                                   reader.get_mark())
            value = (handle, suffix) if suffix else (None, "!")
            return tokens.TagToken(value, start, reader.get_mark())

        def scan_yaml_directive_value(self, start_mark: Any) -> Any:
            while self.reader.peek() in " \t":
                self.reader.forward()
            major, minor = super().scan_yaml_directive_value(start_mark)
            if major == 1 and minor not in (1, 2):
                # `%YAML 1.3` is read as 1.2, as the specification asks; ruamel asserts
                self.yaml_version = (1, 2 if minor > 2 else 1)
                return self.yaml_version
            return major, minor

        def scan_directive_ignored_line(self, start_mark: Any) -> None:
            while self.reader.peek() in " \t":
                self.reader.forward()
            super().scan_directive_ignored_line(start_mark)

    return Scanner
