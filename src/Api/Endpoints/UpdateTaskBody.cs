using NakamuraMisaki.Application.Common;
using NakamuraMisaki.Application.Tasks.Commands.UpdateTask;

namespace NakamuraMisaki.Api.Endpoints;

/// <summary>
/// PATCH body with JSON Merge Patch semantics: a field left out is unchanged, a field sent as null is cleared.
/// System.Text.Json calls a setter only for properties present in the JSON, which is how presence is recorded.
/// </summary>
public sealed class UpdateTaskBody
{
    private Optional<string?> _title, _description, _assigneeUserId;
    private Optional<DateTimeOffset?> _dueAt;

    public string? Title { get => _title.Value; set => _title = value; }
    public string? Description { get => _description.Value; set => _description = value; }
    public DateTimeOffset? DueAt { get => _dueAt.Value; set => _dueAt = value; }
    public string? AssigneeUserId { get => _assigneeUserId.Value; set => _assigneeUserId = value; }

    internal UpdateTask ToCommand(Guid id) => new(id, _title, _description, _dueAt, _assigneeUserId);
}
