"""Plain words for the parts of a document, so that `explain` and the findings speak of
"tavoitteet" and "vastuutaho", never of `goals[*].measures[*].responsible`.
The one table of Finnish and English names for path segments; a segment missing here is
shown as its key with spaces for underscores."""

from __future__ import annotations

from typing import Any, NamedTuple

from kotocheck import locations


class Word(NamedTuple):
    fi: str
    en: str
    # For lists: one entry, and "every entry has" in Finnish (adessive: "jokaisella tavoitteella").
    fi_one: str = ""
    en_one: str = ""
    fi_each: str = ""
    # For lists, the Finnish cases a message about entries needs: ablative ("mittarilta M2.1
    # puuttuu"), adessive ("mittarilla M2.1 ei ole") and partitive after a number ("3 muuta
    # tavoitetta"), each singular and plural.
    fi_from: str = ""
    fi_from_many: str = ""
    fi_at: str = ""
    fi_at_many: str = ""
    fi_part: str = ""


SEGMENTS: dict[str, Word] = {
    # lists
    "goals": Word("tavoitteet", "goals", "tavoite", "goal", "jokaisella tavoitteella",
                   "tavoitteelta", "tavoitteilta", "tavoitteella", "tavoitteilla", "tavoitetta"),
    "measures": Word("toimenpiteet", "measures", "toimenpide", "measure", "jokaisella toimenpiteellä",
                      "toimenpiteeltä", "toimenpiteiltä", "toimenpiteellä", "toimenpiteillä", "toimenpidettä"),
    "indicators": Word("mittarit", "indicators", "mittari", "indicator", "jokaisella mittarilla",
                        "mittarilta", "mittareilta", "mittarilla", "mittareilla", "mittaria"),
    "services": Word("palvelut", "services", "palvelu", "service", "jokaisella palvelulla",
                      "palvelulta", "palveluilta", "palvelulla", "palveluilla", "palvelua"),
    "figures": Word("tilannekuvan luvut", "figures", "luku", "figure", "jokaisella luvulla",
                     "luvulta", "luvuilta", "luvulla", "luvuilla", "lukua"),
    "findings": Word("tilannekuvan havainnot", "findings", "havainto", "finding", "jokaisella havainnolla",
                      "havainnolta", "havainnoilta", "havainnolla", "havainnoilla", "havaintoa"),
    "members": Word("jäsenet", "members", "jäsen", "member", "jokaisella jäsenellä",
                     "jäseneltä", "jäseniltä", "jäsenellä", "jäsenillä", "jäsentä"),
    "cooperation": Word("yhteistyökumppanit", "cooperation partners", "kumppani", "partner", "jokaisella kumppanilla",
                         "kumppanilta", "kumppaneilta", "kumppanilla", "kumppaneilla", "kumppania"),
    "strategy_links": Word("kytkökset strategioihin", "links to strategies", "kytkös", "link", "jokaisella kytköksellä",
                            "kytkökseltä", "kytköksiltä", "kytköksellä", "kytköksillä", "kytköstä"),
    "immigrant_participation": Word("maahan muuttaneiden osallistuminen", "immigrant participation",
                                    "osallistumistapa", "form of participation", "jokaisella osallistumistavalla",
                                    "osallistumistavalta", "osallistumistavoilta", "osallistumistavalla",
                                    "osallistumistavoilla", "osallistumistapaa"),
    "partners": Word("yhteistyötahot", "partners", "yhteistyötaho", "partner", "jokaisella yhteistyötaholla",
                      "yhteistyötaholta", "yhteistyötahoilta", "yhteistyötaholla", "yhteistyötahoilla", "yhteistyötahoa"),
    "funding": Word("rahoituslähteet", "funding sources", "rahoituslähde", "funding source", "jokaisella rahoituslähteellä",
                     "rahoituslähteeltä", "rahoituslähteiltä", "rahoituslähteellä", "rahoituslähteillä", "rahoituslähdettä"),
    "not_applicable": Word("soveltumattomat kohdat", "items that do not apply", "kohta", "item", "jokaisella kohdalla",
                            "kohdalta", "kohdilta", "kohdalla", "kohdilla", "kohtaa"),
    # fields
    "identification": Word("tunnistetiedot", "identification"),
    "approval": Word("hyväksyminen", "approval"),
    "approvals": Word("hyväksymispäätökset", "approval decisions"),
    "body": Word("hyväksyjä", "approving body"),
    "date": Word("päivämäärä", "date"),
    "period": Word("kausi", "period"),
    "start": Word("alku", "start"),
    "end": Word("loppu", "end"),
    "document_form": Word("asiakirjan muoto", "form of the document"),
    "budget_link": Word("kytkös talousarvioon", "link to the budget"),
    "budget": Word("budjetti", "budget"),
    "process": Word("valmistelu", "drafting"),
    "coordinator": Word("koordinoija", "coordinator"),
    "authority": Word("viranomainen", "authority"),
    "decision_makers": Word("päättäjien sitoutuminen", "decision-makers' commitment"),
    "ely_contact": Word("ELY-keskuksen osallistuminen", "the ELY Centre's part"),
    "external_experts": Word("ulkopuoliset asiantuntijat", "external experts"),
    "goal_setting": Word("tavoitteiden asettaminen", "how the goals were set"),
    "planning_mode": Word("suunnittelutapa", "planning mode"),
    "wellbeing_county_coordination": Word("yhteensovitus hyvinvointialueen kanssa",
                                          "coordination with the wellbeing services county"),
    "working_group": Word("yhteistyöryhmä", "working group"),
    "schedule": Word("aikataulu", "schedule"),
    "situation": Word("tilannekuva", "situation picture"),
    "topic": Word("aihe", "topic"),
    "source": Word("tietolähde", "data source"),
    "year": Word("vuosi", "year"),
    "sections": Word("sisältökohdat", "sections"),
    "population_relations": Word("väestösuhteet", "population relations"),
    "responsibilities": Word("vastuunjako", "division of responsibilities"),
    "specific_services": Word("erityispalvelut", "specific services"),
    "general_services": Word("yleiset palvelut", "general services"),
    "children_and_youth": Word("lapset, nuoret ja perheet", "children, young people and families"),
    "outside_workforce": Word("työvoiman ulkopuolella olevat", "people outside the labour force"),
    "international_protection": Word("kansainvälistä suojelua saavat", "people granted international protection"),
    "accessibility": Word("saavutettavuus", "accessibility"),
    "digital_services": Word("digitaaliset palvelut", "digital services"),
    "staff_competence": Word("henkilöstön osaaminen", "staff competence"),
    "monitoring": Word("seuranta", "monitoring"),
    "responsible": Word("vastuutaho", "responsible party"),
    "reports_to": Word("raportoinnin vastaanottaja", "to whom it reports"),
    "reported_to": Word("raportin vastaanottaja", "recipient of the report"),
    "frequency": Word("seurannan tiheys", "how often"),
    "method": Word("seurantatapa", "method"),
    "updating": Word("päivittäminen", "updating"),
    "early_update": Word("päivitys ennen kauden loppua", "update before the period ends"),
    "communication": Word("viestintä", "communication"),
    "audiences": Word("kohderyhmät", "audiences"),
    "channels": Word("kanavat", "channels"),
    "sector": Word("sektori", "sector"),
    "type": Word("laji", "type"),
    "themes": Word("teemat", "themes"),
    "change": Word("tavoiteltu muutos", "change sought"),
    "title": Word("otsikko", "title"),
    "description": Word("kuvaus", "description"),
    "progress": Word("edistyminen", "progress"),
    "status": Word("tila", "status"),
    "provider": Word("tuottaja", "provider"),
    "target_groups": Word("kohderyhmät", "target groups"),
    "arranged_by": Word("järjestäjä", "arranged by"),
    "jobseekers": Word("työnhakijoille", "for jobseekers"),
    "others": Word("muille", "for others"),
    "arrangement": Word("järjestämisvastuu", "who arranges"),
    "file": Word("tiedosto", "file"),
    "catalogue": Word("mittariluettelon tunnus", "indicator catalogue id"),
    "custom_source": Word("oma tietolähde", "own data source"),
    "name": Word("nimi", "name"),
    "target": Word("tavoitearvo", "target"),
    "timeframe": Word("aikajänne", "timeframe"),
    "goal": Word("tavoitteen tunnus", "goal id"),
    "measure": Word("toimenpiteen tunnus", "measure id"),
    "indicator": Word("mittarin tunnus", "indicator id"),
    "wellbeing_county": Word("hyvinvointialue", "wellbeing services county"),
    "groups": Word("ryhmät", "groups"),
    "participants": Word("osallistujat", "participants"),
    "relation": Word("suhde ohjelmaan", "relation to the programme"),
    "programme": Word("seurattava ohjelma", "programme followed"),
    "summary": Word("yhteenveto", "summary"),
    "municipality": Word("kunta", "municipality"),
    "organisation": Word("organisaatio", "organisation"),
    "representative": Word("edustaja", "representative"),
    "partner": Word("kumppani", "partner"),
    "form": Word("yhteistyön muoto", "form of cooperation"),
    "role": Word("tehtävä", "role"),
    "label": Word("selite", "label"),
    "text": Word("teksti", "text"),
    "value": Word("arvo", "value"),
    "unit": Word("yksikkö", "unit"),
    "baseline": Word("lähtötaso", "baseline"),
    "amount": Word("summa", "amount"),
    "total": Word("kokonaissumma", "total"),
    "note": Word("huomautus", "note"),
    "reference": Word("pöytäkirjaviite", "reference to the minutes"),
    "reason": Word("perustelu", "reason"),
    "table": Word("taulukko", "table"),
    "url": Word("osoite", "address"),
    "languages": Word("kielet", "languages"),
    "publication": Word("julkaisupaikka", "where it is published"),
    "service": Word("vähimmäispalvelu", "minimum service"),
    "strategy_link": Word("kytkös strategiaan", "link to the strategy"),
    "host_document": Word("suunnitteluasiakirja, johon ohjelma sisältyy", "host planning document"),
    "joint_with": Word("yhteistyökunnat", "joint with"),
    "previous_programme": Word("edellinen ohjelma", "previous programme"),
    "prepared_by": Word("laatija", "prepared by"),
    "valid_from": Word("voimassa alkaen", "valid from"),
    "guidance_and_counselling": Word("ohjaus ja neuvonta", "guidance and counselling"),
    "service_coordination": Word("palvelujen yhteensovitus", "coordination of services"),
}

