"""The OpenAPI 3.1 description of /api/v1/, written by hand so the field names stay a stable promise."""

from django.conf import settings

from directory.choices import ChannelKind, Confidence, Scope, Service
from directory.countries import ISO_CODES

CODES = sorted(ISO_CODES)
LANGUAGES = [code for code, _ in settings.LANGUAGES]


def _nullable(kind: str, **extra) -> dict:
    return {"type": [kind, "null"], **extra}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERROR = _json(_ref("Error"), "A parameter is wrong; `error.parameter` names it.")
NOT_FOUND = _json(_ref("Error"), "No such country.")
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
    "Source": {
        "type": "object",
        "required": ["url", "title", "verified_on", "confidence"],
        "description": "Where a fact was read, and when it was last verified.",
        "properties": {
            "url": {"type": "string", "format": "uri"},
            "title": {"type": "string"},
            "verified_on": {"type": "string", "format": "date"},
            "confidence": {"type": "string", "enum": [c.value for c in Confidence]},
        },
    },
    "Channel": {
        "type": "object",
        "required": [
            "name",
            "kind",
            "scope",
            "country",
            "url",
            "phone",
            "email",
            "languages",
            "anonymous",
            "hours",
            "how_to",
            "inhope_member",
            "source",
        ],
        "properties": {
            "name": {"type": "string"},
            "kind": {"type": "string", "enum": [k.value for k in ChannelKind]},
            "scope": {
                "type": "string",
                "enum": [s.value for s in Scope],
                "description": "What it takes reports of: situations in person, material online, or both.",
            },
            "country": _nullable("string", description="ISO 3166-1 alpha-2; null for international channels."),
            "url": _nullable("string"),
            "phone": _nullable("string"),
            "email": _nullable("string"),
            "languages": {"type": "array", "items": {"type": "string"}},
            "anonymous": _nullable("boolean", description="Whether anonymous reports are accepted; null if unknown."),
            "hours": _nullable("string"),
            "how_to": _nullable("string"),
            "inhope_member": {"type": "boolean"},
            "source": _ref("Source"),
        },
    },
    "EmergencyNumber": {
        "type": "object",
        "required": ["service", "number", "note", "source"],
        "properties": {
            "service": {"type": "string", "enum": [s.value for s in Service]},
            "number": {"type": "string"},
            "note": _nullable("string"),
            "source": _ref("Source"),
        },
    },
    "Jurisdiction": {
        "type": ["object", "null"],
        "required": ["nationals", "residents", "summary", "source"],
        "description": "Whether the country can prosecute offences its nationals or residents commit abroad.",
        "properties": {
            "nationals": _nullable("boolean"),
            "residents": _nullable("boolean"),
            "summary": {"type": "string"},
            "source": _ref("Source"),
        },
    },
    "CountryName": {
        "type": "object",
        "required": ["code", "name"],
        "properties": {"code": {"type": "string"}, "name": {"type": "string"}},
    },
    "CountrySummary": {
        "type": "object",
        "required": ["code", "name", "has_mechanism"],
        "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "has_mechanism": {"type": "boolean"}},
    },
    "Country": {
        "type": "object",
        "required": ["code", "name", "has_mechanism", "emergency_numbers", "channels", "alternatives", "jurisdiction"],
        "properties": {
            "code": {"type": "string"},
            "name": {"type": "string"},
            "has_mechanism": {"type": "boolean"},
            "emergency_numbers": {"type": "array", "items": _ref("EmergencyNumber")},
            "channels": {"type": "array", "items": _ref("Channel"), "description": "Official mechanisms."},
            "alternatives": {
                "type": "array",
                "items": _ref("Channel"),
                "description": "Child helplines, partner organisations, tourist police…",
            },
            "jurisdiction": _ref("Jurisdiction"),
        },
    },
    "Step": {
        "type": "object",
        "required": [
            "kind",
            "country",
            "no_known_mechanism",
            "alternatives",
            "emergency_numbers",
            "channels",
            "jurisdiction",
        ],
        "properties": {
            "kind": {
                "type": "string",
                "enum": ["emergency", "online_material", "happened", "lives", "nationality", "alternatives"],
            },
            "country": {"oneOf": [_ref("CountryName"), {"type": "null"}]},
            "no_known_mechanism": {"type": "boolean"},
            "alternatives": {"type": "boolean", "description": "The channels are alternatives, not official ones."},
            "emergency_numbers": {"type": "array", "items": _ref("EmergencyNumber")},
            "channels": {"type": "array", "items": _ref("Channel")},
            "jurisdiction": _ref("Jurisdiction"),
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
                    "summary": "Every channel shown to witnesses, optionally for one country",
                    "parameters": [
                        {
                            "name": "country",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "string", "pattern": "^[A-Za-z]{2}$"},
                        }
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
                    "responses": {
                        "200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}}
                    },
                }
            },
            "/emergency-numbers.csv": {
                "get": {
                    "summary": "Every emergency number as CSV",
                    "responses": {
                        "200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}}
                    },
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }
