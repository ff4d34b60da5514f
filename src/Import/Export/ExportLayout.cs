namespace NakamuraMisaki.Import.Export;

/// <summary>
/// Where an export puts each store, the old assistant's layout under one directory, so that
/// <c>import --sessions DIR/workspaces/sessions --notes DIR/workspaces --agent-tasks DIR/contexts/tasks.db</c> reads it
/// back and the old assistant can be pointed at it.
/// </summary>
public sealed record ExportLayout(string Root)
{
    public string Sessions => Path.Combine(Root, "workspaces", "sessions");
    public string Workspace => Path.Combine(Root, "workspaces");
    public string Notes => Path.Combine(Workspace, ".nakamura_notes");
    public string AgentTasks => Path.Combine(Root, "contexts", "tasks.db");

    /// <summary>Tasks and hand-offs had no file store in the old system: they get a JSON file of their own.</summary>
    public string TasksAndHandoffs => Path.Combine(Root, "tasks-and-handoffs.json");
}
