using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Application.Backups;
using NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using Microsoft.AspNetCore.TestHost;
using Npgsql;

namespace NakamuraMisaki.IntegrationTests.Observability;

/// <summary>
/// deploy/prometheus/alerts.yml is unit-tested by promtool against series it is given; this test closes the other
/// half: every metric the rules name is one the service's /metrics really serves, so renaming an instrument fails here.
/// </summary>
public sealed partial class AlertRuleMetricsTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Every_metric_the_alert_rules_name_is_served_by_metrics()
    {
        // One connection, so that a request can be made to wait for it (pending requests appear once one waited).
        const string name = "NakamuraMisaki-alert-rules";
        using var host = Factory.WithWebHostBuilder(b => b
            .UseSetting("ConnectionStrings:Default", Factory.Database.ConnectionString + $";Application Name={name}")
            .UseSetting("Database:MaxPoolSize", "1"));
        using var client = host.CreateClient();
        var task = await client.CreateTaskAsync();
        Task<HttpResponseMessage> waiting;
        await using (await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync())
        {
            waiting = client.GetAsync($"{TaskRequests.Route}/{task.Id()}");
            while (!(await client.GetStringAsync("/metrics")).Contains("db_client_connection_npgsql_pending_requests{", StringComparison.Ordinal))
            {
                await Task.Delay(50);
            }
        }

        await waiting; // answered once the connection is back
        // Counters and gauges that only appear once something happened: made to happen on this host's instruments.
        host.Services.GetRequiredService<ReminderMetrics>().Record(new ReminderPassResult(Sent: 1, Failed: 1, Deferred: 0, RateLimited: false));
        var backups = host.Services.GetRequiredService<BackupMetrics>();
        backups.Scheduled(TimeSpan.FromDays(1));
        backups.Succeeded(new CompletedBackup(ApiFactory.Epoch, 1234));
        backups.Failed();

        var named = MetricName().Matches(LabelsAndComments().Replace(await File.ReadAllTextAsync(RulesFile()), ""))
            .Select(m => m.Value).ToHashSet();
        var served = await client.GetStringAsync("/metrics");

        Assert.True(named.Count >= 8, $"the rules name only {string.Join(", ", named)}");
        // The slow-command rule counts what lies beyond the 5 s bucket boundary.
        Assert.Matches("""db_client_operation_duration_seconds_bucket\{[^}]*le="5"[,}]""", served);
        Assert.All(named, name => Assert.True(
            Regex.IsMatch(served, $"^{Regex.Escape(name)}[{{ ]", RegexOptions.Multiline), $"/metrics serves no {name}"));
    }

    private static string RulesFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "deploy", "prometheus", "alerts.yml");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("deploy/prometheus/alerts.yml not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The service's metric families: its own, the HTTP server's and the database client's.</summary>
    [GeneratedRegex(@"\b(?:nakamura_misaki|http_server|db_client)_[a-z_]+\b")]
    private static partial Regex MetricName();

    /// <summary>Label lists (<c>by (…)</c>, <c>{…}</c>, <c>{{ $labels.… }}</c>) and comments: they name labels, not metrics.</summary>
    [GeneratedRegex(@"#[^\n]*|\b(?:by|on|without|ignoring)\s*\([^)]*\)|\{[^}]*\}")]
    private static partial Regex LabelsAndComments();
}
