namespace NakamuraMisaki.Api.Security;

/// <summary>
/// What an API key may do. A key's scopes are a bit set, computed once when the keys are read, so checking one on a
/// request is a single AND (docs/decisions/0026-scoped-api-keys.md).
/// </summary>
[Flags]
public enum ApiScopes
{
    None = 0,
    TasksRead = 1 << 0,
    TasksWrite = 1 << 1,
    HandoffsRead = 1 << 2,
    HandoffsWrite = 1 << 3,
    NotesRead = 1 << 4,
    NotesWrite = 1 << 5,
    SessionsRead = 1 << 6,
    SessionsWrite = 1 << 7,
    AgentTasksRead = 1 << 8,
    AgentTasksWrite = 1 << 9,
    Maintenance = 1 << 10,
    All = (1 << 11) - 1,
}

/// <summary>The one table of scope names, as configuration, the OpenAPI document and 403 answers spell them.</summary>
public static class ApiScopeNames
{
    private static readonly (ApiScopes Scope, string Name)[] Table =
    [
        (ApiScopes.TasksRead, "tasks:read"), (ApiScopes.TasksWrite, "tasks:write"),
        (ApiScopes.HandoffsRead, "handoffs:read"), (ApiScopes.HandoffsWrite, "handoffs:write"),
        (ApiScopes.NotesRead, "notes:read"), (ApiScopes.NotesWrite, "notes:write"),
        (ApiScopes.SessionsRead, "sessions:read"), (ApiScopes.SessionsWrite, "sessions:write"),
        (ApiScopes.AgentTasksRead, "agent-tasks:read"), (ApiScopes.AgentTasksWrite, "agent-tasks:write"),
        (ApiScopes.Maintenance, "maintenance"),
    ];

    public static IReadOnlyList<string> All { get; } = Table.Select(t => t.Name).ToArray();

    /// <summary>The scope a name stands for; null for a name that is none.</summary>
    public static ApiScopes? Parse(string name) =>
        Table.FirstOrDefault(t => string.Equals(t.Name, name.Trim(), StringComparison.Ordinal)) is { Name: not null } found
            ? found.Scope
            : null;

    /// <summary>The names of the scopes in <paramref name="scopes"/>, in table order.</summary>
    public static IReadOnlyList<string> Of(ApiScopes scopes) =>
        Table.Where(t => (scopes & t.Scope) != 0).Select(t => t.Name).ToArray();
}
