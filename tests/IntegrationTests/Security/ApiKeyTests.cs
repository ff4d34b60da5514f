using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Api.Security;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;

namespace NakamuraMisaki.IntegrationTests.Security;

public sealed class ApiKeyTests(ApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key")]
    [InlineData("Bearer ")]
    [InlineData("Basic dGVzdDp0ZXN0")]
    [InlineData("test-key-7c0ffee")]
    public async Task Api_requests_without_a_valid_key_answer_401_problem_details(string? authorization)
    {
        using var client = Factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{TaskRequests.Route}/{Guid.NewGuid()}");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_valid_key_is_accepted_and_writes_are_refused_without_one()
    {
        using var anonymous = Factory.CreateAnonymousClient();
        var refused = await anonymous.PostAsync(TaskRequests.Route, TaskRequests.Json(
            """{"title":"x","assignee_user_id":"U0ALICE01"}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(0, (await Client.GetOkJsonAsync($"{TaskRequests.Route}?assignee=U0ALICE01")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/metrics")]
    public async Task Health_metrics_and_the_openapi_document_stay_anonymous(string path)
    {
        using var anonymous = Factory.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_declares_the_bearer_scheme_on_api_operations()
    {
        var document = await Client.GetOkJsonAsync("/openapi/v1.json");
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var create = document.GetProperty("paths").GetProperty("/api/v1/tasks").GetProperty("post");
        Assert.Equal("tasks:write", create.GetProperty("security")[0].GetProperty("ApiKey")[0].GetString());
    }

    [Fact]
    public void Key_comparison_finds_the_identity_and_scopes_of_a_hashed_key_and_nothing_else()
    {
        Factory.Keys.Set(("bot", "k1", "tasks:read"), ("agent", "k2", null));
        var store = Factory.Services.GetRequiredService<ApiKeyStore>();

        var bot = Assert.IsType<ApiKeyIdentity>(store.Find("k1")?.Identity);
        Assert.Equal(("bot", ApiScopes.TasksRead), (bot.Client, bot.Scopes));
        var agent = Assert.IsType<ApiKeyIdentity>(store.Find("k2")?.Identity);
        Assert.Equal(("agent", ApiScopes.All), (agent.Client, agent.Scopes));
        Assert.Null(store.Find("k3"));
        Assert.Null(store.Find(""));
        Assert.Null(store.Find(new string('x', 5000)));
    }

    [Fact]
    public async Task Outside_development_a_service_without_keys_refuses_to_start()
    {
        await using var noKeys = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("ConnectionStrings:Default", Factory.Database.ConnectionString);
        });

        var error = Assert.ThrowsAny<Exception>(() => noKeys.CreateClient());
        Assert.Contains("No API key is configured", error.ToString());
    }

    [Fact]
    public void In_development_a_key_is_generated_once_and_kept()
    {
        var root = Directory.CreateTempSubdirectory("nakamura-devkey-").FullName;
        try
        {
            string Configure()
            {
                var builder = WebApplication.CreateBuilder(new WebApplicationOptions
                {
                    EnvironmentName = Environments.Development, ContentRootPath = root,
                });
                DevelopmentApiKey.AddWhenUnconfigured(builder);
                return builder.Configuration["Auth:ApiKeys:0:Sha256"]!;
            }

            var first = Configure();
            var key = File.ReadAllText(Path.Combine(root, ".data", "dev-api-key")).Trim();
            Assert.Equal(ApiKeyStore.Hash(key), first);
            Assert.Equal(first, Configure());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
