using System.Net;
using System.Net.Http.Json;
using NakamuraMisaki.IntegrationTests.Support;
using static NakamuraMisaki.IntegrationTests.Tasks.TaskRequests;

namespace NakamuraMisaki.IntegrationTests.Tasks;

public sealed class TaskLifecycleTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Creating_a_task_stores_it_pending_and_answers_201_with_its_location()
    {
        var due = new DateTimeOffset(2026, 6, 20, 18, 0, 0, TimeSpan.FromHours(9));
        using var create = new HttpRequestMessage(HttpMethod.Post, Route)
        {
            Content = JsonContent.Create(new { title = "週次レポート", description = "売上の数字を入れる", assignee_user_id = Alice, due_at = due }),
        }.ActAs(Bob);
        var response = await Client.SendAsync(create);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await ReadJsonAsync(response);
        Assert.Equal($"{Route}/{created.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("pending", created.GetProperty("status").GetString());
        Assert.Equal(due, created.GetProperty("due_at").GetDateTimeOffset());
        Assert.Equal(ApiFactory.Epoch, created.GetProperty("created_at").GetDateTimeOffset());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, created.GetProperty("completed_at").ValueKind);

        var fetched = await Client.GetOkJsonAsync($"{Route}/{created.Id()}");
        Assert.Equal("週次レポート", fetched.GetProperty("title").GetString());
        Assert.Equal("売上の数字を入れる", fetched.GetProperty("description").GetString());
        Assert.Equal(Alice, fetched.GetProperty("assignee_user_id").GetString());
        Assert.Equal(Bob, fetched.GetProperty("creator_user_id").GetString());
    }

    [Fact]
    public async Task Starting_then_completing_sets_status_and_completed_at()
    {
        var task = await Client.CreateTaskAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var started = await ReadJsonAsync(await Client.TransitionAsync(task, "start"));
        Assert.Equal("in_progress", started.GetProperty("status").GetString());
        Assert.Equal(ApiFactory.Epoch.AddMinutes(5), started.GetProperty("updated_at").GetDateTimeOffset());

        Factory.Clock.Advance(TimeSpan.FromHours(1));
        var completed = await ReadJsonAsync(await Client.TransitionAsync(task, "complete"));
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal(ApiFactory.Epoch.AddMinutes(65), completed.GetProperty("completed_at").GetDateTimeOffset());

        var stored = await Client.GetOkJsonAsync($"{Route}/{task.Id()}");
        Assert.Equal("completed", stored.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_pending_task_can_be_completed_directly()
    {
        var task = await Client.CreateTaskAsync();
        var response = await Client.TransitionAsync(task, "complete");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("cancel", "complete")]
    [InlineData("complete", "cancel")]
    [InlineData("complete", "complete")]
    [InlineData("cancel", "start")]
    [InlineData("start", "start")]
    public async Task An_illegal_transition_answers_409_and_changes_nothing(string first, string second)
    {
        var task = await Client.CreateTaskAsync();
        var before = await ReadJsonAsync(await Client.TransitionAsync(task, first));

        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await AssertProblemAsync(await Client.TransitionAsync(task, second), HttpStatusCode.Conflict);

        var after = await Client.GetOkJsonAsync($"{Route}/{task.Id()}");
        Assert.Equal(before.GetProperty("status").GetString(), after.GetProperty("status").GetString());
        Assert.Equal(before.GetProperty("updated_at").GetDateTimeOffset(), after.GetProperty("updated_at").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("start")]
    [InlineData("complete")]
    [InlineData("cancel")]
    public async Task Transitions_of_an_unknown_task_answer_404(string transition)
    {
        var response = await Client.PostAsync($"{Route}/{Guid.NewGuid()}/{transition}", null);
        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Patch_changes_only_the_fields_sent_and_null_clears()
    {
        var task = await Client.CreateTaskAsync(description: "古い説明", dueAt: ApiFactory.Epoch.AddDays(1));
        Factory.Clock.Advance(TimeSpan.FromMinutes(3));

        var response = await Client.PatchAsync($"{Route}/{task.Id()}", Json("""{"title":"新しい題","due_at":null}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var stored = await Client.GetOkJsonAsync($"{Route}/{task.Id()}");
        Assert.Equal("新しい題", stored.GetProperty("title").GetString());
        Assert.Equal("古い説明", stored.GetProperty("description").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, stored.GetProperty("due_at").ValueKind);
        Assert.Equal(ApiFactory.Epoch.AddMinutes(3), stored.GetProperty("updated_at").GetDateTimeOffset());

        await Client.PatchAsync($"{Route}/{task.Id()}", Json($$"""{"assignee_user_id":"{{Bob}}","description":null}"""));
        stored = await Client.GetOkJsonAsync($"{Route}/{task.Id()}", Bob); // Alice handed it on: now Bob's alone
        Assert.Equal(Bob, stored.GetProperty("assignee_user_id").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, stored.GetProperty("description").ValueKind);
        Assert.Equal("新しい題", stored.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("{}", "body")]
    [InlineData("""{"title":null}""", "title")]
    [InlineData("""{"title":"   "}""", "title")]
    [InlineData("""{"assignee_user_id":null}""", "assignee_user_id")]
    [InlineData("""{"assignee_user_id":"bob"}""", "assignee_user_id")]
    [InlineData("""{"due_at":"tomorrow"}""", "due_at")]
    [InlineData("""{"titel":"typo"}""", "titel")]
    public async Task Patch_with_bad_input_answers_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var task = await Client.CreateTaskAsync(title: "元の題");
        await AssertValidationProblemAsync(await Client.PatchAsync($"{Route}/{task.Id()}", Json(body)), field);
        var stored = await Client.GetOkJsonAsync($"{Route}/{task.Id()}");
        Assert.Equal("元の題", stored.GetProperty("title").GetString());
        Assert.Equal(Alice, stored.GetProperty("assignee_user_id").GetString());
    }

    [Fact]
    public async Task Patch_of_an_unknown_task_answers_404()
    {
        await AssertProblemAsync(
            await Client.PatchAsync($"{Route}/{Guid.NewGuid()}", Json("""{"title":"x"}""")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_removes_the_task_and_a_second_delete_answers_404()
    {
        var task = await Client.CreateTaskAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"{Route}/{task.Id()}")).StatusCode);
        await AssertProblemAsync(await Client.GetAsync($"{Route}/{task.Id()}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.DeleteAsync($"{Route}/{task.Id()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_of_an_unknown_id_answers_404_and_a_malformed_id_400_naming_id()
    {
        await AssertProblemAsync(await Client.GetAsync($"{Route}/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await AssertValidationProblemAsync(await Client.GetAsync($"{Route}/not-a-uuid"), "id");
        await AssertValidationProblemAsync(await Client.DeleteAsync($"{Route}/12345"), "id");
    }

    [Fact]
    public async Task Text_reads_back_byte_identical()
    {
        const string title = "🎉 締切: 「資料」 <b>bold</b> '; DROP TABLE tasks; -- \u200b 한국어 Ω";
        var task = await Client.CreateTaskAsync(title: title, description: "line1\nline2\t\u00e9\u0301");
        var stored = await Client.GetOkJsonAsync($"{Route}/{task.Id()}");
        Assert.Equal(title, stored.GetProperty("title").GetString());
        Assert.Equal("line1\nline2\t\u00e9\u0301", stored.GetProperty("description").GetString());
    }
}
