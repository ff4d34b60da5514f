using NakamuraMisaki.Import.AgentTasks;
using NakamuraMisaki.Import.Common;
using NakamuraMisaki.Import.Notes;
using NakamuraMisaki.Import.SessionMessages;
using NakamuraMisaki.Import.Sessions;

namespace NakamuraMisaki.Import;

/// <summary>
/// Imports the old stores named in the request, sessions first, then notes, then agent tasks. Each batch is committed
/// on its own, so a run that is interrupted keeps what it wrote, and running it again carries on where it stopped.
/// </summary>
public sealed class LegacyImporter(
    SessionImportPlan sessions, SessionMessageImportPlan sessionMessages, NoteImportPlan notes, AgentTaskImportPlan agentTasks, TimeProvider time, ImportMetrics metrics)
{
    public async Task<ImportReport> RunAsync(ImportRequest request, IImportProgress progress, CancellationToken cancellationToken)
    {
        var reports = new List<SourceReport>();
        if (request.SessionsDirectory is { } sessionsDirectory)
        {
            reports.Add(await RunAsync(sessions, sessionsDirectory, request.Mode, progress, cancellationToken));
            // Each message needs its session: the histories come after every session of the files is stored.
            reports.Add(await RunAsync(sessionMessages, sessionsDirectory, request.Mode, progress, cancellationToken));
        }

        if (request.NotesDirectory is { } notesDirectory)
        {
            reports.Add(await RunAsync(notes, notesDirectory, request.Mode, progress, cancellationToken));
        }

        if (request.AgentTasksDatabase is { } agentTasksDatabase)
        {
            reports.Add(await RunAsync(agentTasks, agentTasksDatabase, request.Mode, progress, cancellationToken));
        }

        return new ImportReport(request.Mode, reports);
    }

    private async Task<SourceReport> RunAsync<TRecord, TRow>(
        IImportPlan<TRecord, TRow> plan, string origin, ImportMode mode, IImportProgress progress,
        CancellationToken cancellationToken)
        where TRecord : class, ILegacyRecord
        where TRow : ILegacyRecord
    {
        var report = await new SourceImporter<TRecord, TRow>(plan, mode, progress, time).RunAsync(origin, cancellationToken);
        metrics.Record(report);
        return report;
    }
}
