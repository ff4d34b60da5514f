using System.Data;
using System.Data.Common;
using NakamuraMisaki.Application.Tasks;
using NakamuraMisaki.Domain.Tasks;
using NakamuraMisaki.Infrastructure.Database;
using Npgsql;

namespace NakamuraMisaki.Infrastructure.Persistence.Repositories;

/// <summary>
/// GET /api/v1/tasks/{id}, the hottest read, without EF Core: one prepared SELECT on the shared data source, retried
/// on transient failures like every EF Core query. A singleton: it rents no DbContext and resolves nothing per request.
/// Even compiled and untracked, the EF Core query cost about 30 µs of CPU per request more than this (its execution
/// strategy, a buffered reader, the query context); see bench/RESULTS.md. TaskReaderTests checks that every column
/// EF Core maps is read here, so a new one cannot be missed.
/// </summary>
public sealed class TaskReader(NpgsqlDataSource dataSource, TransientReadRetry retry) : ITaskReader
{
    public static readonly string[] Columns =
    [
        "id", "title", "description", "assignee_user_id", "creator_user_id", "status", "due_at", "created_at",
        "updated_at", "completed_at", "xmin",
    ];

    // Visible to its assignee and creator only: TaskSpecifications.VisibleTo by hand, for speed. TaskReaderTests holds
    // this SQL to the specification.
    private static readonly string Sql =
        $"SELECT {string.Join(", ", Columns)} FROM tasks WHERE id = $1 AND (assignee_user_id = $2 OR creator_user_id = $2)";

    public Task<TaskItem?> GetAsync(Guid id, string viewer, CancellationToken cancellationToken) =>
        retry.ExecuteAsync((dataSource, id, viewer), static (state, ct) => ReadAsync(state.dataSource, state.id, state.viewer, ct),
            cancellationToken);

    private static async Task<TaskItem?> ReadAsync(
        NpgsqlDataSource dataSource, Guid id, string viewer, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = viewer });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Materialize(reader) : null;
    }

    private static TaskItem Materialize(DbDataReader row)
    {
        var task = TaskItemAccessor.Create();
        TaskItemAccessor.SetId(task, row.GetGuid(0));
        TaskItemAccessor.SetTitle(task, row.GetString(1));
        TaskItemAccessor.SetDescription(task, row.IsDBNull(2) ? null : row.GetString(2));
        TaskItemAccessor.SetAssigneeUserId(task, row.GetString(3));
        TaskItemAccessor.SetCreatorUserId(task, row.GetString(4));
        TaskItemAccessor.SetStatus(task, TaskItemStatusNames.Words.Parse(row.GetString(5)));
        TaskItemAccessor.SetDueAt(task, NullableInstant(row, 6));
        TaskItemAccessor.SetCreatedAt(task, row.GetFieldValue<DateTimeOffset>(7));
        TaskItemAccessor.SetUpdatedAt(task, row.GetFieldValue<DateTimeOffset>(8));
        TaskItemAccessor.SetCompletedAt(task, NullableInstant(row, 9));
        TaskItemAccessor.SetVersion(task, row.GetFieldValue<uint>(10)); // xmin: the ETag

        return task;
    }

    private static DateTimeOffset? NullableInstant(DbDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : row.GetFieldValue<DateTimeOffset>(ordinal);
}
