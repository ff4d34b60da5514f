namespace NakamuraMisaki.Application.Backups;

/// <summary>One thing a restore or a verification checked, and whether it held.</summary>
public sealed record BackupCheck(string What, bool Passed, string Detail);

public sealed record RestoreOutcome(RestoreStatus Status, IReadOnlyList<BackupCheck> Checks, IReadOnlyList<string> MigrationsApplied)
{
    public bool Succeeded => Status == RestoreStatus.Restored && Checks.All(c => c.Passed);
}

public enum RestoreStatus
{
    Restored,

    /// <summary>The archive does not match its manifest's checksum (or has no manifest); nothing was changed.</summary>
    ArchiveRejected,

    /// <summary>The database holds rows and --force was not given; nothing was changed.</summary>
    DatabaseNotEmpty,
}

public sealed record VerifyOutcome(IReadOnlyList<BackupCheck> Checks)
{
    public bool Succeeded => Checks.Count > 0 && Checks.All(c => c.Passed);
}

/// <summary>The archive is not the one its manifest describes: a changed byte, a truncated copy, a missing manifest.</summary>
public sealed class BackupArchiveRejectedException(string message) : Exception(message);
