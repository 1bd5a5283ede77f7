from django.contrib import admin

from directory.models import Channel, Country, EmergencyNumber, Jurisdiction


class ChannelInline(admin.StackedInline):
    model = Channel
    extra = 0


class EmergencyNumberInline(admin.TabularInline):
    model = EmergencyNumber
    extra = 0


class JurisdictionInline(admin.StackedInline):
    model = Jurisdiction
    extra = 0


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    search_fields = ("code",)
    inlines = [EmergencyNumberInline, ChannelInline, JurisdictionInline]


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    list_display = ("name", "country", "kind", "scope", "confidence", "verified_on", "active")
    list_filter = ("kind", "scope", "confidence", "active")
    search_fields = ("name", "url", "country__code")
