using NakamuraMisaki.Import;

namespace NakamuraMisaki.Api.CommandLine.Import;

/// <summary>The import verb's command line: <c>import [--sessions DIR] [--notes DIR] [--agent-tasks FILE] [--dry-run | --verify]</c>.</summary>
internal static class ImportArguments
{
    public const string Usage = """
        Usage: NakamuraMisaki.Api import [--sessions DIR] [--notes DIR] [--agent-tasks FILE] [--dry-run | --verify]

          --sessions DIR       directory of user_{id}_sessions.json files
          --notes DIR          directory searched (at any depth) for .nakamura_notes/{category}.json files
          --agent-tasks FILE   the coding agent's SQLite tasks.db (opened read-only)
          --dry-run            read, validate and compare with the database; write nothing
          --verify             list every source record missing from the database or different in it; write nothing

        At least one source is required. Settings (ConnectionStrings__Default, Embeddings__…) are the service's.
        Exit codes: 0 all stored, 1 rejected/conflicting/missing records, 2 usage, 3 could not finish.
        """;

    /// <summary>The request, or the reason the command line is unusable.</summary>
    public static (ImportRequest? Request, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? sessions = null, notes = null, agentTasks = null;
        var mode = ImportMode.Import;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            string? Value() => inlineValue ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null);
            switch (name)
            {
                case "--sessions":
                    sessions = Value() ?? "";
                    break;
                case "--notes":
                    notes = Value() ?? "";
                    break;
                case "--agent-tasks":
                    agentTasks = Value() ?? "";
                    break;
                case "--dry-run" when mode == ImportMode.Import:
                    mode = ImportMode.DryRun;
                    break;
                case "--verify" when mode == ImportMode.Import:
                    mode = ImportMode.Verify;
                    break;
                case "--dry-run" or "--verify":
                    return (null, "--dry-run and --verify are separate modes; give one of them.");
                default:
                    return (null, $"Unknown argument '{args[i]}'.");
            }
        }

        var error = Check("--sessions", sessions, Directory.Exists, "directory")
                    ?? Check("--notes", notes, Directory.Exists, "directory")
                    ?? Check("--agent-tasks", agentTasks, File.Exists, "file")
                    ?? (sessions is null && notes is null && agentTasks is null
                        ? "Name at least one source: --sessions, --notes or --agent-tasks."
                        : null);
        return error is null
            ? (new ImportRequest(Full(sessions), Full(notes), Full(agentTasks), mode), null)
            : (null, error);
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static string? Check(string option, string? path, Func<string, bool> exists, string kind) => path switch
    {
        null => null,
        "" => $"{option} needs a {kind}.",
        _ when !exists(path) => $"{option}: no such {kind}: {path}",
        _ => null,
    };

    private static string? Full(string? path) => path is null ? null : Path.GetFullPath(path);
}
