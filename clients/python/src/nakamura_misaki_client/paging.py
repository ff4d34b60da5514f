"""The API pages its lists (limit 1..100); the old repositories returned whole lists."""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Iterator

MAX_PAGE = 100


def page_windows(limit: int | None, offset: int) -> Iterator[tuple[int, int]]:
    """(limit, offset) of each page request covering `limit` items from `offset` (None: until the end)."""
    while limit is None or limit > 0:
        size = MAX_PAGE if limit is None else min(MAX_PAGE, limit)
        yield size, offset
        offset += size
        if limit is not None:
            limit -= size


def is_last(page: dict[str, Any], size: int) -> bool:
    return len(page["items"]) < size or page["offset"] + len(page["items"]) >= page["total"]


def collect(fetch: Callable[[int, int], dict[str, Any]], limit: int | None = None, offset: int = 0) -> list[Any]:
    items: list[Any] = []
    for size, start in page_windows(limit, offset):
        page = fetch(size, start)
        items.extend(page["items"])
        if is_last(page, size):
            break
    return items


async def collect_async(fetch: Callable[[int, int], Awaitable[dict[str, Any]]], limit: int | None = None,
                        offset: int = 0) -> list[Any]:
    items: list[Any] = []
    for size, start in page_windows(limit, offset):
        page = await fetch(size, start)
        items.extend(page["items"])
        if is_last(page, size):
            break
    return items
