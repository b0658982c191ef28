"""The sandbox every template runs in, the municipality's own as much as ours.

A municipality's template is code we did not write, and a `templates =` line in a settings file
picks one without any option given. So a template gets plain data only (`template_context`):
dicts, lists, tuples, strings, numbers, booleans, None and dates, plus the helper functions our
code puts in the context. The environment (`Environment`) refuses every attribute of anything
else, every method of a plain value that is not on a short list of harmless ones, and every call
of anything but those methods, our helpers and jinja's own macros and loop helpers.

What a template computes is bounded: `*`, `**`, `+` and `%` refuse results over MAX_VALUE
characters or items (or MAX_INT_BITS for numbers), format widths over MAX_WIDTH, `range` over
jinja's 100 000 items; the output stops at MAX_OUTPUT characters; and in the main thread the
rendering stops after MAX_SECONDS and may grow the process by at most MAX_MEMORY bytes
(`limits` in kotocheck.render_limits). Every limit hit is a LimitExceeded naming the template."""

from __future__ import annotations

import collections.abc as abc
import datetime as dt
import functools
import os
import posixpath
import types
from typing import Any, Callable, Iterator

from jinja2.compiler import CodeGenerator
from jinja2.environment import TemplateModule
from jinja2.exceptions import SecurityError, TemplateNotFound
from jinja2.loaders import FileSystemLoader, split_template_path
from jinja2.runtime import BlockReference, LoopContext, Macro, TemplateReference, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEscapeFormatter, SandboxedFormatter, safe_range
from jinja2.utils import Cycler, Joiner, Namespace
from markupsafe import Markup, soft_str

from kotocheck.template_data import Helper, Record

# Module constants so that tests can make them smaller.
MAX_VALUE = 16 * 1024 * 1024  # characters of a string, items of a list a template makes in one step
MAX_INT_BITS = 16_384  # size of a number a template makes with * or **
MAX_WIDTH = 10_000  # a width or precision in % or format, a width of center/ljust/rjust/zfill
MAX_TEMPLATE = 4 * 1024 * 1024  # characters of one template file


class Refused(Exception):
    """The sandbox refused what a template asked for; the message says what, and where when
    `located` (else render adds the template line)."""

    def __init__(self, message: str, located: bool = False) -> None:
        super().__init__(message)
        self.located = located


class LimitExceeded(Refused):
    """A rendering went over one of the limits above."""


# --- template files --------------------------------------------------------------------------------------------


class Loader(FileSystemLoader):
    """jinja's FileSystemLoader, but a template is read only when it is, after links are followed,
    inside one of the search folders: a link in a municipality's folder to /proc/self/environ
    would otherwise put a CI job's secrets into the published document. At most MAX_TEMPLATE
    characters are read."""

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for searchpath in self.searchpath:
            filename = posixpath.join(searchpath, *pieces)
            if os.path.isfile(filename):
                break
        else:
            raise TemplateNotFound(template)
        real = os.path.realpath(filename)
        roots = [os.path.realpath(p) for p in self.searchpath]
        if not any(os.path.commonpath([real, root]) == root for root in roots):
            raise Refused(f"{filename}: leads out of the templates folders to {real}; not read", located=True)
        with open(real, encoding=self.encoding) as source:  # text mode: newlines as jinja reads them
            contents = source.read(MAX_TEMPLATE + 1)
        if len(contents) > MAX_TEMPLATE:
            raise LimitExceeded(f"{filename}: a template of more than {MAX_TEMPLATE:,} characters", located=True)
        mtime = os.path.getmtime(real)
        return contents, os.path.normpath(filename), lambda: _mtime(real) == mtime


def _mtime(path: str) -> float | None:
    try:
        return os.path.getmtime(path)
    except OSError:
        return None


# --- the environment -------------------------------------------------------------------------------------------

_DATA = (str, int, float, dict, list, tuple, type(None), dt.date, range)  # bool is an int
_STR_METHODS = frozenset("""capitalize casefold center count endswith expandtabs find format format_map index
    isalnum isalpha isascii isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper
    join ljust lower lstrip partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit
    rstrip split splitlines startswith strip swapcase title upper zfill striptags unescape""".split())
