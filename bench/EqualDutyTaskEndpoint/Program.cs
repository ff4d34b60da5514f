using System.Data;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using RawTaskEndpoint;

// The equal-duty yardstick for GET /api/v1/tasks/{id}: every duty the API's GET performs, written minimally by hand
// with no framework layer (no authentication handler, mediator, validation pipeline, filters, telemetry):
//   1. Authorization: Bearer <key>: SHA-256 of the key compared in constant time with the configured hash -> 401;
//   2. X-Slack-User-Id: exactly one value, 1-64 upper-case letters and digits -> 400;
//   3. the visibility rule in the SQL (assignee or creator; anyone else gets 404, as if the task did not exist);
//   4. ETag from xmin; 5. JSON with the same fields as the API.
// bench/run.sh reports the API's rate divided by this one's: what the API's layers cost beyond the duties.
const string Sql = """
    SELECT id, title, description, assignee_user_id, creator_user_id, status, due_at, created_at, updated_at,
           completed_at, xmin
    FROM tasks WHERE id = $1 AND (assignee_user_id = $2 OR creator_user_id = $2)
    """;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var connectionString = builder.Configuration.GetConnectionString("Default")
    ?? throw new InvalidOperationException("Set ConnectionStrings__Default.");
var keyHash = Convert.FromHexString(builder.Configuration["ApiKeySha256"]
    ?? throw new InvalidOperationException("Set ApiKeySha256 (hex SHA-256 of the accepted API key)."));
await using var dataSource = NpgsqlDataSource.Create(connectionString);

var app = builder.Build();
app.MapGet("/api/v1/tasks/{id:guid}", async (Guid id, HttpContext http, CancellationToken ct) =>
{
    if (!KeyMatches(http.Request.Headers.Authorization.ToString(), keyHash))
    {
        return Results.Unauthorized();
    }

    var users = http.Request.Headers["X-Slack-User-Id"];
    if (users.Count != 1 || !IsSlackUserId(users[0]))
    {
        return Results.BadRequest();
    }

    await using var command = dataSource.CreateCommand(Sql);
    command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = users[0] });
    await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, ct);
    if (!await reader.ReadAsync(ct))
    {
        return Results.NotFound();
    }

    var row = TaskRowReader.Read(reader);
    http.Response.Headers.ETag = "\"" + reader.GetFieldValue<uint>(10).ToString(CultureInfo.InvariantCulture) + "\"";
    return Results.Json(row, RawJson.Default.TaskRow);
});
// Not a duty: bench/run.sh reads the runtime's count of bytes allocated (the counter the API serves at /metrics as
// dotnet_gc_heap_total_allocated_bytes_total) before and after a measurement, to print bytes allocated per request.
app.MapGet("/bench/allocated-bytes", () => GC.GetTotalAllocatedBytes().ToString(CultureInfo.InvariantCulture));
await app.RunAsync();

static bool KeyMatches(string authorization, byte[] expected)
{
    const string Bearer = "Bearer ";
    if (!authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
    {
        return false;
    }

    Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
    SHA256.HashData(Encoding.UTF8.GetBytes(authorization[Bearer.Length..].Trim()), presented);
    return CryptographicOperations.FixedTimeEquals(presented, expected);
}

static bool IsSlackUserId(string? value)
{
    if (string.IsNullOrEmpty(value) || value.Length > 64)
    {
        return false;
    }

    foreach (var c in value)
    {
        if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9')))
        {
            return false;
        }
    }

    return true;
}
