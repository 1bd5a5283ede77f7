"""Changes that wait for a coordinator's approval before the public sees them.

A coordinator can set an editor's changes to be reviewed (`EditorProfile.changes_need_review`, reached here
through the user, so the directory imports nothing of the maintainers app). Such an editor's save becomes a
`PendingChange`: the fields of the form as they were checked, serialised. Approving writes them to the row,
with the editor named in its history; rejecting keeps the row as it is.
"""

import json

from django.core import serializers
from django.db import IntegrityError, transaction
from django.utils import timezone

from directory.models import Channel, EmergencyNumber, Jurisdiction, PendingChange
from directory.permissions import is_coordinator

MODELS = {"channel": Channel, "emergencynumber": EmergencyNumber, "jurisdiction": Jurisdiction}


def needs_review(user) -> bool:
    profile = getattr(user, "editor_profile", None)
    return not is_coordinator(user) and bool(profile and profile.changes_need_review)


def propose(obj, fields: list[str], editor, reason: str) -> PendingChange:
    """Keep the row as the editor's form made it, unsaved, to be approved or rejected."""
    editable = [name for name in fields if name in {field.name for field in obj._meta.concrete_fields}]
    serialised = json.loads(serializers.serialize("json", [obj], fields=editable))[0]
    return PendingChange.objects.create(
        model_name=obj._meta.model_name,
        object_id=obj.pk,
        country_id=obj.country_id,
        proposed=serialised,
        reason=reason,
        editor=editor,
    )


def _proposed_row(change: PendingChange):
    """The row the change would write: the current one with the proposed fields, or a new one."""
    model = MODELS[change.model_name]
    proposal = next(serializers.deserialize("json", json.dumps([change.proposed]))).object
    current = model.objects.filter(pk=change.object_id).first() if change.object_id else None
    if current is None:
        proposal.pk = None
        return None, proposal
    row = model.objects.get(pk=current.pk)
    for name in change.proposed["fields"]:
        field = model._meta.get_field(name)
        setattr(row, field.attname, getattr(proposal, field.attname))
    return current, row


def differences(change: PendingChange) -> list[tuple[str, str, str]]:
    """(field, value now, value proposed) for each field the change would alter; for an addition, every field."""
    current, row = _proposed_row(change)
    result = []
    for name in change.proposed["fields"]:
        attname = row._meta.get_field(name).attname
        now = getattr(current, attname) if current is not None else ""
        then = getattr(row, attname)
        if current is None or now != then:
            result.append((name, _shown(now), _shown(then)))
    return result


def _shown(value) -> str:
    return "—" if value in ("", None, [], ()) else str(value)


def approve(change: PendingChange, coordinator) -> str | None:
    """Write the change; None when it is done, else why it could not be (the change then stays pending)."""
    _current, row = _proposed_row(change)
    if change.object_id and row.pk is None:
        return "the row was deleted meanwhile"
    row._history_user = change.editor
    row._change_reason = f"{change.reason} (approved by {coordinator.username})".strip()[:100]
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        return "another row already has this name or number"
    _decide(change, PendingChange.State.APPROVED, coordinator)
    return None


def reject(change: PendingChange, coordinator) -> None:
    _decide(change, PendingChange.State.REJECTED, coordinator)


def _decide(change: PendingChange, state: str, coordinator) -> None:
    change.state, change.decided_by, change.decided_at = state, coordinator, timezone.now()
    change.save(update_fields=["state", "decided_by", "decided_at"])
