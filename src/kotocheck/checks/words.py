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


SEGMENTS: dict[str, Word] = {
    # lists
    "goals": Word("tavoitteet", "goals", "tavoite", "goal", "jokaisella tavoitteella"),
    "measures": Word("toimenpiteet", "measures", "toimenpide", "measure", "jokaisella toimenpiteellä"),
    "indicators": Word("mittarit", "indicators", "mittari", "indicator", "jokaisella mittarilla"),
    "services": Word("palvelut", "services", "palvelu", "service", "jokaisella palvelulla"),
    "figures": Word("tilannekuvan luvut", "figures", "luku", "figure", "jokaisella luvulla"),
    "findings": Word("tilannekuvan havainnot", "findings", "havainto", "finding", "jokaisella havainnolla"),
    "members": Word("jäsenet", "members", "jäsen", "member", "jokaisella jäsenellä"),
    "cooperation": Word("yhteistyökumppanit", "cooperation partners", "kumppani", "partner", "jokaisella kumppanilla"),
    "strategy_links": Word("kytkökset strategioihin", "links to strategies", "kytkös", "link", "jokaisella kytköksellä"),
    "immigrant_participation": Word("maahan muuttaneiden osallistuminen", "immigrant participation",
                                    "osallistumistapa", "form of participation", "jokaisella osallistumistavalla"),
    "partners": Word("yhteistyötahot", "partners", "yhteistyötaho", "partner", "jokaisella yhteistyötaholla"),
    "funding": Word("rahoituslähteet", "funding sources", "rahoituslähde", "funding source", "jokaisella rahoituslähteellä"),
    "not_applicable": Word("soveltumattomat kohdat", "items that do not apply", "kohta", "item", "jokaisella kohdalla"),
    # fields
    "identification": Word("tunnistetiedot", "identification"),
    "approval": Word("hyväksyminen", "approval"),
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
    "reported_to": Word("kenelle raportoitiin", "to whom it was reported"),
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
SEPARATOR = " › "  # between a part of the document and a part inside it
COMMA = {"fi": ", ", "en": ", "}
OR = {"fi": " tai ", "en": " or "}
AND = {"fi": " ja ", "en": " and "}


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
    """`services[service=guidance].arranged_by.jobseekers` -> "palvelut: ohjaus ja neuvonta › järjestäjä › työnhakijoille"."""
    parts: dict[str, list[str]] = {"fi": [], "en": []}
    for step in locations.parse(expression):
        w = word(step.key)
        fi, en = w.fi, w.en
        for selector in step.selectors:
            chosen = _selector_words(selector)
            if chosen:
                fi, en = f"{fi}: {chosen.get('fi', '')}", f"{en}: {chosen.get('en', '')}"
        parts["fi"].append(fi)
        parts["en"].append(en)
    return {lang: SEPARATOR.join(p) for lang, p in parts.items()}


def places(expressions: list[str], joiner: dict[str, str] = COMMA) -> dict[str, str]:
    """Several places, a shared part said once: "tavoitteet › otsikko, kuvaus tai tavoiteltu muutos"."""
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
    """How a person names a list entry: its id (T2) or its place ("kohta 3"), after its parent's
    name when it is nested and has no name of its own (T1 › kohta 2)."""
    names: list[dict[str, str]] = []
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(part, int):
            own = _own_name(node)
            names.append({"fi": own, "en": own} if own else {"fi": f"kohta {part + 1}", "en": f"entry {part + 1}"})
    if not names:
        shown = locations.dotted(path)
        return {"fi": shown, "en": shown}
    if len(names) > 1 and names[-1]["fi"].startswith("kohta"):
        return {lang: names[-2][lang] + SEPARATOR + names[-1][lang] for lang in ("fi", "en")}
    return names[-1]


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


def quoted(values: list[Any]) -> str:
    return ", ".join(f"'{v}'" for v in values)
