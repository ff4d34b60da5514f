using NakamuraMisaki.Application.Backups;

namespace NakamuraMisaki.Api.CommandLine.Backups;

/// <summary>Prints what a restore or a verification checked, one line a check, and picks the exit code.</summary>
internal static class BackupReport
{
    public static int Write(string what, VerifyOutcome outcome, TextWriter output)
    {
        WriteChecks(outcome.Checks, output);
        output.WriteLine(outcome.Succeeded ? $"The {what} passed every check." : $"The {what} FAILED: see the checks marked FAIL.");
        return outcome.Succeeded ? ExitCodes.Success : ExitCodes.Problems;
    }

    public static int Write(RestoreOutcome outcome, TextWriter output)
    {
        WriteChecks(outcome.Checks, output);
        output.WriteLine(outcome.Status switch
        {
            RestoreStatus.ArchiveRejected => "Refused: the archive is not the one its manifest describes. Nothing was changed.",
            RestoreStatus.DatabaseNotEmpty => "Refused: the database holds rows. Nothing was changed.",
            _ when outcome.Succeeded => "Restored; every check passed.",
            _ => "Restored, but some checks FAILED: see the lines marked FAIL.",
        });
        return outcome.Succeeded ? ExitCodes.Success : ExitCodes.Problems;
    }

    private static void WriteChecks(IEnumerable<BackupCheck> checks, TextWriter output)
    {
        foreach (var check in checks)
        {
            output.WriteLine($"  {(check.Passed ? "ok  " : "FAIL")} {check.What}: {check.Detail}");
        }
    }
}
