namespace NakamuraMisaki.Api.CommandLine.Backups;

/// <summary>The backup, restore and export commands' exit codes (documented in README and docs/operations.md).</summary>
internal static class BackupExitCodes
{
    /// <summary>Done, and every check held.</summary>
    public const int Success = 0;

    /// <summary>Refused or failed a check: checksum mismatch, a database holding rows, row counts that differ.</summary>
    public const int CheckFailed = 1;

    /// <summary>The command line is wrong, or a path does not exist. Nothing was done.</summary>
    public const int Usage = 2;

    /// <summary>Could not finish: database unreachable, pg_dump/pg_restore missing or failing, interrupted.</summary>
    public const int Failed = 3;
}
