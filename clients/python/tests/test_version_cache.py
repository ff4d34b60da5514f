from nakamura_misaki_client.api_calls import VersionCache


def test_the_version_cache_keeps_the_latest_etag_per_path_and_forgets_the_oldest_beyond_its_capacity():
    cache = VersionCache(capacity=2)
    cache.remember("/api/v1/tasks/a", '"1"')
    cache.remember("/api/v1/tasks/b", '"2"')
    cache.remember("/api/v1/tasks/a", '"3"')  # a is now the newest
    cache.remember("/api/v1/sessions/s%3A1", '"4"')  # b goes

    assert (cache.get("/api/v1/tasks/a"), cache.get("/api/v1/tasks/b")) == ('"3"', None)
    assert cache.get("/api/v1/sessions/s:1") == '"4"'  # quoted or not, one path
    cache.remember("/api/v1/tasks/a", None)
    assert cache.get("/api/v1/tasks/a") is None
