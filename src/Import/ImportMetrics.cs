using System.Diagnostics.Metrics;
using NakamuraMisaki.Application.Common.Telemetry;

namespace NakamuraMisaki.Import;

/// <summary>
/// nakamura_misaki.import.records (Prometheus: nakamura_misaki_import_records_total): every record an import read, by
/// source, mode and what became of it. Exported over OTLP when Otlp:Endpoint is set; the command prints the same
/// figures in its report.
/// </summary>
public sealed class ImportMetrics(AppMeter meter)
{
    private readonly Counter<long> _records = meter.Meter.CreateCounter<long>(
        "nakamura_misaki.import.records", "{record}", "Records read from the old stores, by source, mode and outcome.");

    public void Record(SourceReport report)
    {
        Add(report, report.Imported, "imported");
        Add(report, report.AlreadyPresent, "already_present");
        Add(report, report.Duplicates.Count, "duplicate");
        Add(report, report.Rejected.Count, "rejected");
        Add(report, report.Conflicts.Count, "conflict");
        Add(report, report.Missing.Count, "missing");
    }

    private void Add(SourceReport report, int count, string outcome)
    {
        if (count > 0)
        {
            _records.Add(count,
                new KeyValuePair<string, object?>("source", Label(report.Source.ToString())),
                new KeyValuePair<string, object?>("mode", Label(report.Mode.ToString())),
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    // As the API spells them: agent_tasks, dry_run.
    private static string Label(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
