using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Embeddings;
using NakamuraMisaki.Infrastructure.Jobs;
using NakamuraMisaki.IntegrationTests.Notes;
using NakamuraMisaki.IntegrationTests.Sessions;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.Jobs;

/// <summary>
/// The scheduled jobs themselves. The shared test host keeps them off (they would race other tests); here each job
/// is started on its own over the same database and stopped after its first pass.
/// </summary>
public sealed class BackgroundJobTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public void The_test_host_registers_every_job_switched_off_by_configuration()
    {
        var jobs = Factory.Services.GetServices<IHostedService>().OfType<PeriodicJob>().ToArray();

        Assert.Equal(
            [nameof(AuditRefusalsJob), nameof(AuditRetentionJob), nameof(HandoffReminderJob), nameof(IdempotencyKeyCleanupJob), nameof(NoteEmbeddingBackfillJob), nameof(NoteVectorIndexJob),
             nameof(ScheduledBackupJob), nameof(SessionCleanupJob)],
            jobs.Select(j => j.GetType().Name).Order().ToArray());
        Assert.All(jobs, j => Assert.True(j.ExecuteTask?.IsCompletedSuccessfully));
    }

    [Fact]
    public async Task The_session_clean_up_job_expires_and_deletes_on_its_first_pass()
    {
        await Client.CreateSessionAsync("idle-40d");
        Factory.Clock.Advance(TimeSpan.FromDays(39));
        await Client.CreateSessionAsync("idle-25h");
        Factory.Clock.Advance(TimeSpan.FromHours(25));
        await Client.CreateSessionAsync("fresh");

        using var job = new SessionCleanupJob(
            Factory.Services.GetRequiredService<IServiceScopeFactory>(),
            Factory.Services.GetRequiredService<DatabaseSchemaReadiness>(),
            Options.Create(new SessionCleanupOptions { Enabled = true, IntervalMinutes = 60 }),
            NullLogger<SessionCleanupJob>.Instance);
        await job.StartAsync(CancellationToken.None);
        try
        {
            // The pass expires, then deletes: wait for both steps, not just the first (a race seen in CI).
            await EventuallyAsync(async () =>
                (await Client.GetJsonAsync($"{SessionRequests.Route}?active=true")).SessionIds().SequenceEqual(["fresh"])
                && (await Client.GetJsonAsync($"{SessionRequests.Route}")).SessionIds().SequenceEqual(["fresh", "idle-25h"]));
            var all = await Client.GetJsonAsync($"{SessionRequests.Route}");
            Assert.Equal(["fresh", "idle-25h"], all.SessionIds());
        }
        finally
        {
            await job.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_backfill_job_embeds_notes_saved_during_an_outage()
    {
        Factory.Embeddings.Fail();
        var note = await Client.SaveNoteAsync("停電中のメモ");
        Factory.Embeddings.Reset();

        using var job = new NoteEmbeddingBackfillJob(
            Factory.Services.GetRequiredService<IServiceScopeFactory>(),
            Factory.Services.GetRequiredService<DatabaseSchemaReadiness>(),
            Options.Create(new EmbeddingOptions { Backfill = new() { Enabled = true, IntervalSeconds = 3600 } }),
            NullLogger<NoteEmbeddingBackfillJob>.Instance);
        await job.StartAsync(CancellationToken.None);
        try
        {
            await EventuallyAsync(async () =>
                (await Client.GetOkJsonAsync($"{NoteRequests.Route}/{note.Id()}"))
                .GetProperty("embedded").GetBoolean());
        }
        finally
        {
            await job.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_disabled_job_does_nothing()
    {
        await Client.CreateSessionAsync("idle-40d");
        Factory.Clock.Advance(TimeSpan.FromDays(40));

        using var job = new SessionCleanupJob(
            Factory.Services.GetRequiredService<IServiceScopeFactory>(),
            Factory.Services.GetRequiredService<DatabaseSchemaReadiness>(),
            Options.Create(new SessionCleanupOptions { Enabled = false }),
            NullLogger<SessionCleanupJob>.Instance);
        await job.StartAsync(CancellationToken.None);
        await job.ExecuteTask!;

        Assert.Equal(["idle-40d"], (await Client.GetJsonAsync($"{SessionRequests.Route}?active=true")).SessionIds());
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The job's first pass did not happen within 20 s.");
            await Task.Delay(50);
        }
    }
}
