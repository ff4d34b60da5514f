using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace NakamuraMisaki.Infrastructure.Database.Embedded;

/// <summary>
/// What makes a <see cref="PostgresServer"/>'s directory the service's kind of cluster: initdb (SCRAM, UTF-8,
/// C.UTF-8) with a generated superuser password kept beside the data, the server settings it runs with, and its
/// database.
/// </summary>
public static class ClusterProvisioning
{
    public const string Superuser = "postgres";

    private static string PasswordFile(PostgresServer server) => Path.Combine(server.Root, "superuser.password");

    /// <summary>The superuser's password: read from beside an existing cluster, or generated for a new one by initdb.</summary>
    public static async Task<string> EnsureInitializedAsync(PostgresServer server, ILogger logger, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(server.Root);
        var passwordFile = PasswordFile(server);
        if (server.IsInitialized)
        {
            // Never re-create a cluster that holds data: without its password it is the user's call, not ours.
            return File.Exists(passwordFile)
                ? (await File.ReadAllTextAsync(passwordFile, cancellationToken)).Trim()
                : throw new InvalidOperationException(
                    $"The embedded cluster in {server.DataDirectory} has no {passwordFile}. Restore that file, or delete " +
                    $"{server.Root} to start over with an empty database.");
        }

        logger.LogInformation("Creating an embedded PostgreSQL cluster in {Path}", server.DataDirectory);
        if (Directory.Exists(server.DataDirectory))
        {
            Directory.Delete(server.DataDirectory, recursive: true); // no PG_VERSION: an initdb that never got going
        }

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var initPasswordFile = Path.Combine(server.Root, ".initdb-password");
        await File.WriteAllTextAsync(initPasswordFile, password, cancellationToken);
        await server.GiveToServiceUserAsync(cancellationToken);
        try
        {
            await server.RunAsync("initdb", cancellationToken, "-D", server.DataDirectory, "-U", Superuser, "--pwfile", initPasswordFile,
                "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions");
        }
        finally
        {
            File.Delete(initPasswordFile);
        }

        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return password;
    }

    /// <summary>
    /// The settings the service's clusters run with. Not durable: safe against a server crash (acknowledged commits
    /// reach the OS before the answer), not an OS crash; for throwaway clusters.
    /// </summary>
    public static IReadOnlyList<string> ServerSettings(bool durable) =>
        durable ? ["max_connections=300"] : ["max_connections=300", "fsync=off", "full_page_writes=off"];

    /// <summary>CREATE DATABASE unless it exists, connected to <paramref name="server"/>'s maintenance database.</summary>
    public static async Task EnsureDatabaseAsync(NpgsqlConnectionStringBuilder server, string database, ILogger logger,
        CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = database } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            var quoted = "\"" + database.Replace("\"", "\"\"") + "\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Created database {Database}", database);
        }
    }
}
