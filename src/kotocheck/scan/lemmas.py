"""Words and their base forms (lemmas) for `scan`: tokenisation, lemmatisation through simplemma
(an optional extra, imported only when a scan runs), Finnish compounds, and a cache.

Why not simply call `simplemma.lemmatize` on every word: simplemma's Finnish dictionary holds
3.5 million word forms and takes about 2.3 s to decode (Swedish 0.7 s), longer than a whole
scan may take. Scan only needs to know whether a word is one of the checklist's terms, so the
first scan builds a *term lexicon*: every form in simplemma's dictionary whose lemma is a term
word or a compound of one. It is kept as JSON in the user's cache folder, keyed by the terms and
the simplemma version, and loads in milliseconds afterwards.

Term words are taken as the checklist writes them (base forms), and a document's word is looked
up in the lexicon; simplemma's own guesses for unknown words are not used (they can be wrong:
"yhteistyöryhmä" -> "yhteistyö"); this module has stricter ones of its own.

Compounds (decided here, documented in docs/scan-quality.md; the matching is in evidence.py): a
word matches a term when its lemma is the term, or ends in it with at least three letters before
it and the term is at least six letters long ("kotoutumissuunnitelma" matches "suunnitelma",
"tasomittari" matches "mittari"; "yhteiskunta" does not match "kunta"), or begins with a term of
seven letters or more followed by at least five ("varhaiskasvatuspalvelu" matches
"varhaiskasvatus"). A word missing from the dictionary takes its lemma from its longest known
ending ("yhteistyöryhmän" -> "yhteistyöryhmä"), else from a strict stemmer's guess (_guess)."""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kotocheck.documents.model import DocumentError

MIN_HEAD = 6  # a term shorter than this matches whole words only ("kunta" is not "yhteiskunta")
MIN_MODIFIER = 3  # letters before the head of a compound ("tasomittari": "taso" + "mittari")
MIN_FIRST = 7  # a term this long also matches as a compound's first part ("varhaiskasvatuspalvelu")
MIN_REST = 5  # ... when at least this much follows it ("tilastointi" is not "tilasto" + "inti")
MIN_SUFFIX = 4  # the shortest ending of an unknown compound looked up as a word of its own
KEEP_LEXICONS = 4  # cached lexicons kept per language (a few checklists' term sets)
GUESS_MIN = 7  # an unknown word is read as a term word only when they share this many letters
LANGS = ("fi", "sv")  # the languages the checklists' terms are written in

# A word: letters and digits, inner hyphens kept ("ELY-keskus", "TE-toimisto"); "§" is a word
# of its own so that a term can ask for it.
_WORD = re.compile(r"§|[^\W_]+(?:[-‐][^\W_]+)*", re.UNICODE)


@dataclass(frozen=True)
class Token:
    surface: str  # lower-cased, as written
    lemma: str
    start: int  # character offsets in the text, for quoting
    end: int
    known: bool = True  # the lemma came from the dictionary (else it is the word as written)


def words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _simplemma():
    try:
        import simplemma
    except ImportError:
        error = DocumentError(
            "kotocheck scan",
            "sanojen perusmuotoja varten tarvitaan lisäosa: pip install \"kotocheck[documents]\" (simplemma)",
            "word base forms need the extra: pip install \"kotocheck[documents]\" (simplemma)")
        error.missing_extra = True  # the same for every document: a caller says it once
        raise error from None
    return simplemma


def _full_dictionary(lang: str) -> dict[bytes, bytes]:
    """simplemma's whole dictionary for `lang`, form -> lemma as UTF-8 bytes (the slow part:
    seconds). Bytes, because decoding 3.5 million entries would double the time."""
    _simplemma()
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory  # simplemma's public factory

    mapping = DefaultDictionaryFactory(cache_max_size=1).get_dictionary(lang)
    raw = getattr(mapping, "_dict", None)  # simplemma 1.x/2.x keep bytes -> bytes inside
    if isinstance(raw, dict):
        return raw
    return {k.encode(): v.encode() for k, v in mapping.items()}


def _build_lexicon(lang: str, term_words: frozenset[str]) -> dict[str, str]:
    """Form -> lemma for every form in simplemma's dictionary whose lemma is a term word, or a
    compound whose head or long first part is one. Term words are base forms as the checklist
    writes them: they are not lemmatised again (simplemma's guess for an unknown compound can
    be wrong, e.g. "yhteistyöryhmä" -> "yhteistyö")."""
    heads = {t for t in term_words if len(t) >= MIN_HEAD}
    firsts = {t for t in term_words if len(t) >= MIN_FIRST}
    full = _full_dictionary(lang)

    def wanted(lemma: str) -> bool:
        return (lemma in term_words
                or any(lemma[i:] in heads for i in range(MIN_MODIFIER, len(lemma) - MIN_HEAD + 1))
                or any(lemma[:i] in firsts for i in range(MIN_FIRST, len(lemma) - MIN_REST + 1)))

    keep = {raw for raw in set(full.values()) if wanted(raw.decode().lower())}
    lexicon = {form.decode().lower(): lemma.decode().lower() for form, lemma in full.items() if lemma in keep}
    for word in term_words:
        lexicon.setdefault(word, word)
    return lexicon


