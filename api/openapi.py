"""The OpenAPI 3.1 description of /api/v1/.

The records' schemas come from their declarations in `directory/records.py`, as the API's answers do, so
the two cannot drift apart; the rest is written by hand, so the field names stay a stable promise."""

from typing import Any

from django.conf import settings

from api.serializers import channel_filters, translations_of
from directory.countries import ISO_CODES
from directory.records import Channel, EmergencyNumber, Fact, Jurisdiction, Source, Type, facts, has_source
from guide.routing import Fallback, StepKind

CODES = sorted(ISO_CODES)
LANGUAGES = [code for code, _ in settings.LANGUAGES]


def _nullable(kind: str, **extra) -> dict:
    return {"type": [kind, "null"], **extra}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _array(schema: str, description: str = "") -> dict:
    return {"type": "array", "items": _ref(schema), **({"description": description} if description else {})}


def _or_null(schema: str, description: str = "") -> dict:
    return {"oneOf": [_ref(schema), {"type": "null"}], **({"description": description} if description else {})}


PLACES = _array("Channel", "Places to report: official channels and national reporting points.")
ALTERNATIVES = _array(
    "Channel",
    "Alternatives, labelled as such (child helplines, partner organisations…): not places to report, but help.",
)


def _property(spec: Fact, default: Any) -> dict:
    nullable = not spec.required
    match spec.type:
        case Type.LANGUAGES:
            schema: dict = {"type": "array", "items": {"type": "string"}}
        case Type.FLAG:
            schema = _nullable("boolean") if default is None else {"type": "boolean"}
        case Type.CHOICE:
            schema = {"type": "string", "enum": [choice.value for choice in spec.choices]}
        case Type.DATE:
            schema = _nullable("string", format="date") if nullable else {"type": "string", "format": "date"}
        case Type.ROUGH_DATE:
            schema = _nullable("string", pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
        case Type.URL:
            schema = _nullable("string", format="uri") if nullable else {"type": "string", "format": "uri"}
        case _:
            schema = _nullable("string") if nullable else {"type": "string"}
    return {**schema, "description": spec.help} if spec.help else schema


def fact_schema(record_class: type, **extra: dict) -> dict:
    """The schema of a record as the API publishes it, from the record's own declaration."""
    properties = {}
    for name, spec, default in facts(record_class):
        if spec.public:
            properties[name] = _property(spec, default)
            if spec.type == Type.NOTE:
                properties[translations_of(name)] = {
                    "type": "object",
                    "additionalProperties": {"type": "string"},
                    "description": f"The words of `{name}` in other languages of the site, by language code "
                    "(`fr`, `pt-br`); empty when only English is given.",
                }
    if has_source(record_class):
        properties["source"] = _ref("Source")
    properties |= extra
    return {"type": "object", "required": list(properties), "properties": properties}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERROR = _json(_ref("Error"), "A parameter is wrong; `error.parameter` names it.")
NOT_FOUND = _json(_ref("Error"), "No such country.")
CSV_CELLS = (
    "So that no cell runs as a formula in a spreadsheet, a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage "
    "return is written with a leading `'`. A `phone` or `number` that is only `+`, digits, spaces and hyphens "
    "(`+66 2 123 4567`) is written as it dials, without the quote."
)
LANG = {
    "name": "lang",
    "in": "query",
    "required": False,
    "description": "Language of country names.",
    "schema": {"type": "string", "enum": LANGUAGES, "default": "en"},
}

SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["parameter", "message"],
                "properties": {"parameter": {"type": "string"}, "message": {"type": "string"}},
            }
        },
    },
    "Source": {**fact_schema(Source), "description": "Where a fact was read, and when it was last verified."},
    "Channel": fact_schema(
        Channel, country=_nullable("string", description="ISO 3166-1 alpha-2; null for international channels.")
    ),
    "EmergencyNumber": fact_schema(EmergencyNumber),
    "Jurisdiction": {
        **fact_schema(Jurisdiction),
        "description": "Whether the country can prosecute offences its nationals or residents commit abroad.",
    },
    "HasMechanism": {
        "type": "object",
        "required": ["in_person", "online"],
        "description": "Whether the country has a place to report (an official channel or a national reporting "
        "point) for a situation seen in person, and for material seen online.",
        "properties": {"in_person": {"type": "boolean"}, "online": {"type": "boolean"}},
    },
    "CountryName": {
        "type": "object",
        "required": ["code", "name"],
        "properties": {"code": {"type": "string"}, "name": {"type": "string"}},
    },
    "CountrySummary": {
        "type": "object",
        "required": ["code", "name", "has_mechanism"],
        "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "has_mechanism": _ref("HasMechanism")},
    },
    "Country": {
        "type": "object",
        "required": ["code", "name", "has_mechanism", "emergency_numbers", "channels", "alternatives", "jurisdiction"],
        "properties": {
            "code": {"type": "string"},
            "name": {"type": "string"},
            "has_mechanism": _ref("HasMechanism"),
            "emergency_numbers": _array("EmergencyNumber"),
            "channels": PLACES,
            "alternatives": ALTERNATIVES,
            "jurisdiction": _or_null("Jurisdiction"),
        },
    },
    "Step": {
        "type": "object",
        "required": [
            "kind",
            "country",
            "fallback",
            "no_known_mechanism",
            "emergency_numbers",
            "home",
            "home_emergency_numbers",
            "police_numbers",
            "channels",
            "alternatives",
            "jurisdiction",
        ],
        "properties": {
            "kind": {"type": "string", "enum": [kind.value for kind in StepKind]},
            "country": _or_null("CountryName"),
            "fallback": {
                "type": "string",
                "enum": [fallback.value for fallback in Fallback],
                "description": "`police` when the country has no specific place to report what was seen: any "
                "police station takes reports (`police_numbers`); `nothing` when not even a police number is known.",
            },
            "no_known_mechanism": {"type": "boolean", "description": "Nothing is known: fallback is `nothing`."},
            "emergency_numbers": _array("EmergencyNumber"),
            "home": _or_null("CountryName", "For danger far from home: the witness's own country."),
            "home_emergency_numbers": _array("EmergencyNumber"),
            "police_numbers": _array("EmergencyNumber"),
            "channels": PLACES,
            "alternatives": ALTERNATIVES,
            "jurisdiction": _or_null("Jurisdiction"),
        },
    },
    "Plan": {
        "type": "object",
        "required": ["answers", "steps"],
        "properties": {
            "answers": {
                "type": "object",
                "required": ["danger", "seen", "happened", "lives", "nationality"],
                "properties": {
                    "danger": {"type": "boolean"},
                    "seen": {"type": "string", "enum": ["in_person", "online"]},
                    "happened": {"type": "string"},
                    "lives": {"type": "string"},
                    "nationality": _nullable("string"),
                },
            },
            "steps": {"type": "array", "minItems": 1, "items": _ref("Step")},
        },
    },
}


