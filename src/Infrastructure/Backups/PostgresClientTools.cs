using NakamuraMisaki.Infrastructure.Database.Embedded;
using Npgsql;

namespace NakamuraMisaki.Infrastructure.Backups;

/// <summary>
/// pg_dump and pg_restore of the server's major version (an older pg_dump refuses a newer server, and a newer one
/// writes archives an older pg_restore cannot read), run with the connection's settings in libpq's environment
/// variables so the password never appears on a command line.
/// </summary>
internal sealed class PostgresClientTools(string binDirectory)
{
    private readonly ProcessRunner _runner = new();

    public string BinDirectory { get; } = binDirectory;

    /// <summary>
    /// <paramref name="configured"/> (Backup:ClientBinDirectory) when set, else Debian's
    /// <c>/usr/lib/postgresql/&lt;major&gt;/bin</c> for the server's major version.
    /// </summary>
    public static PostgresClientTools ForServer(int serverMajor, string? configured)
    {
        var bin = string.IsNullOrWhiteSpace(configured) ? $"/usr/lib/postgresql/{serverMajor}/bin" : configured;
        return File.Exists(Path.Combine(bin, "pg_dump")) && File.Exists(Path.Combine(bin, "pg_restore"))
            ? new PostgresClientTools(bin)
            : throw new InvalidOperationException(
                $"No pg_dump/pg_restore in {bin} for PostgreSQL {serverMajor}. Install postgresql-client-{serverMajor} " +
                "or set Backup__ClientBinDirectory to the bin directory of that version's client programs.");
    }

    public Task RunAsync(string program, NpgsqlConnectionStringBuilder connection, IEnumerable<string> arguments,
        CancellationToken cancellationToken) =>
        RunCheckedAsync(program, Environment(connection), arguments, cancellationToken);

    private async Task RunCheckedAsync(string program, IReadOnlyDictionary<string, string> environment,
        IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        // As this process's user, not the server's: client programs do not mind root, and the files are ours.
        var (code, output) = await _runner.RunAsync(Path.Combine(BinDirectory, program), arguments, cancellationToken,
            asServiceUser: false, environment);
        if (code != 0)
        {
            throw new InvalidOperationException($"{program} failed with exit code {code}: {output}");
        }
    }

    private static Dictionary<string, string> Environment(NpgsqlConnectionStringBuilder connection)
    {
        var environment = new Dictionary<string, string>
        {
            ["PGHOST"] = connection.Host ?? "localhost",
            ["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGDATABASE"] = connection.Database ?? "",
            ["PGUSER"] = connection.Username ?? System.Environment.UserName,
            ["PGAPPNAME"] = "NakamuraMisaki backup",
            ["PGCONNECT_TIMEOUT"] = "15",
        };
        if (!string.IsNullOrEmpty(connection.Password))
        {
            environment["PGPASSWORD"] = connection.Password;
        }

        if (connection.SslMode is not SslMode.Disable and not SslMode.Prefer)
        {
            environment["PGSSLMODE"] = connection.SslMode.ToString().ToLowerInvariant() switch
            {
                "verifyca" => "verify-ca",
                "verifyfull" => "verify-full",
                var mode => mode,
            };
        }

        return environment;
    }
}
