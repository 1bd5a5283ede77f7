"""The guide's questions, shared by the HTML form and the JSON API as the one parser of answers."""

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from directory.countries import ISO_CODES, countries_by_name, normalise_code
from guide.routing import Answers, Seen

ONLINE = "online"
YES_NO = [("yes", _("Yes")), ("no", _("No"))]
# What static/js/country-picker.js says over a country list, in the page's language.
PICKER = {"data-country-picker": _("Type a country’s name to find it"), "data-found": _("Countries found:")}


class CountryField(forms.ChoiceField):
    """A select of every ISO country, named and sorted in the visitor's language."""

    def __init__(self, *, first: list[tuple[str, str | Promise]], **kwargs):
        self.first = first
        super().__init__(choices=self.country_choices, widget=forms.Select(attrs=PICKER), **kwargs)

    def country_choices(self):
        return [*self.first, *countries_by_name()]

    def to_python(self, value):
        # The one place a country code from outside is read, for the HTML form and the API alike: "th" is TH.
        value = super().to_python(value)
        return value if value in {code for code, _ in self.first} else normalise_code(value)

    def valid_value(self, value):
        return value in ISO_CODES or value in {code for code, _ in self.first}


class PlanForm(forms.Form):
    danger = forms.TypedChoiceField(
        label=_("Is a child in danger right now?"),
        choices=YES_NO,
        coerce=lambda answer: answer == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Tell us whether a child is in danger right now.")},
    )
    seen = forms.ChoiceField(
        label=_("What did you see?"),
        choices=[
            (Seen.IN_PERSON.value, _("A situation, in person")),
            (Seen.ONLINE.value, _("Material online: images, video, a live stream, or contact with a child")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Tell us whether you saw it in person or online.")},
    )
    happened = CountryField(
        label=_("Where did it happen?"),
        first=[
            ("", _("Choose a country")),
            (ONLINE, pgettext_lazy("where it happened", "Online, no particular country")),
        ],
        error_messages={"required": _("Choose the country where it happened, or “online”.")},
    )
    lives = CountryField(
        label=_("Where do you live?"),
        first=[("", _("Choose a country"))],
        error_messages={"required": _("Choose the country where you live.")},
    )
    nationality = CountryField(
        label=_("The suspected offender’s nationality, if you know it"),
        first=[("", _("I don’t know"))],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("happened", "lives", "nationality"):
            self.fields[name].error_messages["invalid_choice"] = _("%(value)s is not a country code we know.")

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("happened") == ONLINE:
            # What happened online was seen online, whatever was ticked: the witness still gets a plan.
            data["seen"] = Seen.ONLINE.value
        return data

    def answers(self) -> Answers:
        data = self.cleaned_data
        return Answers(
            danger=data["danger"],
            seen=Seen(data["seen"]),
            happened=None if data["happened"] == ONLINE else data["happened"],
            lives=data["lives"],
            nationality=data.get("nationality") or None,
        )
