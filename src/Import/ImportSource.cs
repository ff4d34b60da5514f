namespace NakamuraMisaki.Import;

/// <summary>The three old stores, in the order a run imports them.</summary>
public enum ImportSource
{
    Sessions,
    Notes,
    AgentTasks,
}

public static class ImportSourceNames
{
    public static string Name(this ImportSource source) => source switch
    {
        ImportSource.Sessions => "sessions",
        ImportSource.Notes => "notes",
        ImportSource.AgentTasks => "agent tasks",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };
}
