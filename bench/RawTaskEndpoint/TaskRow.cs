using System.Text.Json.Serialization;

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