def _cache_dir() -> Path:
    base = os.environ.get("KOTOCHECK_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kotocheck"


def _cache_key(lang: str, term_words: frozenset[str]) -> str:
    simplemma = _simplemma()
    version = getattr(simplemma, "__version__", "?")
    digest = hashlib.sha256("\n".join(sorted(term_words)).encode()).hexdigest()[:16]
    return f"lexicon-{lang}-{version}-{digest}.json"


def is_cached(lang: str, term_words: frozenset[str]) -> bool:
    """Whether the lexicon is ready, so a caller can say that the first scan takes a few seconds."""
    return (_cache_dir() / _cache_key(lang, term_words)).exists()


@lru_cache(maxsize=8)
def lexicon(lang: str, term_words: frozenset[str]) -> dict[str, str]:
    """The term lexicon for `lang`: from the cache folder, else built (once) and stored there.
    JSON, not pickle: a file in a cache folder is data, never code. A cache that cannot be
    written only costs time; a damaged one is rebuilt."""
    path = _cache_dir() / _cache_key(lang, term_words)
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(loaded, dict):
            return loaded
    except (OSError, ValueError):
        pass
    built = _build_lexicon(lang, term_words)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(built, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        tmp.replace(path)
        _prune(path)
    except OSError:
        pass
    return built


def _prune(keep: Path) -> None:
    """Old lexicons of the language (other terms or simplemma versions) beyond the newest few."""
    lang = keep.name.split("-")[1]
    others = sorted(keep.parent.glob(f"lexicon-{lang}-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[KEEP_LEXICONS:]:
        if old != keep:
            old.unlink(missing_ok=True)


class Lemmatiser:
    """Lemmas for one language and one set of terms, cached per distinct word: a long document
    repeats its words, so each is looked up once."""

    def __init__(self, lang: str, term_words: frozenset[str]):
        self.lang = lang
        self._lexicon = lexicon(lang, term_words)
        self._seen: dict[str, tuple[str, bool]] = {}
        self._stems: dict[str, list[str]] = {}  # first letters -> long term words, for guessing
        for word in term_words:
            if len(word) >= GUESS_MIN:
                self._stems.setdefault(word[:GUESS_MIN - 1], []).append(word)

    def term(self, word: str) -> str:
        return word.lower()

    def lemma(self, word: str) -> str:
        return self.lookup(word)[0]

    def lookup(self, word: str) -> tuple[str, bool]:
        """(lemma, whether the dictionary knew it), once per distinct word."""
        found = self._seen.get(word)
        if found is None:
            lemma = self._lookup(word)
            found = self._seen[word] = (lemma, lemma != word or word in self._lexicon)
        return found

    def _lookup(self, word: str) -> str:
        known = self._lexicon.get(word)
        if known is not None:
            return known
        if "-" in word:  # "ELY-keskuksen": its last part inflects
            head, _, last = word.rpartition("-")
            return f"{head}-{self._lookup(last)}"
        # an unknown compound: its longest ending that is a known form of a term word
        for i in range(MIN_MODIFIER, len(word) - MIN_SUFFIX + 1):
            head = self._lexicon.get(word[i:])
            if head is not None:
                return word[:i] + head
        return self._guess(word)

    def _guess(self, word: str) -> str:
        """A word the dictionary does not know as a form of a term ("vastaanottavuutta"): the
        term word it shares a long beginning with, when only a case ending differs. A stemmer's
        guess, kept strict (all but the last letter of a term word of seven letters or more,
        and at most five letters after it) because a derived word ("tilastointi" from
        "tilasto") is another word."""
        for term in self._stems.get(word[:GUESS_MIN - 1], ()):
            shared = len(os.path.commonprefix([word, term]))
            if shared >= len(term) - 1 and len(word) - shared <= 5:
                return term
        return word

    def tokens(self, text: str) -> list[Token]:
        tokens = []
        for word, start, end in words(text):
            lemma, known = self.lookup(word)
            tokens.append(Token(word, lemma, start, end, known))
        return tokens


def guess_language(text: str) -> str:
    """"fi" or "sv" by the commonest little words; Finnish when in doubt."""
    counts = {"fi": 0, "sv": 0}
    marks = {"fi": {"ja", "on", "että", "ovat", "sekä", "kunnan", "myös"},
             "sv": {"och", "är", "att", "som", "för", "av", "med", "kommunen"}}
    for word, _, _ in words(text[:20000]):
        for lang, mark in marks.items():
            if word in mark:
                counts[lang] += 1
    return "sv" if counts["sv"] > counts["fi"] else "fi"
