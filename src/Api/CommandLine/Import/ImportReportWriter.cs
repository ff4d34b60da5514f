using System.Globalization;
using NakamuraMisaki.Import;

namespace NakamuraMisaki.Api.CommandLine.Import;

/// <summary>
/// The final report as plain text: a table with one line per source, then every rejected, conflicting and (verify)
/// missing record with its file and position, then the remarks. Plain so it can be kept, grepped and diffed.
/// </summary>
internal static class ImportReportWriter
{
    private const int MaxDuplicatesListed = 20;

    public static void Write(ImportReport report, TextWriter output)
    {
        var (newLabel, presentLabel, conflictLabel) = report.Mode switch
        {
            ImportMode.DryRun => ("would import", "already present", "conflicts"),
            ImportMode.Verify => ("missing", "present", "mismatched"),
            _ => ("imported", "already present", "conflicts"),
        };
        output.WriteLine();
        output.WriteLine(report.Mode switch
        {
            ImportMode.DryRun => "Import report (dry run: nothing was written)",
            ImportMode.Verify => "Verification report (nothing was written)",
            _ => "Import report",
        });
        output.WriteLine(Row("source", "read", newLabel, presentLabel, conflictLabel, "duplicates", "rejected", "rows/s"));
        foreach (var s in report.Sources)
        {
            var fresh = report.Mode == ImportMode.Import ? s.Imported : s.Missing.Count;
            output.WriteLine(Row(s.Source.Name(), N(s.Read), N(fresh), N(s.AlreadyPresent), N(s.Conflicts.Count),
                N(s.Duplicates.Count), N(s.Rejected.Count), N((long)s.RowsPerSecond)));
        }

        foreach (var s in report.Sources)
        {
            WriteDetails(s, conflictLabel, output);
        }

        output.WriteLine();
        output.WriteLine(Summary(report));
    }

    private static void WriteDetails(SourceReport s, string conflictLabel, TextWriter output)
    {
        var name = s.Source.Name();
        output.WriteLine();
        output.WriteLine($"{name} from {s.Origin}");
        foreach (var r in s.Rejected)
        {
            output.WriteLine($"  rejected   {r.Location}: {r.Reason}");
        }

        foreach (var c in s.Conflicts)
        {
            output.WriteLine($"  {conflictLabel,-10} {c.Location}: {c.Key} is stored with other {string.Join(", ", c.DifferingColumns)}; left unchanged");
        }

        if (s.Mode == ImportMode.Verify)
        {
            foreach (var m in s.Missing)
            {
                output.WriteLine($"  missing    {m.Location}: {m.Key}");
            }
        }

        foreach (var d in s.Duplicates.Take(MaxDuplicatesListed))
        {
            output.WriteLine($"  duplicate  {d.Location}: same as {d.First.Position}, skipped");
        }

        if (s.Duplicates.Count > MaxDuplicatesListed)
        {
            output.WriteLine($"  duplicate  … and {N(s.Duplicates.Count - MaxDuplicatesListed)} more exact duplicates, skipped");
        }

        foreach (var remark in s.Remarks)
        {
            output.WriteLine($"  note       {remark}");
        }
    }

    private static string Summary(ImportReport report)
    {
        var rejected = report.Sources.Sum(s => s.Rejected.Count);
        var conflicts = report.Sources.Sum(s => s.Conflicts.Count);
        var missing = report.Sources.Sum(s => s.Missing.Count);
        var imported = report.Sources.Sum(s => s.Imported);
        var problems = new List<string>();
        if (rejected > 0)
        {
            problems.Add($"{N(rejected)} rejected");
        }

        if (conflicts > 0)
        {
            problems.Add($"{N(conflicts)} {(report.Mode == ImportMode.Verify ? "mismatched" : "in conflict with stored rows")}");
        }

        if (report.Mode == ImportMode.Verify && missing > 0)
        {
            problems.Add($"{N(missing)} missing from the database");
        }

        var outcome = report.Mode switch
        {
            ImportMode.Verify when missing == 0 && conflicts == 0 => "Every valid record is in the database as read.",
            ImportMode.Verify => "The database differs from the sources.",
            ImportMode.DryRun => $"Would import {N(missing)} records.",
            _ when imported == 0 => "Nothing imported: every valid record was already present.",
            _ => $"Imported {N(imported)} records.",
        };
        return problems.Count == 0 ? outcome : $"{outcome} Needs attention: {string.Join("; ", problems)}.";
    }

    private static string Row(string source, params string[] columns) =>
        $"{source,-12}" + string.Concat(columns.Select(c => $"{c,16}"));

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
