using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;
using NakamuraMisaki.Application.Tasks;
using NakamuraMisaki.Domain.Handoffs;
using NakamuraMisaki.Domain.Handoffs.Specifications;
using NakamuraMisaki.Domain.Tasks;
using NakamuraMisaki.Domain.Tasks.Specifications;
using NakamuraMisaki.Infrastructure.Persistence;
using NakamuraMisaki.Infrastructure.Persistence.Specifications;
using NakamuraMisaki.IntegrationTests.Support;
using Npgsql;

namespace NakamuraMisaki.IntegrationTests.Database;

/// <summary>
/// Each hand-written SQL form of a specification selects exactly the rows the specification's expression does, in
/// memory and as EF Core translates it, over rows in every state the rule distinguishes (as TaskReaderTests does for
/// TaskReader's visibility).
/// </summary>
public sealed class SpecificationSqlTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Alice = "U0ALICE01";
    private const string Bob = "U0BOB0002";
    private static readonly TimeSpan Lead = Handoff.DefaultReminderLeadTime;

    [Fact]
    public async Task The_open_task_predicate_selects_what_the_specification_does()
    {
        await AddTasksInEveryStateAsync();
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var all = await db.Tasks.AsNoTracking().ToListAsync();

        var expected = all.Where(TaskSpecifications.Open.Compile()).Select(t => t.Id).Order().ToArray();

        Assert.NotEmpty(expected);
        Assert.NotEqual(all.Count, expected.Length);
        Assert.Equal(expected, await IdsWhereAsync("tasks", TaskSpecificationSql.Open));
        Assert.Equal(expected, (await db.Tasks.Where(TaskSpecifications.Open).Select(t => t.Id).ToArrayAsync()).Order());
    }

    [Fact]
    public async Task The_overdue_list_holds_exactly_the_tasks_the_entity_calls_overdue()
    {
        await AddTasksInEveryStateAsync();
        var now = Factory.Clock.GetUtcNow();
        using var scope = Factory.Services.CreateScope();
        var all = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tasks.AsNoTracking().ToListAsync();

        var listed = await scope.ServiceProvider.GetRequiredService<ITaskRepository>()
            .ListOverdueAsync(Alice, now, new PageRequest(100, 0), Alice, CancellationToken.None);

        var expected = all.Where(t => t.IsOverdueAt(now)).Select(t => t.Id).Order().ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, listed.Items.Select(t => t.Id).Order().ToArray());
    }

    [Fact]
    public async Task The_hand_off_predicates_select_what_the_specifications_do()
    {
        await AddHandoffsInEveryStateAsync();
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var all = await db.Handoffs.AsNoTracking().ToListAsync();

        foreach (var (rule, sql) in new[]
                 {
                     (HandoffSpecifications.Open, HandoffSpecificationSql.Open),
                     (HandoffSpecifications.ReminderOutstanding, HandoffSpecificationSql.ReminderOutstanding),
                 })
        {
            var expected = all.Where(rule.Compile()).Select(h => h.Id).Order().ToArray();
            Assert.NotEmpty(expected);
            Assert.NotEqual(all.Count, expected.Length);
            Assert.Equal(expected, await IdsWhereAsync("handoffs", sql));
            Assert.Equal(expected, (await db.Handoffs.Where(rule).Select(h => h.Id).ToArrayAsync()).Order());
        }
    }

    [Fact]
    public async Task The_reminder_claim_takes_exactly_the_hand_offs_whose_reminder_is_due()
    {
        await AddHandoffsInEveryStateAsync();
        var now = Factory.Clock.GetUtcNow();
        using var scope = Factory.Services.CreateScope();
        var all = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Handoffs.AsNoTracking().ToListAsync();

        var claimed = await scope.ServiceProvider.GetRequiredService<IHandoffReminderQueue>().ClaimAsync(
            now, HandoffSpecifications.ReminderDueUntil(now, Lead), now.AddMinutes(2), 100, CancellationToken.None);

        var expected = all.Where(h => h.IsReminderDueAt(now, Lead)).Select(h => h.Id).Order().ToArray();
        Assert.NotEmpty(expected);
        Assert.NotEqual(all.Count(h => h.IsReminderDueAt(now.AddDays(30), Lead)), expected.Length); // time matters too
        Assert.Equal(expected, claimed.Select(r => r.HandoffId).Order().ToArray());
    }

    private async Task AddTasksInEveryStateAsync()
    {
        var now = Factory.Clock.GetUtcNow();
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var due in new DateTimeOffset?[] { null, now.AddHours(-1), now, now.AddHours(1) })
        {
            foreach (var transition in new Action<TaskItem>?[]
                     {
                         null, t => t.Start(now), t => t.Complete(now), t => t.Cancel(now), t => { t.Start(now); t.Complete(now); },
                     })
            {
                var task = TaskItem.Create("資料", null, Alice, Bob, due, now.AddDays(-1));
                transition?.Invoke(task);
                db.Tasks.Add(task);
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Hand-offs due long ago, within the lead time and later; fresh, accepted, completed, reminded, given up on.</summary>
    private async Task AddHandoffsInEveryStateAsync()
    {
        var now = Factory.Clock.GetUtcNow();
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var created = new List<(Handoff Handoff, string State)>();
        foreach (var at in new[] { now.AddDays(-1), now + Lead, now + Lead + TimeSpan.FromMinutes(1), now.AddDays(1) })
        {
            foreach (var state in new[] { "fresh", "accepted", "completed", "reminded", "failed", "reminded+completed" })
            {
                var handoff = Handoff.Create(null, Alice, Bob, "進捗", "次", at, now.AddDays(-2));
                if (state == "accepted")
                {
                    handoff.Accept(Bob, now);
                }

                if (state.EndsWith("completed", StringComparison.Ordinal))
                {
                    handoff.Complete(now);
                }

                db.Handoffs.Add(handoff);
                created.Add((handoff, state));
            }
        }

        await db.SaveChangesAsync();
        foreach (var (handoff, state) in created.Where(c => c.State.StartsWith("reminded", StringComparison.Ordinal)))
        {
            await db.Handoffs.Where(h => h.Id == handoff.Id).ExecuteUpdateAsync(s => s.SetProperty(h => h.RemindedAt, now));
        }

        foreach (var (handoff, _) in created.Where(c => c.State == "failed"))
        {
            await db.Handoffs.Where(h => h.Id == handoff.Id).ExecuteUpdateAsync(s => s
                .SetProperty(h => h.ReminderFailedAt, now).SetProperty(h => h.ReminderError, "channel_not_found"));
        }
    }

    private async Task<Guid[]> IdsWhereAsync(string table, string predicate)
    {
        await using var connection = new NpgsqlConnection(Factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT id FROM {table} WHERE {predicate}", connection);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids.Order().ToArray(); // in .NET's order, as the expected ids are
    }
}
