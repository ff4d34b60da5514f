namespace NakamuraMisaki.Import;

/// <summary>What a run imports, in its order: the sessions, their message histories, notes, agent tasks.</summary>
public enum ImportSource
{
    Sessions,
    SessionMessages,
    Notes,
    AgentTasks,
}

public static class ImportSourceNames
{
    public static string Name(this ImportSource source) => source switch
    {
        ImportSource.Sessions => "sessions",
        ImportSource.SessionMessages => "session messages",
        ImportSource.Notes => "notes",
        ImportSource.AgentTasks => "agent tasks",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };
}
