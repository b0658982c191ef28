"""What a template may see: plain data only. Every context reaches a template through
template_context (render.render calls it): dataclasses, pydantic models and enums become dicts,
lists and values, and our own functions become Helpers whose results are made plain too. The
sandbox (kotocheck.sandbox) then allows attributes of plain data only."""

from __future__ import annotations

import collections.abc as abc
import dataclasses
import datetime as dt
import enum
import functools
import sys
import types
from typing import Any, Callable

from markupsafe import Markup


# Dates stay dates: numbers.date, the `date` filter and the summary's cells take a date object and
# write it in the page's language, and a date has no method that reaches code or files. Markup is
# our escaped HTML; views.Localized is text that knows its language (both are str).
_LEAVES = {str, int, float, bool, type(None), dt.date, dt.datetime, Markup}
_KEYS = {str, int}
_CONVERTERS: dict[type, Callable[[Any], Any]] = {}
# Containers converted during one template_context (None at other times): original id ->
# (original, converted). The original is kept so that its id cannot be reused meanwhile.
_done: dict[int, tuple[Any, Any]] | None = None


def plain(value: Any) -> Any:
    """The value as plain data: a dataclass as a dict of its fields and properties, a pydantic model
    as a dict of its fields, an enum as its value, a mapping as a dict, a set as a sorted list, any
    other sequence as a list (a tuple stays a tuple). Anything else becomes its text. A dict or list
    that holds only leaves is returned as it is (templates cannot change it), so big documents are
    not copied node by node."""
    kind = type(value)
    if kind in _LEAVES:
        return value
    convert = _CONVERTERS.get(kind)
    if convert is None:
        convert = _CONVERTERS.setdefault(kind, _converter(kind))
    return convert(value)


def _dict(value: dict) -> dict:
    leaves, keys = _LEAVES, _KEYS
    for key, item in value.items():
        if type(item) not in leaves or type(key) not in keys:
            break
    else:
        return value
    done = _done.get(id(value)) if _done is not None else None  # met again: views share the document's parts
    if done is not None and done[0] is value:
        return done[1]
    out = {k if type(k) in keys else _key(k): v if type(v) in leaves else plain(v) for k, v in value.items()}
    if _done is not None:
        _done[id(value)] = (value, out)
    return out


def _list(value: list) -> list:
    leaves = _LEAVES
    for item in value:
        if type(item) not in leaves:
            break
    else:
        return value
    done = _done.get(id(value)) if _done is not None else None
    if done is not None and done[0] is value:
        return done[1]
    out = [v if type(v) in leaves else plain(v) for v in value]
    if _done is not None:
        _done[id(value)] = (value, out)
    return out


def _tuple(value: tuple) -> tuple:
    return tuple(plain(v) for v in value)


def _key(key: Any) -> Any:
    key = plain(key)
    return key if isinstance(key, (str, int, float, bool, dt.date, type(None), tuple)) else str(key)


def _converter(kind: type) -> Callable[[Any], Any]:
    if kind is dict:
        return _dict
    if kind is list:
        return _list
    if kind is tuple:
        return _tuple
    if kind is Record:  # made by _record from values already plain
        return lambda v: v
    if issubclass(kind, enum.Enum):
        return lambda v: plain(v.value)
    if issubclass(kind, Markup) or _localized(kind):
        return lambda v: v
    for base in (str, bool, int, float):
        if issubclass(kind, base):  # e.g. ruamel's ScalarFloat: the value without its extra methods
            return base
    if issubclass(kind, dt.datetime):
        return lambda v: dt.datetime(v.year, v.month, v.day, v.hour, v.minute, v.second, v.microsecond)
    if issubclass(kind, dt.date):
        return lambda v: dt.date(v.year, v.month, v.day)
    if dataclasses.is_dataclass(kind):
        return _record([f.name for f in dataclasses.fields(kind)] + _properties(kind))
    if "pydantic" in sys.modules and issubclass(kind, sys.modules["pydantic"].BaseModel):
        # Fields and computed fields only: a model's other properties may need more than its data.
        return _record([*kind.model_fields, *kind.model_computed_fields])
    if issubclass(kind, abc.Mapping):
        return lambda v: {_key(k): plain(i) for k, i in v.items()}
    if issubclass(kind, (abc.Set, abc.KeysView)):
        return _sorted
    if issubclass(kind, tuple):
        return _tuple
    if issubclass(kind, (abc.Sequence, abc.MappingView)) and not issubclass(kind, (bytes, bytearray)):
        return lambda v: [plain(i) for i in v]
    return str  # a function, a class, a path, bytes...: only its text


def _localized(kind: type) -> bool:
    views = sys.modules.get("kotocheck.views")
    return views is not None and issubclass(kind, views.Localized)


class Record(dict):
    """An object's fields as a dict. `step.items` is then the field, not dict.items, as it was on the
    object itself (Environment.getattr looks at a Record's keys first)."""

    __slots__ = ()


def _record(names: list[str]) -> Callable[[Any], dict]:
    names = [n for n in names if not n.startswith("_")]
    return lambda v: Record((n, plain(getattr(v, n))) for n in names)


def _properties(kind: type) -> list[str]:
    return [name for cls in reversed(kind.__mro__) if cls is not object
            for name, attr in vars(cls).items() if isinstance(attr, property)]


def _sorted(value: Any) -> list:
    items = [plain(v) for v in value]
    try:
        return sorted(items)
    except TypeError:
        return items


class Helper:
    """One of our own functions in a template's context: callable from a template, and whatever
    it returns reaches the template as plain data. A template cannot reach the function inside."""

    __slots__ = ("_function",)

    def __init__(self, function: Callable[..., Any]) -> None:
        self._function = function

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return plain(self._function(*args, **kwargs))

    def __repr__(self) -> str:
        return "<helper>"


def template_context(context: dict[str, Any]) -> dict[str, Any]:
    """What a template sees of `context`: our functions at its top level as Helpers, every other
    value as plain data."""
    global _done
    _done = {}
    try:
        return {name: Helper(value) if isinstance(value, (types.FunctionType, functools.partial)) else plain(value)
                for name, value in context.items()}
    finally:
        _done = None
