using Microsoft.Extensions.Logging;
using Npgsql;

namespace NakamuraMisaki.Infrastructure.Persistence;

/// <summary>
/// What the server's pgvector can do, read once per process. Iterative index scans (hnsw.iterative_scan) arrived in
/// pgvector 0.8.0; some distributions still package older versions, where setting that parameter is an error.
/// </summary>
public sealed class PgvectorFeatures(NpgsqlDataSource dataSource, ILogger<PgvectorFeatures> logger)
{
    private static readonly Version IterativeScans = new(0, 8, 0);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool? _hasIterativeScans;

    public async ValueTask<bool> HasIterativeScansAsync(CancellationToken cancellationToken)
    {
        if (_hasIterativeScans is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_hasIterativeScans is null)
            {
                await using var command = dataSource.CreateCommand("SELECT extversion FROM pg_extension WHERE extname = 'vector'");
                var installed = await command.ExecuteScalarAsync(cancellationToken) as string;
                _hasIterativeScans = Version.TryParse(installed, out var version) && version >= IterativeScans;
                if (_hasIterativeScans == false)
                {
                    logger.LogWarning(
                        "pgvector {Version} has no iterative index scans (0.8.0+): meaning search may return fewer notes " +
                        "than asked for users who own few of the notes near a query. Upgrade pgvector.", installed ?? "(none)");
                }
            }

            return _hasIterativeScans.Value;
        }
        finally
        {
            _gate.Release();
        }
    }
}
