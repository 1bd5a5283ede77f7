"""Notes from the public in the back office: each maintainer sees those for their own countries only.

Threat: an editor of one country reading or closing the notes of another. The scope is the directory's
(`editable_countries`, as in directory/admin.py CountryScopedAdmin): the list, each note, and every action
go through it. The public's text is shown, never edited, and no history is kept of it: a note is gone for
good after KEPT_DAYS.
"""

from django.contrib import admin, messages
from django.template.defaultfilters import truncatechars

from corrections.models import Correction, State
from directory.permissions import editable_countries


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ("received_on", "country", "excerpt", "page", "state")
    list_filter = ("state", ("country", admin.RelatedOnlyFieldListFilter), "received_on")
    search_fields = ("text",)
    fields = ("country", "received_on", "page", "page_countries", "text", "state")
    readonly_fields = ("country", "received_on", "page", "page_countries", "text")
    actions = ("mark_done", "mark_not_relevant")
    list_per_page = 50

    @admin.display(description="note")
    def excerpt(self, correction):
        return truncatechars(correction.text, 80)

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("country")
        allowed = editable_countries(request.user)
        return queryset if allowed is None else queryset.filter(country__in=allowed)

    def _may(self, request, obj) -> bool:
        allowed = editable_countries(request.user)
        return obj is None or allowed is None or obj.country_id in allowed

    def has_add_permission(self, request):
        return False  # notes come from the public pages only

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._may(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may(request, obj)

    def _mark(self, request, queryset, state: State):
        # `queryset` is already the editor's own countries' (get_queryset): a note of another is never touched.
        changed = queryset.update(state=state)
        self.message_user(request, f"{changed} marked as {state.label}.", messages.SUCCESS)

    @admin.action(description="Mark as done", permissions=["change"])
    def mark_done(self, request, queryset):
        self._mark(request, queryset, State.DONE)

    @admin.action(description="Mark as not relevant", permissions=["change"])
    def mark_not_relevant(self, request, queryset):
        self._mark(request, queryset, State.NOT_RELEVANT)
