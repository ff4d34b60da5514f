using Microsoft.Extensions.Configuration;
using NakamuraMisaki.Infrastructure.Database;
using Npgsql;

namespace NakamuraMisaki.Infrastructure.Backups;

/// <summary>The service's database as the client programs see it: its connection settings and its server version.</summary>
internal static class ServiceDatabase
{
    /// <summary>ConnectionStrings:Default (filled in by the embedded cluster when unset), without pooling.</summary>
    public static NpgsqlConnectionStringBuilder ConnectionString(IConfiguration configuration) =>
        new(configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set."))
        {
            // These connections change what the pool's would assume (a dropped schema, restored types): keep them apart.
            Pooling = false,
        };

    public static async Task<int> ServerVersionNumAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT current_setting('server_version_num')::int", connection);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
