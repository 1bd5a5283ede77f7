"""Every change to the directory, from a data load or the admin, moves its revision time forward."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from directory.models import Channel, DirectoryRevision, EmergencyNumber, Jurisdiction
from dontlookaway.caching import invalidate_pages


@receiver([post_save, post_delete], sender=Channel)
@receiver([post_save, post_delete], sender=EmergencyNumber)
@receiver([post_save, post_delete], sender=Jurisdiction)
def directory_changed(sender, **kwargs):
    DirectoryRevision.touch()
    invalidate_pages()