# A filter on a list names a value of this vocabulary (services[service=guidance]).
SELECTOR_VOCABULARY = {"service": "minimum_service"}
SEPARATOR = " → "  # between a part of the document and a part inside it
COMMA = {"fi": ", ", "en": ", "}
OR = {"fi": " tai ", "en": " or "}
AND = {"fi": " ja ", "en": " and "}
# Between groups of fields that sit in different places, (separator, before the last):
# "hyväksyjä ja päivämäärä (…) sekä vastuutaho (…)".
BETWEEN = {" ja ": {"fi": (", ", " sekä "), "en": ("; ", "; ")}, " tai ": {"fi": (", ", " tai "), "en": (", ", " or ")}}


def word(segment: str) -> Word:
    found = SEGMENTS.get(segment)
    if found:
        return found
    plain = segment.replace("_", " ")
    return Word(plain, plain, plain, plain, f"jokaisella kohdalla {plain}")


def _selector_words(selector: str) -> dict[str, str] | None:
    if "=" not in selector:
        return None
    field, value = selector.split("=", 1)
    vocabulary = SELECTOR_VOCABULARY.get(field)
    if vocabulary:
        from kotocheck.checklist import label

        return label(vocabulary, value)
    return {"fi": value.replace("_", " "), "en": value.replace("_", " ")}


