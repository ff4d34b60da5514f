namespace NakamuraMisaki.Import.Export;

/// <summary>
/// <c>export --to DIR</c>: the database back in the old assistant's file layout (<see cref="ExportLayout"/>), the
/// rollback plan. The directory must be new or empty: an export never overwrites stores someone may still need.
/// </summary>
public sealed class LegacyExporter
{
    private readonly SessionFilesExporter _sessions;
    private readonly NoteFilesExporter _notes;
    private readonly AgentTaskDatabaseExporter _agentTasks;
    private readonly TasksAndHandoffsExporter _tasksAndHandoffs;

    internal LegacyExporter(SessionFilesExporter sessions, NoteFilesExporter notes, AgentTaskDatabaseExporter agentTasks,
        TasksAndHandoffsExporter tasksAndHandoffs)
    {
        _sessions = sessions;
        _notes = notes;
        _agentTasks = agentTasks;
        _tasksAndHandoffs = tasksAndHandoffs;
    }

    public static bool CanWriteTo(string directory) =>
        !Directory.Exists(directory) || !Directory.EnumerateFileSystemEntries(directory).Any();

    public async Task<ExportReport> ExportAsync(string directory, CancellationToken cancellationToken)
    {
        if (!CanWriteTo(directory))
        {
            throw new InvalidOperationException($"{directory} is not empty; export writes only into a new or empty directory.");
        }

        var layout = new ExportLayout(Path.GetFullPath(directory));
        Directory.CreateDirectory(layout.Root);
        return new ExportReport(layout.Root,
        [
            await _sessions.ExportAsync(layout, cancellationToken),
            await _notes.ExportAsync(layout, cancellationToken),
            await _agentTasks.ExportAsync(layout, cancellationToken),
            await _tasksAndHandoffs.ExportAsync(layout, cancellationToken),
        ]);
    }
}
