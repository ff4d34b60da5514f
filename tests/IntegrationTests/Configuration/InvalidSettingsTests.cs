using System.Net;
using Microsoft.AspNetCore.Hosting;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;

namespace NakamuraMisaki.IntegrationTests.Configuration;

/// <summary>A setting that could only fail later, one request or one job pass at a time, stops the start instead.</summary>
public sealed class InvalidSettingsTests(ApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData("RateLimiting:PermitsPerSecond", "0")]
    [InlineData("RateLimiting:Burst", "-1")]
    [InlineData("Limits:MaxRequestBodyBytes", "0")]
    [InlineData("Otlp:Endpoint", "localhost:4317")]
    [InlineData("Otlp:Endpoint", "ftp://collector:4317")]
    [InlineData("Reminders:BatchSize", "0")]
    [InlineData("Reminders:MaxBackoffMinutes", "0")]
    [InlineData("Slack:Timeout", "00:00:00")]
    [InlineData("Sessions:Cleanup:IntervalMinutes", "0")]
    [InlineData("Sessions:TitleTimeZone", "Mars/Olympus")]
    public void A_bad_value_fails_startup_with_a_message_naming_the_setting(string setting, string value)
    {
        using var host = Factory.WithWebHostBuilder(builder => builder.UseSetting(setting, value));

        var error = Record.Exception(() => host.Services);

        Assert.NotNull(error);
        Assert.Contains(setting, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_body_limit_in_force_is_the_configured_one()
    {
        using var host = Factory.WithWebHostBuilder(builder => builder.UseSetting("Limits:MaxRequestBodyBytes", "2048"));
        using var client = host.CreateClient();

        var response = await client.PostAsync(TaskRequests.Route, TaskRequests.Json(
            $$"""{"title":"t","description":"{{new string('x', 3000)}}","assignee_user_id":"U0ALICE01"}"""));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }
}
