namespace NakamuraMisaki.Api.CommandLine.Import;

/// <summary>The import command's exit codes (documented in README).</summary>
internal static class ImportExitCodes
{
    /// <summary>Every record is stored (or, dry run: could be), none refused, no conflict.</summary>
    public const int Success = 0;

    /// <summary>Records were rejected, stored rows conflict, or (verify) records are missing or mismatched.</summary>
    public const int Problems = 1;

    /// <summary>The command line is wrong, or a path does not exist. Nothing was read.</summary>
    public const int Usage = 2;

    /// <summary>The run could not finish: database unreachable, schema not current, interrupted. Committed batches stay.</summary>
    public const int Failed = 3;
}
