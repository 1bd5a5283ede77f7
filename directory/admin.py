"""The directory in the admin: each editor sees and changes only the countries assigned to them.

Threat: an editor of one country changing another country's numbers, through the list, a form, an
action or a URL typed by hand. Every view and every save goes through the same country check.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from directory import reviews
from directory.admin_forms import ChannelForm, EmergencyNumberForm, JurisdictionForm, ReasonForm
from directory.countries import ISO_CODES
from directory.models import Channel, Country, EmergencyNumber, Jurisdiction, PendingChange
from directory.permissions import editable_countries, is_coordinator
from directory.world_map import status_of

STATUS_LABELS = {
    "complete": "complete and fresh",
    "partial": "mechanism not verified",
    "stale": "stale (checked over two years ago)",
    "missing": "missing a mechanism",
}


class CountryScopedAdmin(SimpleHistoryAdmin):
    form = ReasonForm

    def _allowed(self, request):
        return editable_countries(request.user)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        allowed = self._allowed(request)
        return queryset if allowed is None else queryset.filter(country__in=allowed)

    def _may(self, request, obj) -> bool:
        allowed = self._allowed(request)
        return obj is None or allowed is None or obj.country_id in allowed

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._may(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may(request, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """An old version is opened, and restored, only where both it and the row as it stands are the editor's.

        The version alone is not enough: a channel once Thai and now Belgian has a Thai version, and restoring
        it as a Thai editor would take Belgium's channel away.
        """
        current = self.model.objects.filter(pk=unquote(object_id)).first()
        if current is not None and not self._may(request, current):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        allowed = self._allowed(request)
        if db_field.name == "country" and allowed is not None:
            kwargs["queryset"] = Country.objects.filter(code__in=allowed)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        stored = self.model.objects.filter(pk=obj.pk).first() if change else None
        if not (self._may(request, obj) and self._may(request, stored)):
            raise PermissionDenied("You may only edit the countries assigned to you.")
        obj._change_reason = form.cleaned_data.get("change_reason") or ""
        if reviews.needs_review(request.user):
            reviews.propose(obj, list(form.cleaned_data), request.user, obj._change_reason)
            obj._waits_for_approval = True
            return
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request, obj=None):
        """An editor whose changes are reviewed proposes to hide a row (untick "active"), never deletes it."""
        return (
            super().has_delete_permission(request, obj)
            and self._may(request, obj)
            and not reviews.needs_review(request.user)
        )

    def save_related(self, request, form, formsets, change):
        if not getattr(form.instance, "_waits_for_approval", False):
            super().save_related(request, form, formsets, change)

    def log_addition(self, request, obj, message):
        return None if getattr(obj, "_waits_for_approval", False) else super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        return None if getattr(obj, "_waits_for_approval", False) else super().log_change(request, obj, message)

    def _waiting(self, request, obj):
        messages.info(
            request,
            f"Your change to “{obj}” waits for a coordinator's approval; "
            "the public sees the current version until then.",
        )
        return redirect("admin:directory_pendingchange_changelist")

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(obj, "_waits_for_approval", False):
            return self._waiting(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if getattr(obj, "_waits_for_approval", False):
            return self._waiting(request, obj)
        return super().response_change(request, obj)


@admin.register(Channel)
class ChannelAdmin(CountryScopedAdmin):
    form = ChannelForm
    list_display = (
        "name",
        "country",
        "kind",
        "official",
        "scope",
        "confidence",
        "verified_on",
        "link_status",
        "active",
    )
    list_filter = ("official", "link_status", "kind", "scope", "confidence", "active")
    search_fields = ("name", "url", "country__code")
    readonly_fields = ("link_status", "link_http_status", "link_final_url", "link_checked_at")
    ordering = ("country", "position")


@admin.register(EmergencyNumber)
class EmergencyNumberAdmin(CountryScopedAdmin):
    form = EmergencyNumberForm
    list_display = ("number", "service", "country", "confidence", "verified_on")
    list_filter = ("service", "confidence")
    search_fields = ("number", "country__code")


@admin.register(Jurisdiction)
class JurisdictionAdmin(CountryScopedAdmin):
    form = JurisdictionForm
    list_display = ("country", "nationals", "residents", "confidence", "verified_on")


class CountryStateFilter(admin.SimpleListFilter):
    """The countries that need work: no place to report in person, stale facts, a broken link, a waiting change."""

    title = "what needs work"
    parameter_name = "needs"

    def lookups(self, request, model_admin):
        return (
            ("in_person", "missing an in-person mechanism"),
            ("stale", "stale (a fact checked over two years ago)"),
            ("broken_link", "a broken link"),
            ("waiting", "a change waiting for approval"),
        )

    def queryset(self, request, queryset):
        if self.value() == "in_person":
            coverage = model_admin_coverage(request)
            return queryset.filter(code__in=[code for code, entry in coverage.items() if not entry.in_person])
        if self.value() == "stale":
            coverage = model_admin_coverage(request)
            return queryset.filter(code__in=[code for code, entry in coverage.items() if entry.stale])
        if self.value() == "broken_link":
            return queryset.filter(channels__link_status="broken").distinct()
        if self.value() == "waiting":
            return queryset.filter(pending__state=PendingChange.State.PENDING).distinct()
        return queryset


def model_admin_coverage(request) -> dict:
    """Each country's coverage today, worked out once per request (kept on the request, never on the admin)."""
    if not hasattr(request, "country_coverage"):
        from datetime import date

        from directory.coverage import country_coverage
        from directory.loading import read_directory

        directory = read_directory()
        request.country_coverage = {
            code: country_coverage(directory.country(code), date.today()) for code in sorted(ISO_CODES)
        }
    return request.country_coverage


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    """The countries, with each one's state (complete and fresh, stale, missing a mechanism) and the map."""

    search_fields = ("code",)
    list_display = ("code", "__str__")  # and each country's state: get_list_display
    change_list_template = "admin/directory/country/change_list.html"

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "labels": STATUS_LABELS}
        return super().changelist_view(request, extra_context)

    def _states(self, request) -> dict[str, str]:
        """The state of each country this editor sees, from the coverage worked out once per request."""
        coverage = model_admin_coverage(request)
        return {code: status_of(coverage[code]) for code in self.get_queryset(request).values_list("code", flat=True)}

    def get_list_display(self, request):
        states = self._states(request)

        @admin.display(description="state")
        def state(country):
            label = states.get(country.code, "missing")
            return format_html('<span class="swatch swatch-{}"></span> {}', label, STATUS_LABELS[label])

        @admin.display(description="desk")
        def desk_link(country):
            return format_html(
                '<a href="{}">{} desk</a>', reverse("admin:directory_desk", args=[country.code]), country.code
            )

        return (*super().get_list_display(request), state, desk_link)

    def get_list_filter(self, request):
        return (CountryStateFilter,)

    def get_queryset(self, request):
        allowed = editable_countries(request.user)
        queryset = super().get_queryset(request)
        return queryset if allowed is None else queryset.filter(code__in=allowed)

    def get_urls(self):
        from django.urls import path

        from directory import desk, transfer

        extra = [
            path(
                "import/",
                self.admin_site.admin_view(lambda r: transfer.import_view(r, self.admin_site)),
                name="directory_import",
            ),
            path("export/", self.admin_site.admin_view(transfer.export_view), name="directory_export"),
            path(
                "<str:code>/desk/",
                self.admin_site.admin_view(lambda r, code: desk.desk_view(r, code, self.admin_site)),
                name="directory_desk",
            ),
        ]
        return extra + super().get_urls()

    def has_add_permission(self, request):
        return False  # every ISO country already exists

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PendingChange)
class PendingChangeAdmin(admin.ModelAdmin):
    """Changes waiting for a coordinator: each with what it would change, approved or rejected in one action.

    Editors see those of their countries (their own among them); only coordinators decide.
    """

    list_display = ("__str__", "editor", "proposed_at", "reason", "what_changes", "state")
    list_filter = ("state", "model_name")
    actions = ("approve", "reject")
    readonly_fields = ("model_name", "object_id", "country", "editor", "proposed_at", "reason", "what_changes")
    exclude = ("proposed", "state", "decided_by", "decided_at")

    def get_queryset(self, request):
        allowed = editable_countries(request.user)
        queryset = super().get_queryset(request).select_related("editor")
        return queryset if allowed is None else queryset.filter(country__in=allowed)

    def has_module_permission(self, request):
        return request.user.has_perm("directory.view_channel")  # whoever keeps country facts

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return is_coordinator(request.user)

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="what it changes (now → proposed)")
    def what_changes(self, change):
        rows = format_html_join(
            "", "<li><b>{}</b>: {} → {}</li>", ((name, now, then) for name, now, then in reviews.differences(change))
        )
        return format_html('<ul class="diff">{}</ul>', rows) if rows else "nothing any more"

    @admin.action(description="Approve: the public sees them", permissions=["change"])
    def approve(self, request, queryset):
        for change in queryset.filter(state=PendingChange.State.PENDING):
            problem = reviews.approve(change, request.user)
            if problem:
                self.message_user(request, f"{change}: not approved, {problem}.", messages.ERROR)
            else:
                self.message_user(request, f"{change}: approved.")

    @admin.action(description="Reject: keep the current version", permissions=["change"])
    def reject(self, request, queryset):
        for change in queryset.filter(state=PendingChange.State.PENDING):
            reviews.reject(change, request.user)
            self.message_user(request, f"{change}: rejected.")
