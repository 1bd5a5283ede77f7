"""`{% correction_form %}`: the "Is something here wrong or out of date?" form, for any page about countries.

Country pages and plans load this tag in their templates; their Python code never imports this app.
"""

from django import template

from corrections.views import form_context

register = template.Library()


@register.inclusion_tag("corrections/_on_page.html", takes_context=True)
def correction_form(context, *codes, plan=False):
    """The form for the countries named (empty ones skipped: a plan without a nationality), in that order."""
    request = context["request"]
    return form_context(codes, request.path, request.get_full_path(), plan=plan)