_METHODS: tuple[tuple[type, frozenset[str]], ...] = (
    (str, _STR_METHODS),
    (dict, frozenset({"get", "items", "keys", "values", "copy"})),
    ((list, tuple, range), frozenset({"count", "index", "copy"})),
    ((int, float), frozenset({"bit_length", "bit_count", "conjugate", "is_integer", "as_integer_ratio"})),
    (dt.date, frozenset({"isoformat", "weekday", "isoweekday", "toordinal", "date"})),
)
# jinja's own objects a template uses: `loop`, imported templates (`m.fact`), `self`, namespace(),
# cycler(), joiner(). Their attributes are jinja's, not ours or Python's.
_JINJA = (LoopContext, TemplateModule, TemplateReference, Namespace, Cycler, Joiner)
# Undefined: calling a misspelt name says that it is undefined
_CALLABLE = (Macro, BlockReference, LoopContext, Joiner, Helper, Undefined)
_GLOBALS = {"range": safe_range, "dict": dict, "cycler": Cycler, "joiner": Joiner, "namespace": Namespace}
_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill"})
# Filters with an argument that sizes what they make in one step (a round() to -10**9 places
# computes 10**10**9): name -> (argument, its position after the value).
_SIZING = {"center": ("width", 1), "indent": ("width", 1), "number": ("decimals", 1), "round": ("precision", 1),
           "tojson": ("indent", 1), "batch": ("linecount", 1)}
_DICT_NAMES = frozenset(dir(dict))
_CONTAINERS = frozenset({list, tuple, dict, set, frozenset, Record})
_SIZED = frozenset({str, Markup, list, tuple})


def _allowed_method(owner: Any, name: str) -> bool:
    return any(isinstance(owner, kinds) and name in names for kinds, names in _METHODS)


class _CodeGenerator(CodeGenerator):
    def visit_Concat(self, node: Any, frame: Any) -> None:
        # `a ~ b` joins in one step that no operator hook sees: its result is checked
        self.write("environment.joined(")
        super().visit_Concat(node, frame)
        self.write(")")