def place(expression: str) -> dict[str, str]:
    """`services[service=guidance].arranged_by.jobseekers` -> "palvelut: ohjaus ja neuvonta → järjestäjä → työnhakijoille"."""
    return _steps_words(locations.parse(expression))


def places(expressions: list[str], joiner: dict[str, str] = COMMA) -> dict[str, str]:
    """Several places, a shared part said once: "tavoitteet → otsikko, kuvaus tai tavoiteltu muutos"."""
    groups: list[tuple[str, list[str]]] = []  # (parent expression, its leaves), in order
    for expression in expressions:
        parent, _, leaf = expression.rpartition(".")
        if groups and groups[-1][0] == parent and parent:
            groups[-1][1].append(leaf)
        else:
            groups.append((parent, [leaf]))
    out: dict[str, list[str]] = {"fi": [], "en": []}
    for parent, leaves in groups:
        shown = [place(leaf) for leaf in leaves]
        head = place(parent) if parent else None
        for lang in ("fi", "en"):
            leaf_words = [s[lang] for s in shown]
            joined = (", ".join(leaf_words[:-1]) + joiner[lang] + leaf_words[-1]) if len(leaf_words) > 1 else leaf_words[0]
            out[lang].append(f"{head[lang]}{SEPARATOR}{joined}" if head else joined)
    between = {lang: "; " if any(len(leaves) > 1 for _, leaves in groups) else joiner[lang] for lang in ("fi", "en")}
    return {lang: between[lang].join(parts) for lang, parts in out.items()}


