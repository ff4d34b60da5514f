using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NakamuraMisaki.IntegrationTests.AgentTasks;

/// <summary>Shorthands for the agent-tasks API, so the tests read as behaviour.</summary>
internal static class AgentTaskRequests
{
    public const string Route = "/api/v1/agent-tasks";
    public const string Host = "worker-1";
    public const int Pid = 4242;

    /// <summary>A register body; override what the test is about.</summary>
    public static Dictionary<string, object?> Run(
        Guid? uuid = null, string source = "github", string owner = "octo", string repo = "hello",
        string type = "issue", string taskId = "17", int? pid = Pid, string? host = Host, string? user = "alice",
        string? model = "claude-sonnet") => new()
    {
        ["uuid"] = uuid ?? Guid.NewGuid(),
        ["task_source"] = source,
        ["owner"] = owner,
        ["repo"] = repo,
        ["task_type"] = type,
        ["task_id"] = taskId,
        ["process_id"] = pid,
        ["hostname"] = host,
        ["llm_provider"] = "anthropic",
        ["model"] = model,
        ["context_length"] = 200_000,
        ["user"] = user,
    };

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, Dictionary<string, object?> run) =>
        client.PostAsJsonAsync(Route, run);

    /// <summary>Registers a new run and asserts it was created.</summary>
    public static async Task<JsonElement> RegisterNewAsync(this HttpClient client, Dictionary<string, object?>? run = null)
    {
        var response = await client.RegisterAsync(run ?? Run());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> EndAsync(this HttpClient client, JsonElement run, string transition) =>
        transition == "fail"
            ? client.PostAsJsonAsync($"{Route}/{run.Uuid()}/fail", new { error_message = "boom" })
            : client.PostAsync($"{Route}/{run.Uuid()}/{transition}", null);

    public static Task<HttpResponseMessage> AddStatisticsAsync(this HttpClient client, string uuid, object delta) =>
        client.PostAsJsonAsync($"{Route}/{uuid}/statistics", delta);

    public static string Uuid(this JsonElement run) => run.GetProperty("uuid").GetString()!;

    public static string Status(this JsonElement run) => run.GetProperty("status").GetString()!;

    public static string[] Uuids(this JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(Uuid).ToArray();
}
