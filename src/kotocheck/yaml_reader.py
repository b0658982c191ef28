"""ruamel.yaml's reading classes made to read YAML 1.2 as the specification says.

ruamel departs from YAML 1.2 in a few places (tabs inside a line, keys over two lines in { },
comments glued to a value, `%YAML 1.3`, a `...` with no document, self-referring aliases); the
scanner (kotocheck.yaml_scanner), parser, composer and constructor read those as the
specification does, checked against the official yaml-test-suite (tests/test_yaml_suite.py). They never rewrite the text, so
every line and column is the file's own. The loader (validate) and the round trip (fmt, migrate)
both read with them, so the commands accept the same files."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from kotocheck import yaml_messages
from kotocheck.yaml_scanner import scanner


@lru_cache(maxsize=None)
def parser() -> type:
    from ruamel.yaml.parser import RoundTripParser
    from ruamel.yaml.tokens import DocumentEndToken

    class Parser(RoundTripParser):
        def parse_implicit_document_start(self) -> Any:
            # a `...` with no document before it ends nothing (HWV9); ruamel wants a node
            while self.scanner.check_token(DocumentEndToken):
                self.scanner.get_token()
            return super().parse_implicit_document_start()

        def move_token_comment(self, token: Any, nt: Any = None, empty: Any = False) -> Any:
            try:
                return super().move_token_comment(token, nt, empty)
            except NotImplementedError:  # a comment layout ruamel cannot place (P94K); only round-trips need it
                return None

    return Parser


@lru_cache(maxsize=None)
def composer() -> type:
    from ruamel.yaml.composer import Composer as RuamelComposer
    from ruamel.yaml.composer import ComposerError
    from ruamel.yaml.events import AliasEvent
    from ruamel.yaml.nodes import ScalarNode

    class Composer(RuamelComposer):
        def __init__(self, loader: Any = None) -> None:
            super().__init__(loader)
            self.warn_double_anchors = False  # a reused anchor name is valid YAML; the warning went to stderr
            self.done: set[int] = set()  # ids of the nodes composed to the end

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.parser.check_event(AliasEvent):
                event = self.parser.peek_event()
                node = self.anchors.get(event.anchor)
                if node is not None and not isinstance(node, ScalarNode) and id(node) not in self.done:
                    # `&a [*a]`, `<<: *a` inside &a: endless data (ruamel puts None in it, or loops)
                    raise ComposerError(None, None, f"{yaml_messages.RECURSIVE_ALIAS} {event.anchor}",
                                        event.start_mark)
            node = super().compose_node(parent, index)
            self.done.add(id(node))
            return node

    return Composer


@lru_cache(maxsize=None)
def constructor() -> type:
    from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor

    class Constructor(RoundTripConstructor):
        def construct_unknown(self, node: Any) -> Any:
            # ruamel's own catches GeneratorExit with a bare except and raises ConstructorError: when
            # another value fails, the half-built `!!str a` was printed to stderr at collection
            inner = RoundTripConstructor.construct_unknown(self, node)
            try:
                yield next(inner)
                yield from inner
            finally:
                try:
                    inner.close()
                except ConstructorError:
                    pass

    Constructor.add_constructor(None, Constructor.construct_unknown)
    return Constructor


def reading(yaml: Any, with_constructor: bool = True) -> Any:
    """A YAML(typ="rt") set to read with these classes; the round trip keeps its own constructor."""
    yaml.Scanner = scanner()
    yaml.Parser = parser()
    yaml.Composer = composer()
    if with_constructor:
        yaml.Constructor = constructor()
    return yaml