def _joined(items: list[str], joiner: str, separator: str = ", ") -> str:
    return (separator.join(items[:-1]) + joiner + items[-1]) if len(items) > 1 else (items[0] if items else "")


def _steps_words(steps: tuple) -> dict[str, str]:
    """Plain words of path steps, a step that chooses an entry by a value named by that value."""
    parts: dict[str, list[str]] = {"fi": [], "en": []}
    for step in steps:
        w = word(step.key)
        fi, en = w.fi, w.en
        for selector in step.selectors:
            chosen = _selector_words(selector)
            if chosen:
                fi, en = f"{fi}: {chosen.get('fi', '')}", f"{en}: {chosen.get('en', '')}"
        parts["fi"].append(fi)
        parts["en"].append(en)
    return {lang: SEPARATOR.join(p) for lang, p in parts.items()}


def missing(expressions: list[str], joiner: dict[str, str] = AND) -> dict[str, str]:
    """What is missing, then where it belongs, in plain words:
    ["identification.approval.body", "identification.approval.date"] -> "hyväksyjä ja päivämäärä
    (tunnistetiedot → hyväksyminen)"; an entry chosen by a value is named by it:
    "services[service=guidance]" -> "palvelu ”kotoutumisohjelman aikainen ohjaus ja neuvonta”",
    "services[service=guidance].arranged_by.others" -> "järjestäjä → muille (palvelu ”…”)"."""
    # (what kind of group, where) -> leaves, in the order written
    groups: dict[tuple, list] = {}
    for expression in expressions:
        steps = locations.parse(expression)
        chooser = max((i for i, s in enumerate(steps) if any("=" in sel for sel in s.selectors)), default=None)
        if chooser is not None:
            entry, rest = steps[chooser], steps[chooser + 1:]
            value = next(sel for sel in entry.selectors if "=" in sel)
            groups.setdefault(("entry", steps[:chooser], entry.key, tuple(s.key for s in rest)), []).append(
                (value, rest))
        else:
            groups.setdefault(("field", steps[:-1]), []).append(steps[-1:])
    shown: dict[str, list[str]] = {"fi": [], "en": []}
    for key, leaves in groups.items():
        if key[0] == "field":
            what = [_steps_words(leaf) for leaf in leaves]
            where = _steps_words(key[1]) if key[1] else None
            for lang in ("fi", "en"):
                text = _joined([w[lang] for w in what], joiner[lang])
                shown[lang].append(f"{text} ({where[lang]})" if where else text)
            continue
        _, above, list_word, _ = key
        w = word(list_word)
        labels = [_selector_words(value) or {"fi": value, "en": value} for value, _ in leaves]
        rest = leaves[0][1]
        for lang in ("fi", "en"):
            noun = (w.fi_one if lang == "fi" else w.en_one) or (w.fi if lang == "fi" else w.en)
            if len(labels) > 1:
                noun = w.fi if lang == "fi" else w.en
            names = [f"”{label.get(lang) or label.get('en', '')}”" for label in labels[:SHOWN]]
            if len(labels) > SHOWN:
                names.append(f"{len(labels) - SHOWN} muuta" if lang == "fi" else f"{len(labels) - SHOWN} more")
            entries_text = f"{noun} {_joined(names, AND[lang])}"
            if above:
                entries_text = f"{_steps_words(above)[lang]}{SEPARATOR}{entries_text}"
            shown[lang].append(f"{_steps_words(rest)[lang]} ({entries_text})" if rest else entries_text)
    between = BETWEEN.get(joiner["fi"], BETWEEN[" ja "])
    return {lang: _joined(parts, between[lang][1], between[lang][0]) for lang, parts in shown.items()}


def list_key(expression: str) -> str:
    """The last list an expression walks through: `goals[*].measures[*]` -> measures."""
    keys = [s.key for s in locations.parse(expression) if s.selectors]
    return keys[-1] if keys else locations.parse(expression)[-1].key


