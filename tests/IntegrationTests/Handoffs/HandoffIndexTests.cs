using NakamuraMisaki.IntegrationTests.Support;
using Npgsql;

namespace NakamuraMisaki.IntegrationTests.Handoffs;

/// <summary>The two hot queries can use their partial indexes (the planner is told to avoid scanning the table).</summary>
public sealed class HandoffIndexTests(ApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData(
        "SELECT id FROM handoffs WHERE reminded_at IS NULL AND reminder_failed_at IS NULL AND completed_at IS NULL " +
        "AND handoff_at <= now() " +
        "AND (reminder_claimed_until IS NULL OR reminder_claimed_until < now()) ORDER BY handoff_at LIMIT 20 FOR UPDATE SKIP LOCKED",
        "ix_handoffs_reminder_due")]
    [InlineData(
        "SELECT * FROM handoffs WHERE to_user_id = 'U0BOB0002' AND completed_at IS NULL ORDER BY handoff_at, id LIMIT 20",
        "ix_handoffs_pending_to_user_id_handoff_at")]
    public async Task A_hot_query_is_served_by_its_index(string query, string index)
    {
        await using var connection = new NpgsqlConnection(Factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var noSeqScan = new NpgsqlCommand("SET LOCAL enable_seqscan = off", connection, transaction))
        {
            await noSeqScan.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + query, connection, transaction);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.Contains(plan, line => line.Contains(index, StringComparison.Ordinal));
    }
}
