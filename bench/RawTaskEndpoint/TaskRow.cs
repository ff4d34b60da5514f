using System.Text.Json.Serialization;
using Npgsql;

namespace RawTaskEndpoint;

/// <summary>The same fields, names and formats as the product's GET /api/v1/tasks/{id} answer.</summary>
internal sealed record TaskRow(
    Guid Id,
    string Title,
    string? Description,
    string AssigneeUserId,
    string CreatorUserId,
    string Status,
    DateTimeOffset? DueAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt,
    bool IsOverdue);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(TaskRow))]
internal sealed partial class RawJson : JsonSerializerContext;

/// <summary>Both yardsticks' SELECT starts with the same ten columns, in this order.</summary>
internal static class TaskRowReader
{
    public static TaskRow Read(NpgsqlDataReader reader)
    {
        var status = reader.GetString(5);
        var dueAt = reader.IsDBNull(6) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(6);
        var open = status is "pending" or "in_progress";
        return new TaskRow(
            reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
            reader.GetString(4), status, dueAt, reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateTimeOffset>(8),
            reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
            open && dueAt < DateTimeOffset.UtcNow);
    }
}
