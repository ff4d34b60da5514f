using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.AgentTasks.AgentTaskRequests;

namespace NakamuraMisaki.IntegrationTests.AgentTasks;

public sealed class AgentTaskValidationTests(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>A valid register body with one field replaced (or removed, for <see cref="Missing"/>).</summary>
    private static Dictionary<string, object?> RunWith(string field, object? value)
    {
        var run = Run();
        if (value == Missing)
        {
            run.Remove(field);
        }
        else
        {
            run[field] = value;
        }

        return run;
    }

    private static readonly object Missing = new();

    public static TheoryData<string, object?> BadRegisterFields() => new()
    {
        { "uuid", Missing },
        { "uuid", "not-a-uuid" },
        { "uuid", Guid.Empty },
        { "task_source", Missing },
        { "task_source", "bitbucket" },
        { "task_source", 0 },
        { "task_type", Missing },
        { "task_type", "bug" },
        { "task_type", "merge_request" }, // on github
        { "owner", Missing },
        { "owner", "  " },
        { "owner", new string('o', 256) },
        { "repo", "" },
        { "task_id", Missing },
        { "task_id", new string('1', 65) },
        { "process_id", 0 },
        { "process_id", "pid-1" },
        { "process_id", 3_000_000_000L },
        { "hostname", "" },
        { "context_length", -1 },
        { "user", " " },
        { "status", "completed" },
        { "version", 3 },
    };

    [Theory]
    [MemberData(nameof(BadRegisterFields))]
    public async Task Register_with_bad_input_answers_400_naming_the_field_and_stores_nothing(string field, object? value)
    {
        var response = await Client.RegisterAsync(RunWith(field, value));

        await AssertValidationProblemAsync(response, field);
        Assert.Equal(0, (await Client.GetOkJsonAsync(Route)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_pull_request_on_gitlab_is_refused_naming_task_type()
    {
        await AssertValidationProblemAsync(
            await Client.RegisterAsync(Run(source: "gitlab", type: "pull_request")), "task_type");
    }

    [Theory]
    [InlineData("github", "pull_request")]
    [InlineData("gitlab", "merge_request")]
    [InlineData("gitlab", "issue")]
    public async Task Each_forge_accepts_its_own_kinds_of_task(string source, string type)
    {
        Assert.Equal(HttpStatusCode.Created, (await Client.RegisterAsync(Run(source: source, type: type))).StatusCode);
    }

    [Fact]
    public async Task Optional_run_details_may_be_left_out()
    {
        var run = new { uuid = Guid.NewGuid(), task_source = "github", owner = "o", repo = "r", task_type = "issue", task_id = "1" };

        var response = await Client.PostAsJsonAsync(Route, run);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await ReadJsonAsync(response);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("user").ValueKind);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("process_id").ValueKind);
    }

    [Theory]
    [InlineData("""{"status":"failed"}""", "error_message")]
    [InlineData("""{"status":"failed","error_message":"  "}""", "error_message")]
    [InlineData("""{"status":"completed","error_message":"why"}""", "error_message")]
    [InlineData("""{"status":"running"}""", "status")]
    [InlineData("""{"status":"done"}""", "status")]
    [InlineData("""{"error_message":"x"}""", "status")]
    [InlineData("""{"status":"stopped","owner":"x"}""", "owner")]
    public async Task Patch_with_bad_input_answers_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var run = await Client.RegisterNewAsync();

        await AssertValidationProblemAsync(await Client.PatchAsync($"{Route}/{run.Uuid()}", TaskRequests.Json(body)), field);

        Assert.Equal("running", (await Client.GetOkJsonAsync($"{Route}/{run.Uuid()}")).Status());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"error_message":""}""")]
    [InlineData("""{"error_message":null}""")]
    public async Task Fail_without_an_error_message_answers_400_and_the_run_keeps_running(string body)
    {
        var run = await Client.RegisterNewAsync();

        await AssertValidationProblemAsync(
            await Client.PostAsync($"{Route}/{run.Uuid()}/fail", TaskRequests.Json(body)), "error_message");

        Assert.Equal("running", (await Client.GetOkJsonAsync($"{Route}/{run.Uuid()}")).Status());
    }

    [Theory]
    [InlineData("GET", "/not-a-uuid")]
    [InlineData("DELETE", "/123")]
    [InlineData("POST", "/xyz/complete")]
    [InlineData("POST", "/xyz/statistics")]
    public async Task A_malformed_uuid_answers_400_naming_it(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Route + path)
        {
            Content = method == "POST" ? TaskRequests.Json("{}") : null,
        };

        await AssertValidationProblemAsync(await Client.SendAsync(request), "uuid");
    }
}
