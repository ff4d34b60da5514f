namespace NakamuraMisaki.Api.CommandLine.Backups;

internal enum BackupVerb
{
    Backup,
    Verify,
    Restore,
}

/// <summary>What the command line asks for: the verb, a path (archive or directory), and --force.</summary>
internal sealed record BackupRequest(BackupVerb Verb, string? Path, bool Force);

/// <summary>
/// <c>backup [--to DIR]</c>, <c>backup verify ARCHIVE</c>, <c>restore ARCHIVE [--force]</c>.
/// </summary>
internal static class BackupArguments
{
    public const string Usage = """
        Usage: NakamuraMisaki.Api backup [--to DIR]           pg_dump archive + manifest (default DIR: Backup__Directory, else .data/backups)
               NakamuraMisaki.Api backup verify ARCHIVE       restore into a throwaway cluster and check it
               NakamuraMisaki.Api restore ARCHIVE [--force]   into the service's database (--force empties one that holds rows)

        Settings (ConnectionStrings__Default, Backup__…) are the service's; no connection string: the embedded cluster.
        Exit codes: 0 done, 1 refused or a check failed, 2 usage, 3 could not finish.
        """;

    public static (BackupRequest? Request, string? Error) Parse(IReadOnlyList<string> args)
    {
        (BackupVerb? verb, string[] rest) = args.ToArray() switch
        {
            ["backup", "verify", .. var r] => ((BackupVerb?)BackupVerb.Verify, r),
            ["backup", .. var r] => (BackupVerb.Backup, r),
            ["restore", .. var r] => (BackupVerb.Restore, r),
            _ => (null, Array.Empty<string>()),
        };
        if (verb is null)
        {
            return (null, "Unknown command.");
        }

        string? to = null, positional = null;
        var force = false;
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--to" when i + 1 < rest.Length:
                    to = rest[++i];
                    break;
                case var arg when arg.StartsWith("--to=", StringComparison.Ordinal):
                    to = arg["--to=".Length..];
                    break;
                case "--force" when verb == BackupVerb.Restore:
                    force = true;
                    break;
                case var arg when !arg.StartsWith("--", StringComparison.Ordinal) && positional is null:
                    positional = arg;
                    break;
                default:
                    return (null, $"Unexpected argument '{rest[i]}'.");
            }
        }

        return verb switch
        {
            BackupVerb.Backup when positional is not null => (null, $"Unexpected argument '{positional}'."),
            BackupVerb.Backup => (new(BackupVerb.Backup, to is null ? null : Path.GetFullPath(to), false), null),
            _ when to is not null => (null, "--to is for backup."),
            _ when positional is null => (null, "Name the archive (a .dump file with its .manifest.json beside it)."),
            _ when !File.Exists(positional) => (null, $"No such archive: {positional}"),
            _ => (new(verb.Value, Path.GetFullPath(positional), force), null),
        };
    }
}
