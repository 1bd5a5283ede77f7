"""A cache backend for tests whose every call fails, as a cache server that is down, full or misbehaving does."""

from django.core.cache.backends.base import BaseCache


class CacheServerDown(ConnectionError):
    pass


class BrokenCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)

    def _fail(self, *args, **kwargs):
        raise CacheServerDown("Error 111 connecting to the cache. Connection refused.")

    add = get = set = touch = delete = clear = incr = decr = has_key = _fail
    get_many = set_many = delete_many = get_or_set = _fail
