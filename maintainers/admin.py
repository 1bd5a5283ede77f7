from django.contrib import admin

from directory.permissions import is_coordinator
from maintainers.models import EditorProfile


@admin.register(EditorProfile)
class EditorProfileAdmin(admin.ModelAdmin):
    """Only coordinators assign countries to editors."""

    list_display = ("user", "organisation")
    search_fields = ("user__username", "organisation")

    def has_module_permission(self, request):
        return is_coordinator(request.user)

    def has_view_permission(self, request, obj=None):
        return is_coordinator(request.user)

    def has_change_permission(self, request, obj=None):
        return is_coordinator(request.user)

    def has_add_permission(self, request):
        return is_coordinator(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_coordinator(request.user)
