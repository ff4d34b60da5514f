using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Application.Common.Paging;

namespace NakamuraMisaki.Infrastructure.Persistence.Repositories;

internal static class PagingExtensions
{
    public static async Task<Page<T>> ToPageAsync<T>(
        this IQueryable<T> ordered, PageRequest page, CancellationToken cancellationToken)
    {
        var items = await ordered.Skip(page.Offset).Take(page.Limit).ToListAsync(cancellationToken);
        // Skip the COUNT when the page itself shows the total: a first page that is not full.
        var total = page.Offset == 0 && items.Count < page.Limit
            ? items.Count
            : await ordered.CountAsync(cancellationToken);
        return new Page<T>(items, total, page.Limit, page.Offset);
    }

    /// <summary>The same for a compiled query, which comes as the page's items and a way to count them all.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(
        this IAsyncEnumerable<T> pageItems, Func<Task<int>> countAll, PageRequest page, CancellationToken cancellationToken)
    {
        var items = new List<T>(page.Limit);
        await foreach (var item in pageItems.WithCancellation(cancellationToken))
        {
            items.Add(item);
        }

        var total = page.Offset == 0 && items.Count < page.Limit ? items.Count : await countAll();
        return new Page<T>(items, total, page.Limit, page.Offset);
    }
}
