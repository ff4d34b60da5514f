namespace NakamuraMisaki.Api.CommandLine;

/// <summary>Every verb's exit codes (docs/operations.md, docs/import.md, the README).</summary>
internal static class ExitCodes
{
    /// <summary>Done, and every check held (healthcheck: the service is ready).</summary>
    public const int Success = 0;

    /// <summary>
    /// Refused or a check failed: a checksum mismatch, a database holding rows, row counts that differ; records
    /// rejected, conflicting or missing (import); the service not ready or unreachable (healthcheck).
    /// </summary>
    public const int Problems = 1;

    /// <summary>The command line is wrong, or a path does not exist. Nothing was done.</summary>
    public const int Usage = 2;

    /// <summary>Could not finish: database unreachable, schema not current, pg_dump/pg_restore missing or failing, interrupted.</summary>
    public const int Failed = 3;
}
