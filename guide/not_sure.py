"""The "Not sure?" page: the signs to look for, each with its sources, and the two lanes a witness can take.

The first barrier to reporting is "I am not sure what I saw" (ECPAT's 2019 survey of travellers). The signs come
from the guidance of ECPAT and its partners and The Code; every sign names where it comes from (see
data/VERIFICATION.md, "3 December — Not sure? signs"), and nothing here is more than those sources say.

The lanes are a pure function of a plan, like the routing itself: a crime seen goes to the plan's police, a doubt
to the plan's hotlines, reporting points and organisations, which assess what they are told.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from directory.records import Channel, EmergencyNumber
from guide.routing import Fallback, Plan, StepKind


@dataclass(frozen=True)
class SignSource:
    name: str  # who says it, as the source names itself: not translated
    url: str


ECPAT_TOURISM_DAY = SignSource(
    "ECPAT International, World Tourism Day 2018",
    "https://ecpat.org/this-world-tourism-day-report-the-sexual-exploitation-of-children-2/",
)
ECPAT_REPORT = SignSource("ECPAT International, Report Child Exploitation", "https://ecpat.org/?p=11129")
INHOPE_ECPAT = SignSource("INHOPE with ECPAT, Don’t Look Away", "https://inhope.org/EN/dont-look-away")
INHOPE_TRAVEL = SignSource(
    "INHOPE, Protect children from sexual exploitation while travelling",
    "https://www.inhope.org/EN/articles/protect-children-from-sexual-exploitation-in-travel-and-tourism",
)
ECPAT_NL = SignSource(
    "Defence for Children – ECPAT Netherlands, Don’t Look Away campaign (Terre des Hommes, July 2018)",
    "https://www.terredeshommes.nl/en/news/new-dont-look-away-campaign-against-child-sex-tourism-kicks",
)
THE_CODE = SignSource("The Code, About", "https://www.thecode.org/about/")


@dataclass(frozen=True)
class Sign:
    text: str | Promise  # translated when shown
    sources: tuple[SignSource, ...]


SIGNS = (
    Sign(
        _(
            "An adult touches a child in an intimate or sexual way: "
            "at a pool, on a beach, in a restaurant, bar or club."
        ),
        (INHOPE_ECPAT, ECPAT_NL),
    ),
    Sign(
        _(
            "An adult takes a child who is not theirs to a hotel room or a private flat, "
            "or adults visit a child’s room."
        ),
        (INHOPE_ECPAT, ECPAT_NL, ECPAT_TOURISM_DAY),
    ),
    Sign(
        _("Someone offers a child to tourists for sex, or a tourist asks where to find one."),
        (ECPAT_NL,),
    ),
    Sign(
        _(
            "A child seems afraid, confused, drunk or drugged, is treated roughly, "
            "or is dressed in a way that does not fit their age."
        ),
        (ECPAT_TOURISM_DAY,),
    ),
    Sign(
        _("Adults give a child money or gifts, or keep a child out late at night."),
        (ECPAT_TOURISM_DAY,),
    ),
    Sign(
        _("An adult takes many photos of children, especially on a beach or by a pool."),
        (INHOPE_ECPAT,),
    ),
    Sign(
        _("A visitor seeks time with children through an orphanage or volunteering."),
        (THE_CODE,),
    ),
    Sign(
        _("Someone talks about sexual experiences with children abroad."),
        (ECPAT_NL,),
    ),
)

# Why the two lanes, and that a doubt is enough: what the sources say about where to take each.
CRIME_SOURCES = (ECPAT_REPORT,)
DOUBT_SOURCES = (INHOPE_ECPAT, INHOPE_TRAVEL, ECPAT_REPORT)

POLICE_KINDS = frozenset({"police", "tourist_police"})
# Who assesses an uncertain situation, in the order a witness with a doubt meets them: places that take reports
# and pass them on first, then official bodies, then helplines and organisations that advise.
DOUBT_KINDS = ("reporting_point", "hotline", "iwf_portal", "government", "helpline", "partner")
REPORT_STEPS = frozenset({StepKind.ONLINE_MATERIAL, StepKind.HAPPENED, StepKind.LIVES, StepKind.NATIONALITY})


@dataclass(frozen=True)
class PoliceNumbers:
    country: str
    numbers: tuple[EmergencyNumber, ...]


@dataclass(frozen=True)
class Lanes:
    crime: tuple[Channel, ...]  # the plan's police channels
    police_numbers: tuple[PoliceNumbers, ...]  # countries of the plan with no channel of their own, but a police line
    doubt: tuple[Channel, ...]  # who takes an uncertain situation, anonymous ones first

    @property
    def no_police(self) -> bool:
        return not self.crime and not self.police_numbers


def lanes(plan: Plan) -> Lanes:
    """The plan's channels sorted into the two lanes; no channel is in both, none is added."""
    crime: list[Channel] = []
    police_numbers: list[PoliceNumbers] = []
    others: list[Channel] = []
    for step in plan.steps:
        if step.kind in REPORT_STEPS and step.fallback == Fallback.POLICE and step.country:
            police_numbers.append(PoliceNumbers(step.country, step.police_numbers))
        for channel in (*step.channels, *step.alternatives):
            if step.kind in REPORT_STEPS and channel.kind in POLICE_KINDS:
                crime.append(channel)
            elif channel.kind in DOUBT_KINDS:
                others.append(channel)
    # Stable: within the same kind and anonymity, the plan's own order (where it happened, home, offender's country).
    doubt = sorted(others, key=lambda c: (c.anonymous is not True, DOUBT_KINDS.index(c.kind)))
    return Lanes(crime=tuple(crime), police_numbers=tuple(police_numbers), doubt=tuple(doubt))