class Environment(ImmutableSandboxedEnvironment):
    """jinja2's immutable sandbox, narrowed to plain data and bounded (see the module's doc)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _CodeGenerator

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, finalize=_printable, **kwargs)
        self._safe: dict[tuple, bool] = {}
        self.globals.clear()  # lipsum() writes text without bound; the rest are given back below
        self.globals.update(_GLOBALS)
        self.filters["format"] = _format_filter

    def bound_filters(self) -> None:
        """Check what every filter makes (`replace` in a loop doubles a text each time), and the
        arguments that size it (`center(10**9)`); called once all filters are in."""
        for name, function in self.filters.items():
            if name in _SIZING:
                function = _checked_filter(function, name, *_SIZING[name])
            self.filters[name] = _bounded(function)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # Asked for every `m.get(...)` and macro of every row; the answer depends only on the
        # object's type, the name and whether the value is callable (jinja's checks and ours).
        key = (type(obj), attr, callable(value))
        known = self._safe.get(key)
        if known is None:
            known = self._safe[key] = self._is_safe_attribute(obj, attr, value)
        return known

    def _is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("_") or not super().is_safe_attribute(obj, attr, value):
            return False
        if isinstance(obj, _JINJA):
            return True
        if not isinstance(obj, _DATA):
            return False  # no attribute of anything but plain data
        return not callable(value) or _allowed_method(obj, attr)

    def is_safe_callable(self, obj: Any) -> bool:
        if isinstance(obj, _CALLABLE) or any(obj is known for known in _GLOBALS.values()):
            return True
        if isinstance(obj, (types.BuiltinMethodType, types.MethodType)):
            owner = getattr(obj, "__self__", None)
            if isinstance(owner, (LoopContext, Cycler)):  # loop.cycle(), loop.changed(), cycler.next()
                return not obj.__name__.startswith("_")
            return isinstance(owner, _DATA) and _allowed_method(owner, obj.__name__)
        return False

    def getattr(self, obj: Any, attribute: str) -> Any:
        # `doc.title`: a dict has no attribute of that name, so jinja would come to the key after an
        # AttributeError; going there first is the same and quicker. A Record's keys come first.
        kind = type(obj)
        if (kind is dict and attribute not in _DICT_NAMES) or kind is Record:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        # `entry.update` names the key when a dict's method of that name is refused
        if isinstance(obj, dict) and attribute in obj:
            return obj[attribute]
        return super().unsafe_undefined(obj, attribute)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        if not __self.is_safe_callable(__obj):
            raise SecurityError(f"{type(__obj).__name__} object is not safely callable")
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):  # a method of a text (Markup's are Python functions, str's are not)
            _check_str_method(owner, __obj.__name__, args)
            return _made(__context.call(__obj, *args, **kwargs), __obj.__name__)
        return __context.call(__obj, *args, **kwargs)

    @staticmethod
    def joined(text: str) -> str:
        _need(len(text), "~")
        return text

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            _check_product(left, right)
        elif operator == "**":
            _check_power(left, right)
        elif operator == "+":
            if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
                _need(len(left) + len(right), "+")
        elif operator == "%" and isinstance(left, str):
            return _percent(left, right)
        return self.binop_table[operator](left, right)

    def wrap_str_format(self, value: Any) -> Helper | None:
        if not isinstance(value, (types.MethodType, types.BuiltinMethodType)) or value.__name__ not in (
                "format", "format_map") or not isinstance(value.__self__, str):
            return None
        text, mapping = value.__self__, value.__name__ == "format_map"

        def bounded(*args: Any, **kwargs: Any) -> str:
            if mapping:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                args, kwargs = (), args[0]
            formatter = (_EscapeFormatter(self, escape=text.escape) if isinstance(text, Markup)
                         else _Formatter(self))
            made = formatter.vformat(text, args, kwargs)
            return Markup(made) if isinstance(text, Markup) else str(made)

        return Helper(bounded)


class _Formatter(SandboxedFormatter):
    """str.format in a template: widths bounded, the text it makes counted as it grows."""

    def __init__(self, env: Any, **kwargs: Any) -> None:
        super().__init__(env, **kwargs)
        self._made = 0

    def format_field(self, value: Any, format_spec: str) -> Any:
        _check_spec(format_spec)
        self._made += _text_size(value, MAX_VALUE) + len(format_spec)
        _need(self._made, "format")
        return super().format_field(value, format_spec)


class _EscapeFormatter(_Formatter, SandboxedEscapeFormatter):
    pass


# --- what one step may make --------------------------------------------------------------------------------------


def _need(size: int, what: str) -> None:
    if size > MAX_VALUE:
        raise LimitExceeded(f"{what} would make {size:,} characters or items, more than the limit of {MAX_VALUE:,}")


def _check_product(left: Any, right: Any) -> None:
    if isinstance(left, int) and isinstance(right, int):
        if left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise LimitExceeded(f"* would make a number of more than {MAX_INT_BITS:,} bits")
        return
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, (str, list, tuple)) and isinstance(times, int):
            # a list repeats references: count the text each item stands for, not one per item
            weight = len(seq) if isinstance(seq, str) else sum(
                len(i) if isinstance(i, (str, list, tuple, dict)) else 1 for i in seq) or len(seq)
            _need(max(weight, 1) * max(times, 0), "*")


def _check_power(base: Any, exponent: Any) -> None:
    if isinstance(base, int) and isinstance(exponent, int) and exponent > 0 and abs(base) > 1:
        if abs(base).bit_length() * exponent > MAX_INT_BITS:
            raise LimitExceeded(f"** would make a number of more than {MAX_INT_BITS:,} bits")


def _check_spec(spec: str) -> None:
    """A format spec (`>10`, `.3f`) or %-conversion flags: no width or precision over MAX_WIDTH."""
    if len(spec) > 64:
        raise LimitExceeded(f"a format specification of {len(spec)} characters")
    digits = "".join(c if c.isdigit() else " " for c in spec).split()
    if any(len(d) > 6 or int(d) > MAX_WIDTH for d in digits):
        raise LimitExceeded(f"a format width or precision over {MAX_WIDTH:,}")


def _percent(text: str, args: Any) -> str:
    """`text % args`, bounded: no `*` width, no width over MAX_WIDTH, and no more text than MAX_VALUE
    (each conversion may print the longest argument)."""
    conversions = _conversions(text)
    values = args.values() if isinstance(args, abc.Mapping) else args if isinstance(args, tuple) else (args,)
    longest = max((_text_size(v, MAX_VALUE) for v in values), default=0)
    if isinstance(args, abc.Mapping):  # "%s" % mapping writes all of it
        longest = max(longest, _text_size(args, MAX_VALUE))
    _need(len(text) + len(conversions) * longest + sum(w for w in conversions), "%")
    return text % args


def _format_filter(value: Any, *args: Any, **kwargs: Any) -> str:
    """jinja's `format` filter, bounded as `%` is."""
    if args and kwargs:
        raise TypeError("format takes either positional or keyword arguments, not both")
    return _percent(soft_str(value), kwargs or args)


