using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using NakamuraMisaki.Application.Common.Telemetry;
using NakamuraMisaki.Import;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.Import;

public sealed class ImportCountsTests(ApiFactory factory) : ImportTest(factory)
{
    [Fact]
    public async Task Every_valid_record_is_imported_and_every_record_read_is_accounted_for()
    {
        var run = await Importer.RunAsync(Stores.AllSources);

        AssertCounts(run.Source(ImportSource.Sessions), read: 13, imported: 5, present: 0, duplicates: 1, rejected: 7);
        AssertCounts(run.Source(ImportSource.Notes), read: 10, imported: 3, present: 0, duplicates: 1, rejected: 6);
        AssertCounts(run.Source(ImportSource.AgentTasks), read: 8, imported: 2, present: 0, duplicates: 1, rejected: 5);
        Assert.Equal(5, await CountAsync("sessions"));
        Assert.Equal(3, await CountAsync("notes"));
        Assert.Equal(2, await CountAsync("agent_tasks"));
        Assert.Equal(1, run.ExitCode); // records were rejected
    }

    [Fact]
    public async Task A_second_run_imports_nothing_and_reports_everything_as_already_present()
    {
        await Importer.RunAsync(Stores.AllSources);

        var second = await Importer.RunAsync(Stores.AllSources);

        AssertCounts(second.Source(ImportSource.Sessions), read: 13, imported: 0, present: 5, duplicates: 1, rejected: 7);
        AssertCounts(second.Source(ImportSource.Notes), read: 10, imported: 0, present: 3, duplicates: 1, rejected: 6);
        AssertCounts(second.Source(ImportSource.AgentTasks), read: 8, imported: 0, present: 2, duplicates: 1, rejected: 5);
        Assert.Contains("Nothing imported: every valid record was already present.", second.Output);
        Assert.Equal(5, await CountAsync("sessions"));
        Assert.Equal(3, await CountAsync("notes"));
        Assert.Equal(2, await CountAsync("agent_tasks"));
    }

    [Fact]
    public async Task Clean_stores_exit_with_zero_on_the_first_and_the_second_run()
    {
        File.Delete(Stores.AgentTasksDatabase);
        AgentTaskRows.Write(Stores.AgentTasksDatabase, AgentTaskRows.Dirty.Take(1));

        var first = await Importer.RunAsync("--agent-tasks", Stores.AgentTasksDatabase);
        var second = await Importer.RunAsync("--agent-tasks", Stores.AgentTasksDatabase);

        Assert.Equal((0, 1), (first.ExitCode, first.Source(ImportSource.AgentTasks).Imported));
        Assert.Equal((0, 0, 1), (second.ExitCode, second.Source(ImportSource.AgentTasks).Imported,
            second.Source(ImportSource.AgentTasks).AlreadyPresent));
    }

    [Fact]
    public async Task The_counts_are_exported_as_the_import_records_metric()
    {
        var recorded = new ConcurrentBag<(string? Source, string? Outcome, long Count)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument is { Meter.Name: AppMeter.Name, Name: "nakamura_misaki.import.records" })
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? source = null, outcome = null;
            foreach (var tag in tags)
            {
                source = tag.Key == "source" ? tag.Value as string : source;
                outcome = tag.Key == "outcome" ? tag.Value as string : outcome;
            }

            recorded.Add((source, outcome, value));
        });
        listener.Start();

        await Importer.RunAsync(Stores.AllSources);

        long Count(string source, string outcome) =>
            recorded.Where(r => r.Source == source && r.Outcome == outcome).Sum(r => r.Count);
        Assert.Equal((5, 1, 7), (Count("sessions", "imported"), Count("sessions", "duplicate"), Count("sessions", "rejected")));
        Assert.Equal((2, 5), (Count("agent_tasks", "imported"), Count("agent_tasks", "rejected")));
    }

    private static void AssertCounts(SourceReport report, int read, int imported, int present, int duplicates, int rejected)
    {
        Assert.Equal(
            (read, imported, present, duplicates, rejected, 0),
            (report.Read, report.Imported, report.AlreadyPresent, report.Duplicates.Count, report.Rejected.Count, report.Conflicts.Count));
        Assert.Equal(report.Read, report.Imported + report.AlreadyPresent + report.Duplicates.Count + report.Rejected.Count
                                  + report.Conflicts.Count + report.Missing.Count);
    }
}
