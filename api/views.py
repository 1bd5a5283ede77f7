from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import override
from django.views.decorators.http import require_GET

from api.serializers import plan_dict
from directory.loading import read_directory
from guide.forms import PlanForm
from guide.routing import build_plan

LANGUAGES = {code for code, _ in settings.LANGUAGES}


def _error(parameter: str, message: str) -> JsonResponse:
    return JsonResponse({"error": {"parameter": parameter, "message": message}}, status=400)


@require_GET
def plan(request):
    """GET /api/v1/plan?happened=TH&lives=BE&nationality=FR&danger=yes&seen=in_person[&lang=fr]"""
    language = request.GET.get("lang", "en")
    if language not in LANGUAGES:
        return _error("lang", f"Unknown language; use one of {', '.join(sorted(LANGUAGES))}.")
    query = request.GET.copy()
    for name in ("happened", "lives", "nationality"):
        if query.get(name) and query[name] != "online":
            query[name] = query[name].upper()
    with override(language):
        form = PlanForm(query)
        if not form.is_valid():
            parameter, messages = next(iter(form.errors.items()))
            return _error(parameter, " ".join(str(message) for message in messages))
        answers = form.answers()
        codes = {code for code in (answers.happened, answers.lives, answers.nationality) if code}
        return JsonResponse(plan_dict(build_plan(answers, read_directory(codes))))