def _conversions(text: str) -> list[int]:
    """The widths of the %-conversions of `text` (0 for none), each checked."""
    widths, at = [], text.find("%")
    while at != -1:
        end = at + 1
        if end < len(text) and text[end] == "(":  # %(name)s
            close = text.find(")", end)
            end = close + 1 if close != -1 else len(text)
        start = end
        while end < len(text) and text[end] in "#0- +*.0123456789hlL":
            end += 1
        spec = text[start:end]
        if "*" in spec:
            raise LimitExceeded("a * width in a % format")
        _check_spec(spec)
        widths.append(sum(int(d) for d in "".join(c if c.isdigit() else " " for c in spec).split()))
        at = text.find("%", end + 1)
    return widths


def _check_str_method(text: str, name: str, args: tuple) -> None:
    if name in _WIDTH_METHODS and args and isinstance(args[0], int) and args[0] > max(MAX_WIDTH, len(text)):
        raise LimitExceeded(f"{name}() to a width over {MAX_WIDTH:,}")
    if name == "expandtabs" and args and isinstance(args[0], int):
        _need(len(text) + text.count("\t") * args[0], "expandtabs()")


def _checked_filter(function: Callable[..., Any], name: str, argument: str, position: int) -> Callable[..., Any]:
    """A filter whose sizing argument is at most MAX_WIDTH either way."""
    position += 1 if getattr(function, "jinja_pass_arg", None) else 0  # after the context jinja passes

    @functools.wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        size = kwargs.get(argument, args[position] if len(args) > position else None)
        if isinstance(size, int) and abs(size) > MAX_WIDTH:
            raise LimitExceeded(f"{name}({size:,}): the {argument} may be at most {MAX_WIDTH:,}")
        if name == "indent" and isinstance(size, (int, str)) and len(args) > position - 1:
            text = soft_str(args[position - 1])  # the width goes before every line
            _need(len(text) + (text.count("\n") + 1) * (size if isinstance(size, int) else len(size)), name)
        return function(*args, **kwargs)
    return checked


def _made(value: Any, what: str) -> Any:
    if type(value) in _SIZED and len(value) > MAX_VALUE:
        _need(len(value), what)
    return value


def _bounded(function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)  # keeps jinja's pass_context and the like
    def bounded(*args: Any, **kwargs: Any) -> Any:
        return _made(function(*args, **kwargs), getattr(function, "__name__", "a filter").removeprefix("do_"))
    return bounded


def _text_size(value: Any, budget: int) -> int:
    """About how many characters str(value) has, counted until the count passes `budget` (a list
    of the same long string many times over is long text, though it was cheap to make)."""
    if isinstance(value, str):
        return len(value)
    if not isinstance(value, (list, tuple, dict, set, frozenset)):
        return value.bit_length() // 3 + 2 if isinstance(value, int) else 32
    total, stack = 0, [iter((value,))]
    while stack and total <= budget:
        item = next(stack[-1], stack)
        if item is stack:  # that iterator is done
            stack.pop()
        elif isinstance(item, str):
            total += len(item) + 4
        elif isinstance(item, dict):
            total += 2
            stack.append(iter([*item.keys(), *item.values()]) if len(item) < 1024 else _items(item))
        elif isinstance(item, (list, tuple, set, frozenset)):
            total += 2
            stack.append(iter(item))
        else:
            total += _text_size(item, budget)
    return total


def _items(mapping: dict) -> Iterator[Any]:
    for key, value in mapping.items():
        yield key
        yield value


def _printable(value: Any) -> Any:
    """Every `{{ … }}` passes here before it is written: a list or dict is written as its Python
    text, which must not be bigger than a value may be."""
    if type(value) in _CONTAINERS:
        _need(_text_size(value, MAX_VALUE), "writing a list or mapping")
    return value
