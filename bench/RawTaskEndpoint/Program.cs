using System.Data;
using System.Globalization;
using Npgsql;
using RawTaskEndpoint;

// The ceiling for GET /api/v1/tasks/{id}: one prepared SELECT through a pooled NpgsqlDataSource, written as JSON by
// a source-generated serializer. No mediator, no EF Core, no validation, no problem details, no telemetry.
const string Sql = """
    SELECT id, title, description, assignee_user_id, creator_user_id, status, due_at, created_at, updated_at, completed_at
    FROM tasks WHERE id = $1
    """;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var connectionString = builder.Configuration.GetConnectionString("Default")
    ?? throw new InvalidOperationException("Set ConnectionStrings__Default.");
await using var dataSource = NpgsqlDataSource.Create(connectionString);

var app = builder.Build();
app.MapGet("/api/v1/tasks/{id:guid}", async (Guid id, CancellationToken ct) =>
{
    await using var command = dataSource.CreateCommand(Sql);
    command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
    await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, ct);
    if (!await reader.ReadAsync(ct))
    {
        return Results.NotFound();
    }

    var row = TaskRowReader.Read(reader);
    return Results.Json(row, RawJson.Default.TaskRow);
});
// Not a duty: bench/run.sh reads the runtime's count of bytes allocated (the counter the API serves at /metrics as
// dotnet_gc_heap_total_allocated_bytes_total) before and after a measurement, to print bytes allocated per request.
app.MapGet("/bench/allocated-bytes", () => GC.GetTotalAllocatedBytes().ToString(CultureInfo.InvariantCulture));
await app.RunAsync();