def vocabulary_words(vocabulary: str, values: list[str], joiner: dict[str, str] = COMMA) -> dict[str, str]:
    """The labels of vocabulary values (or groups), e.g. "työvoimaviranomainen tai kunta"."""
    from kotocheck.checklist import label

    shown = [label(vocabulary, v) for v in values]
    return {lang: joiner[lang].join(s.get(lang) or s.get("en", "") for s in shown) for lang in ("fi", "en")}


ID_FIELDS = ("id", "goal", "measure", "name", "title", "label", "organisation", "partner")


def _own_name(entry: Any) -> str | None:
    if isinstance(entry, dict):
        for key in ID_FIELDS:
            value = entry.get(key)
            if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
                return str(value).strip()
    return None


def entry_name(data: Any, path: tuple) -> dict[str, str]:
    """How a person names a list entry: its id (T2), title or name, else its number ("nro 3")."""
    node: Any = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
            break
    own = _own_name(node)
    if own:
        return {"fi": own, "en": own}
    if path and isinstance(path[-1], int):
        return {"fi": f"nro {path[-1] + 1}", "en": f"no. {path[-1] + 1}"}
    # not an entry of a list: the words of its place
    return {lang: SEPARATOR.join(getattr(word(k), lang) for k in path if isinstance(k, str)) for lang in ("fi", "en")}


def entries(data: Any, key: str, paths: list[tuple]) -> dict[str, str]:
    """"tavoitteet T2, T5" or "tavoite T2": the list's word with the entries' names."""
    w = word(key)
    names = [entry_name(data, p) for p in paths[:SHOWN]]
    noun = {"fi": w.fi if len(paths) > 1 else w.fi_one or w.fi, "en": w.en if len(paths) > 1 else w.en_one or w.en}
    # Titles hold commas of their own: quote them so the list reads unambiguously.
    quote = any("," in n[lang] for n in names for lang in ("fi", "en"))
    more = len(paths) - len(names)
    out = {}
    for lang in ("fi", "en"):
        shown = ", ".join(f"”{n[lang]}”" if quote else n[lang] for n in names)
        if more:  # every entry is still located in JSON and SARIF (related locations)
            shown += f" ja {more} muuta" if lang == "fi" else f" and {more} more"
        out[lang] = f"{noun[lang]} {shown}"
    return out


SHOWN = 5  # entries named in a message; the rest are counted


def parent_entry(path: tuple) -> tuple:
    """The list entry a nested entry belongs to: ("goals", 1) for ("goals", 1, "indicators", 0);
    () for an entry of a list at the top."""
    inside = [i for i, part in enumerate(path[:-1]) if isinstance(part, int)]
    return path[:inside[-1] + 1] if inside else ()


def entry_label(data: Any, path: tuple) -> dict[str, str]:
    """An entry with its list's word: "tavoite T2" / "goal T2"."""
    w = word(path[-2]) if len(path) > 1 and isinstance(path[-2], str) else word("")
    name = entry_name(data, path)
    return {"fi": f"{w.fi_one or w.fi} {name['fi']}".strip(), "en": f"{w.en_one or w.en} {name['en']}".strip()}


def nested_entries(data: Any, key: str, paths: list[tuple], case: str) -> dict[str, str]:
    """Entries of a list inside an entry, named by their own id or number, the Finnish noun in
    `case` ("from": ablative, "at": adessive): "mittarilta M2.1", "mittareilla M2.1, nro 3";
    in English "indicator M2.1", "indicators M2.1, no. 3"."""
    w = word(key)
    many = len(paths) > 1
    names = [entry_name(data, path) for path in paths[:SHOWN]]
    quote = any("," in n[lang] for n in names for lang in ("fi", "en"))
    more = len(paths) - len(names)
    fi_noun = getattr(w, f"fi_{case}_many" if many else f"fi_{case}") or (w.fi if many else w.fi_one or w.fi)
    en_noun = w.en if many else w.en_one or w.en
    out = {}
    for lang, noun in (("fi", fi_noun), ("en", en_noun)):
        shown = ", ".join(f"”{n[lang]}”" if quote else n[lang] for n in names)
        if more:
            shown += f" ja {more} muulta" if lang == "fi" and case == "from" else \
                f" ja {more} muulla" if lang == "fi" else f" and {more} more"
        out[lang] = f"{noun} {shown}"
    return out


def quoted(values: list[Any]) -> str:
    return ", ".join(f"'{v}'" for v in values)
