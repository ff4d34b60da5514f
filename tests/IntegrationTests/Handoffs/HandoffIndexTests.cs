using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Domain.Handoffs.Specifications;
using NakamuraMisaki.Domain.Tasks.Specifications;
using NakamuraMisaki.Infrastructure.Persistence;
using NakamuraMisaki.Infrastructure.Reminders;
using NakamuraMisaki.IntegrationTests.Support;
using Npgsql;

namespace NakamuraMisaki.IntegrationTests.Handoffs;

/// <summary>
/// The hot queries can use their partial indexes (the planner is told to avoid scanning the table). Each query is the
/// one the service runs: the reminder claim's own SQL, or the specification as EF Core translates it, so the planner
/// proves that the query's predicate implies the index's filter.
/// </summary>
public sealed class HandoffIndexTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task The_reminder_claim_is_served_by_its_index()
    {
        var now = Factory.Clock.GetUtcNow();
        Assert.Contains("ix_handoffs_reminder_due", await PlanAsync(HandoffReminderQueue.ClaimSql,
            new NpgsqlParameter("claimed_until", now), new NpgsqlParameter("due_until", now),
            new NpgsqlParameter("pass_started_at", now), new NpgsqlParameter("batch_size", 20)));
    }

    [Fact]
    public async Task The_recipients_pending_list_is_served_by_its_index()
    {
        using var scope = Factory.Services.CreateScope();
        var query = scope.ServiceProvider.GetRequiredService<AppDbContext>().Handoffs
            .Where(HandoffSpecifications.Open).Where(h => h.ToUserId == "U0BOB0002").OrderBy(h => h.HandoffAt);

        Assert.Contains("ix_handoffs_pending_to_user_id_handoff_at", await PlanAsync(query.ToQueryString()));
    }

    [Fact]
    public async Task The_overdue_scan_is_served_by_the_open_task_index()
    {
        using var scope = Factory.Services.CreateScope();
        var query = scope.ServiceProvider.GetRequiredService<AppDbContext>().Tasks
            .Where(TaskSpecifications.Open).OrderBy(t => t.DueAt);

        Assert.Contains("ix_tasks_open_due_at", await PlanAsync(query.ToQueryString()));
    }

    private async Task<string> PlanAsync(string query, params NpgsqlParameter[] parameters)
    {
        await using var connection = new NpgsqlConnection(Factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var noSeqScan = new NpgsqlCommand("SET LOCAL enable_seqscan = off", connection, transaction))
        {
            await noSeqScan.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + query, connection, transaction);
        explain.Parameters.AddRange(parameters);
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }

        return string.Join('\n', plan);
    }
}
