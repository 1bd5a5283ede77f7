from django.core.management.base import BaseCommand
from django.utils import timezone

from directory.links import check_urls
from directory.management.commands.directory_report import progress_bar
from directory.models import Channel, DirectoryRevision
from lib.page_cache import invalidate_pages


class Command(BaseCommand):
    help = "Check every channel's web address and record whether it works, redirects or is broken."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=10, help="Seconds to wait for each answer.")
        parser.add_argument("--retries", type=int, default=2, help="Retries after a timeout or a 5xx.")
        parser.add_argument("--workers", type=int, default=8, help="Requests in flight at once (one per host).")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between two requests to a host.")

    def handle(self, *args, timeout, retries, workers, interval, **options):
        channels = list(Channel.objects.exclude(url=""))
        results = check_urls(
            (channel.url for channel in channels),
            workers=workers,
            timeout=timeout,
            retries=retries,
            per_host_interval=interval,
            progress=lambda items: progress_bar(items, total=len({channel.url for channel in channels})),
        )
        now = timezone.now()
        # One bulk update per channel, then one invalidation: public pages show the result at once.
        for channel in channels:
            result = results[channel.url]
            Channel.objects.filter(pk=channel.pk).update(
                link_status=result.status,
                link_http_status=result.http_status,
                link_final_url=result.final_url[:500],
                link_checked_at=now,
            )
        DirectoryRevision.touch()
        invalidate_pages()
        counts: dict[str, int] = {}
        for result in results.values():
            counts[result.status] = counts.get(result.status, 0) + 1
        self.stdout.write(
            f"Checked {len(results)} addresses of {len(channels)} channels: "
            + ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))
        )
        for result in results.values():
            if result.status in ("broken", "unreachable"):
                self.stdout.write(f"  {result.status}: {result.url} ({result.error or result.http_status})")
