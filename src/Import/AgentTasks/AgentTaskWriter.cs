using NakamuraMisaki.Domain.AgentTasks;
using NakamuraMisaki.Import.Common;
using Npgsql;
using static NakamuraMisaki.Import.Common.StagedColumn;

namespace NakamuraMisaki.Import.AgentTasks;

internal sealed class AgentTaskWriter(NpgsqlDataSource dataSource)
    : StagedTable<LegacyAgentTask>(dataSource, Table, "uuid", Columns)
{
    public const string Table = "agent_tasks";

    /// <summary>Every column of agent_tasks: a test checks the list against the EF Core model, so a new column cannot be missed.</summary>
    internal static readonly IReadOnlyList<StagedColumn<LegacyAgentTask>> Columns =
    [
        Uuid<LegacyAgentTask>("uuid", t => t.Uuid),
        Text<LegacyAgentTask>("task_source", t => AgentTaskNames.Source.Name(t.Target.Source)),
        Text<LegacyAgentTask>("owner", t => t.Target.Owner),
        Text<LegacyAgentTask>("repo", t => t.Target.Repo),
        Text<LegacyAgentTask>("task_type", t => AgentTaskNames.Type.Name(t.Target.Type)),
        Text<LegacyAgentTask>("task_id", t => t.Target.TaskId),
        Text<LegacyAgentTask>("status", t => AgentTaskNames.Status.Name(t.Status)),
        TimestampTz<LegacyAgentTask>("created_at", t => t.CreatedAt),
        TimestampTz<LegacyAgentTask>("started_at", t => t.StartedAt),
        TimestampTz<LegacyAgentTask>("completed_at", t => t.CompletedAt),
        Integer<LegacyAgentTask>("process_id", t => t.Runner.ProcessId),
        Text<LegacyAgentTask>("hostname", t => t.Runner.Hostname),
        Text<LegacyAgentTask>("llm_provider", t => t.Runner.LlmProvider),
        Text<LegacyAgentTask>("model", t => t.Runner.Model),
        Integer<LegacyAgentTask>("context_length", t => t.Runner.ContextLength),
        Bigint<LegacyAgentTask>("llm_call_count", t => t.LlmCallCount),
        Bigint<LegacyAgentTask>("tool_call_count", t => t.ToolCallCount),
        Bigint<LegacyAgentTask>("total_tokens", t => t.TotalTokens),
        Bigint<LegacyAgentTask>("compression_count", t => t.CompressionCount),
        Text<LegacyAgentTask>("error_message", t => t.ErrorMessage),
        Text<LegacyAgentTask>("user_name", t => t.User), // the old `user` (see AgentTaskConfiguration)
    ];

    public override int BatchSize => 5_000;
}
