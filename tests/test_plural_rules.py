"""Each catalogue's plural rule is CLDR's for its language, so "17 months" takes the form Arabic or Polish asks for.

For every count from 0 to 1,000 (ages are in days, weeks, months and years), the catalogue's `Plural-Forms`
picks a form; CLDR names the count's category (one, two, few, many…). The rule matches when each form always
stands for one and the same category, and there are as many forms as categories met.
"""

from collections import defaultdict

import pytest
from babel import Locale
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils.translation import to_locale

LANGUAGES = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# Our Portuguese is Portugal's, an EU language: CLDR's "pt" alone is Brazil's rule (0 and 1 singular).
CLDR_LOCALE = {"pt": "pt_PT"}


def catalogue_rule(language: str):
    path = settings.BASE_DIR / "locale" / to_locale(language) / "LC_MESSAGES" / "django.po"
    with open(path, "rb") as po:
        header = read_po(po).plural_forms
    expression = header.split("plural=", 1)[1].rstrip("; ")
    expression = expression.replace("&&", " and ").replace("||", " or ").replace("!=", "≠").replace("!", " not ")
    expression = expression.replace("≠", "!=")
    python = _ternaries_to_python(expression)
    return lambda n: int(eval(python, {"n": n}))  # noqa: S307 - our own catalogue headers, not outside input


def _ternaries_to_python(expression: str) -> str:
    """C's `a ? b : c` as Python's `(b if a else c)`, right-associative like C's."""
    depth, question = 0, None
    for index, char in enumerate(expression):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "?" and depth == 0 and question is None:
            question = index
        elif char == ":" and depth == 0 and question is not None:
            condition, yes, no = expression[:question], expression[question + 1 : index], expression[index + 1 :]
            return f"(({_ternaries_to_python(yes)}) if ({condition}) else ({_ternaries_to_python(no)}))"
    stripped = expression.strip()
    if stripped.startswith("(") and stripped.endswith(")") and _balanced(stripped[1:-1]):
        return f"({_ternaries_to_python(stripped[1:-1])})"
    return expression


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_chooses_plural_forms_as_cldr_does(language):
    rule, cldr = catalogue_rule(language), Locale.parse(CLDR_LOCALE.get(language, to_locale(language))).plural_form
    categories_of_form = defaultdict(set)
    for n in range(1001):
        categories_of_form[rule(n)].add(cldr(n))
    assert all(len(categories) == 1 for categories in categories_of_form.values()), dict(categories_of_form)
    assert len(categories_of_form) == len({cldr(n) for n in range(1001)})
