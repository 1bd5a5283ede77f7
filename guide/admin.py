from datetime import date, timedelta

from django.contrib import admin
from django.db.models import Sum

from guide.models import PlanCount

CHART_DAYS = 30


@admin.register(PlanCount)
class PlanCountAdmin(admin.ModelAdmin):
    """Plans made per day: counts only, never anything about a person. Read-only."""

    list_display = ("day", "happened", "lives", "seen", "count")
    list_filter = ("seen", "day")
    search_fields = ("happened", "lives")
    change_list_template = "admin/guide/plancount/change_list.html"

    def changelist_view(self, request, extra_context=None):
        start = date.today() - timedelta(days=CHART_DAYS - 1)
        totals = dict(
            PlanCount.objects.filter(day__gte=start).values_list("day").annotate(total=Sum("count")).order_by()
        )
        days = [start + timedelta(days=offset) for offset in range(CHART_DAYS)]
        peak = max(totals.values(), default=0) or 1
        bars = [
            {"day": day, "count": totals.get(day, 0), "x": index * 20, "height": round(100 * totals.get(day, 0) / peak)}
            for index, day in enumerate(days)
        ]
        top = (
            PlanCount.objects.filter(day__gte=start)
            .values("happened", "lives")
            .annotate(total=Sum("count"))
            .order_by("-total")[:15]
        )
        extra_context = {**(extra_context or {}), "bars": bars, "peak": peak, "top_routes": top}
        return super().changelist_view(request, extra_context)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
