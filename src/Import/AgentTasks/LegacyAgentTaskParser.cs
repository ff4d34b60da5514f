using NakamuraMisaki.Import.Common;
using NakamuraMisaki.Domain.AgentTasks;

namespace NakamuraMisaki.Import.AgentTasks;

/// <summary>
/// One row of <c>tasks</c>. Counters that are NULL become 0 (the agent only ever added to them); a missing
/// started_at is the created_at (the agent started runs as it created them); empty optional texts are NULL. The
/// legacy words are matched without regard to case or surrounding spaces, and stored in lower case.
/// </summary>
public static class LegacyAgentTaskParser
{
    public static readonly IReadOnlyList<string> RequiredColumns =
        ["uuid", "task_source", "owner", "repo", "task_type", "task_id", "status", "created_at"];

    private static readonly LegacyAgentTaskValidator Validator = new();
    private static readonly IReadOnlyList<string> Types = AgentTaskNames.Type.All;

    public static LegacyAgentTask Parse(LegacyRowFields row)
    {
        var uuidText = row.RequiredText("uuid");
        if (!Guid.TryParse(uuidText.Trim(), out var uuid) || uuid == Guid.Empty)
        {
            throw new InvalidLegacyRecordException($"'uuid' \"{uuidText}\" is not a UUID");
        }

        var source = Word(row, "task_source");
        if (!AgentTaskNames.Source.TryParse(source, out var parsedSource))
        {
            throw new InvalidLegacyRecordException($"'task_source' \"{source}\" is not github or gitlab");
        }

        var type = Word(row, "task_type");
        if (!Types.Contains(type))
        {
            throw new InvalidLegacyRecordException($"'task_type' \"{type}\" is not one of {string.Join(", ", Types)}");
        }

        var parsedType = AgentTaskNames.Type.Parse(type);
        if (!AgentTaskTarget.Allows(parsedSource, parsedType))
        {
            throw new InvalidLegacyRecordException($"a {source} task cannot be a {type}");
        }

        var status = Word(row, "status");
        if (!AgentTaskNames.Status.TryParse(status, out var parsedStatus))
        {
            throw new InvalidLegacyRecordException(
                $"'status' \"{status}\" is not one of {string.Join(", ", AgentTaskNames.Status.All)}");
        }

        // Read in the order of the old row's columns, so that of two faults the report names the same one as before.
        var createdAt = row.RequiredTimestamp("created_at");
        var target = new AgentTaskTarget(
            parsedSource, row.RequiredText("owner"), row.RequiredText("repo"), parsedType, row.RequiredText("task_id").Trim());
        var startedAt = row.OptionalTimestamp("started_at") ?? createdAt;
        var completedAt = row.OptionalTimestamp("completed_at");
        var runner = new AgentTaskRunner(
            Int32(row, "process_id"),
            Optional(row, "hostname"),
            Optional(row, "llm_provider"),
            Optional(row, "model"),
            Int32(row, "context_length"));
        var task = new LegacyAgentTask(
            uuid, target, parsedStatus, createdAt, startedAt, completedAt, runner,
            Counter(row, "llm_call_count"),
            Counter(row, "tool_call_count"),
            Counter(row, "total_tokens"),
            Counter(row, "compression_count"),
            Optional(row, "error_message"),
            Optional(row, "user"));
        return Validator.ValidOrThrow(task);
    }

    private static string Word(LegacyRowFields row, string column) =>
        row.RequiredText(column).Trim().ToLowerInvariant();

    private static string? Optional(LegacyRowFields row, string column) =>
        row.OptionalText(column) is { } text && text.Trim().Length > 0 ? text : null;

    private static long Counter(LegacyRowFields row, string column) =>
        row.OptionalInteger(column) is { } value
            ? value >= 0 ? value : throw new InvalidLegacyRecordException($"'{column}' {value} is negative")
            : 0;

    private static int? Int32(LegacyRowFields row, string column) =>
        row.OptionalInteger(column) is { } value
            ? value is >= int.MinValue and <= int.MaxValue ? (int)value
                : throw new InvalidLegacyRecordException($"'{column}' {value} is out of range")
            : null;
}