def _filter_params() -> list[dict]:
    """One query parameter per fact the channels can be filtered on (api.serializers.channel_filters)."""
    params = []
    for name, spec in channel_filters().items():
        values = ["true", "false"] if spec.type == Type.FLAG else [choice.value for choice in spec.choices]
        description = f"Only channels whose `{name}` is this" + (
            " (unknown ones are left out)." if spec.type == Type.FLAG else "."
        )
        params.append(
            {
                "name": name,
                "in": "query",
                "required": False,
                "description": description,
                "schema": {"type": "string", "enum": values},
            }
        )
    return params


def _country_param(name: str, required: bool, extra: tuple[str, ...], description: str) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": {"type": "string", "enum": [*extra, *CODES]},
    }


def openapi_document(server: str) -> dict:
    cache = {"Cache-Control": {"schema": {"type": "string"}}, "ETag": {"schema": {"type": "string"}}}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Don’t Look Away — reporting directory API",
            "version": "1.0.0",
            "description": "Where and how to report the sexual exploitation of children, country by country. "
            "Read-only, no authentication, no cookies; every fact carries its source and date. "
            "Data licence: CC BY-SA 4.0.",
            "license": {"name": "CC BY-SA 4.0 (data)", "url": "https://creativecommons.org/licenses/by-sa/4.0/"},
        },
        "servers": [{"url": server}],
        "paths": {
            "/plan": {
                "get": {
                    "summary": "The ordered reporting plan for a witness's answers",
                    "parameters": [
                        _country_param("happened", True, ("online",), "Where it happened, or online."),
                        _country_param("lives", True, (), "Where the witness lives."),
                        _country_param("nationality", False, ("",), "The offender's nationality; empty if unknown."),
                        {
                            "name": "danger",
                            "in": "query",
                            "required": True,
                            "schema": {"type": "string", "enum": ["yes", "no"]},
                        },
                        {
                            "name": "seen",
                            "in": "query",
                            "required": True,
                            "schema": {"type": "string", "enum": ["in_person", "online"]},
                        },
                        LANG,
                    ],
                    "responses": {"200": {**_json(_ref("Plan"), "The plan."), "headers": cache}, "400": ERROR},
                }
            },
            "/countries": {
                "get": {
                    "summary": "Every ISO 3166-1 country, named in the language asked for",
                    "parameters": [LANG],
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "required": ["countries"],
                                "properties": {"countries": {"type": "array", "items": _ref("CountrySummary")}},
                            },
                            "The countries.",
                        ),
                        "400": ERROR,
                    },
                }
            },
            "/countries/{code}": {
                "get": {
                    "summary": "A country's emergency numbers, reporting channels, alternatives and law",
                    "parameters": [
                        {
                            "name": "code",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "pattern": "^[A-Za-z]{2}$"},
                        },
                        LANG,
                    ],
                    "responses": {"200": _json(_ref("Country"), "The country."), "400": ERROR, "404": NOT_FOUND},
                }
            },
            "/channels": {
                "get": {
                    "summary": "Every channel shown to witnesses, optionally for one country, filtered by its facts",
                    "parameters": [
                        {
                            "name": "country",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "string", "pattern": "^[A-Za-z]{2}$"},
                        },
                        *_filter_params(),
                    ],
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "required": ["channels"],
                                "properties": {"channels": {"type": "array", "items": _ref("Channel")}},
                            },
                            "The channels.",
                        ),
                        "400": ERROR,
                        "404": NOT_FOUND,
                    },
                }
            },
            "/directory.json": {
                "get": {
                    "summary": "The whole directory as one JSON download, with licence, sources and date",
                    "responses": {
                        "200": _json(
                            {"type": "object", "required": ["licence", "data_date", "countries"]}, "The download."
                        )
                    },
                }
            },
            "/channels.csv": {
                "get": {
                    "summary": "Every channel as CSV",
                    "description": CSV_CELLS,
                    "responses": {
                        "200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}}
                    },
                }
            },
            "/emergency-numbers.csv": {
                "get": {
                    "summary": "Every emergency number as CSV",
                    "description": CSV_CELLS,
                    "responses": {
                        "200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}}
                    },
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }
