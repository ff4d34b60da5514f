namespace NakamuraMisaki.Import;

/// <summary>What to import: any of the three old stores (at least one), and how.</summary>
/// <param name="SessionsDirectory">The directory holding <c>user_{id}_sessions.json</c> files.</param>
/// <param name="NotesDirectory">A directory searched for <c>.nakamura_notes/{category}.json</c> files at any depth.</param>
/// <param name="AgentTasksDatabase">The coding agent's SQLite <c>tasks.db</c>.</param>
public sealed record ImportRequest(
    string? SessionsDirectory, string? NotesDirectory, string? AgentTasksDatabase, ImportMode Mode = ImportMode.Import);
