using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.Handoffs.HandoffRequests;

namespace NakamuraMisaki.IntegrationTests.Handoffs;

public sealed class HandoffLifecycleTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Creating_a_hand_off_stores_it_pending_and_answers_201_with_its_location()
    {
        var task = await Client.CreateTaskAsync("資料を作る");
        var at = new DateTimeOffset(2026, 6, 15, 18, 0, 0, TimeSpan.FromHours(9));
        var response = await Client.PostAsJsonAsync(Route, new
        {
            task_id = task.Id(), to_user_id = Bob, progress_note = "第3章まで書いた",
            next_steps = "図を入れてレビューに出す", handoff_at = at,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await ReadJsonAsync(response);
        var id = created.GetProperty("id").GetString();
        Assert.Equal($"{Route}/{id}", response.Headers.Location?.OriginalString);

        var stored = await Client.GetOkJsonAsync($"{Route}/{id}");
        Assert.Equal(task.Id(), stored.GetProperty("task_id").GetString());
        Assert.Equal(Alice, stored.GetProperty("from_user_id").GetString());
        Assert.Equal(Bob, stored.GetProperty("to_user_id").GetString());
        Assert.Equal("第3章まで書いた", stored.GetProperty("progress_note").GetString());
        Assert.Equal("図を入れてレビューに出す", stored.GetProperty("next_steps").GetString());
        Assert.Equal(at, stored.GetProperty("handoff_at").GetDateTimeOffset());
        Assert.Equal("pending", stored.GetProperty("status").GetString());
        Assert.Equal(ApiFactory.Epoch, stored.GetProperty("created_at").GetDateTimeOffset());
        foreach (var unset in new[] { "reminded_at", "accepted_at", "completed_at" })
        {
            Assert.Equal(JsonValueKind.Null, stored.GetProperty(unset).ValueKind);
        }
    }

    [Fact]
    public async Task Handoff_at_defaults_to_now_and_a_task_is_optional()
    {
        var created = await Client.CreateHandoffAsync();
        Assert.Equal(ApiFactory.Epoch, created.GetProperty("handoff_at").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("task_id").ValueKind);
    }

    [Fact]
    public async Task An_unknown_task_id_answers_400_naming_task_id_and_stores_nothing()
    {
        var response = await Client.PostAsJsonAsync(Route, new
        {
            task_id = Guid.NewGuid(), to_user_id = Bob, progress_note = "p", next_steps = "n",
        });

        await AssertValidationProblemAsync(response, "task_id");
        var sent = await Client.GetOkJsonAsync($"{Route}/sent?sender={Alice}");
        Assert.Equal(0, sent.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_task_the_sender_may_not_see_cannot_be_linked_and_answers_like_an_unknown_one()
    {
        // Bob's own task: Alice is neither its assignee nor its creator. Linking it would put its title in Carol's reminder.
        var bobs = await Client.CreateTaskAsync("Bob の秘密の仕事", assignee: Bob, creator: Bob);
        var response = await Client.PostAsJsonAsync(Route, new
        {
            task_id = bobs.Id(), to_user_id = Carol, progress_note = "p", next_steps = "n",
        });

        await AssertValidationProblemAsync(response, "task_id");
        var problem = await ReadJsonAsync(response);
        Assert.Equal($"No task has the id '{bobs.Id()}'.", problem.GetProperty("errors").GetProperty("task_id")[0].GetString());
        Assert.Equal(0, (await Client.GetOkJsonAsync($"{Route}/sent")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Accepting_then_completing_sets_accepted_at_and_completed_at()
    {
        var handoff = await Client.CreateHandoffAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var accepted = await ReadJsonAsync(await Client.HandoffTransitionAsync(handoff, "accept"));
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Equal(ApiFactory.Epoch.AddMinutes(5), accepted.GetProperty("accepted_at").GetDateTimeOffset());

        Factory.Clock.Advance(TimeSpan.FromHours(2));
        var completed = await ReadJsonAsync(await Client.HandoffTransitionAsync(handoff, "complete"));
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal(ApiFactory.Epoch.AddMinutes(125), completed.GetProperty("completed_at").GetDateTimeOffset());

        var stored = await Client.GetOkJsonAsync($"{Route}/{handoff.GetProperty("id").GetString()}");
        Assert.Equal("completed", stored.GetProperty("status").GetString());
        Assert.Equal(ApiFactory.Epoch.AddMinutes(5), stored.GetProperty("accepted_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_sender_cannot_accept_their_own_hand_off_409_and_nothing_changes()
    {
        var handoff = await Client.CreateHandoffAsync(from: Alice, to: Bob);
        var before = (await Client.GetOkJsonAsync(handoff.HandoffUri())).GetRawText();
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var refused = await Client.HandoffTransitionAsync(handoff, "accept", actingUser: Alice);

        await AssertProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Contains("recipient", (await ReadJsonAsync(refused)).GetProperty("detail").GetString());
        Assert.Equal(before, (await Client.GetOkJsonAsync(handoff.HandoffUri())).GetRawText());
        Assert.Equal(HttpStatusCode.OK, (await Client.HandoffTransitionAsync(handoff, "accept", actingUser: Bob)).StatusCode);
    }

    [Theory]
    [InlineData(Alice)]
    [InlineData(Bob)]
    public async Task The_sender_or_the_recipient_can_complete(string actingUser)
    {
        var handoff = await Client.CreateHandoffAsync(from: Alice, to: Bob);
        var completed = await Client.HandoffTransitionAsync(handoff, "complete", actingUser);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal("completed", (await ReadJsonAsync(completed)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(Alice)]
    [InlineData(Bob)]
    public async Task The_sender_or_the_recipient_can_delete(string actingUser)
    {
        var handoff = await Client.CreateHandoffAsync(from: Alice, to: Bob);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsAsync(HttpMethod.Delete, handoff.HandoffUri(), actingUser)).StatusCode);
        await AssertProblemAsync(await Client.SendAsAsync(HttpMethod.Get, handoff.HandoffUri(), Alice), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.SendAsAsync(HttpMethod.Get, handoff.HandoffUri(), Bob), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_pending_hand_off_can_be_completed_without_being_accepted()
    {
        var handoff = await Client.CreateHandoffAsync();
        var completed = await ReadJsonAsync(await Client.HandoffTransitionAsync(handoff, "complete"));
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, completed.GetProperty("accepted_at").ValueKind);
    }

    [Theory]
    [InlineData(new[] { "complete" }, "complete")]
    [InlineData(new[] { "complete" }, "accept")]
    [InlineData(new[] { "accept" }, "accept")]
    [InlineData(new[] { "accept", "complete" }, "accept")]
    [InlineData(new[] { "accept", "complete" }, "complete")]
    public async Task An_illegal_transition_answers_409_and_changes_nothing(string[] before, string illegal)
    {
        var handoff = await Client.CreateHandoffAsync();
        foreach (var transition in before)
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.HandoffTransitionAsync(handoff, transition)).StatusCode);
        }

        var id = handoff.GetProperty("id").GetString();
        var expected = (await Client.GetOkJsonAsync($"{Route}/{id}")).GetRawText();
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));

        await AssertProblemAsync(await Client.HandoffTransitionAsync(handoff, illegal), HttpStatusCode.Conflict);
        Assert.Equal(expected, (await Client.GetOkJsonAsync($"{Route}/{id}")).GetRawText());
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("complete")]
    public async Task Transitions_of_an_unknown_hand_off_answer_404(string transition)
    {
        await AssertProblemAsync(await Client.PostAsync($"{Route}/{Guid.NewGuid()}/{transition}", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_removes_the_hand_off_and_a_second_delete_answers_404()
    {
        var id = (await Client.CreateHandoffAsync()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"{Route}/{id}")).StatusCode);
        await AssertProblemAsync(await Client.GetAsync($"{Route}/{id}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.DeleteAsync($"{Route}/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_ids_answer_404_and_malformed_ids_400_naming_id()
    {
        await AssertProblemAsync(await Client.GetAsync($"{Route}/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await AssertValidationProblemAsync(await Client.GetAsync($"{Route}/not-a-uuid"), "id");
        await AssertValidationProblemAsync(await Client.DeleteAsync($"{Route}/12345"), "id");
        await AssertValidationProblemAsync(await Client.PostAsync($"{Route}/xyz/accept", null), "id");
        await AssertValidationProblemAsync(await Client.PostAsync($"{Route}/xyz/complete", null), "id");
    }

    [Fact]
    public async Task Deleting_the_linked_task_keeps_the_hand_off_and_clears_task_id()
    {
        var task = await Client.CreateTaskAsync();
        var handoff = await Client.CreateHandoffAsync(taskId: task.Id());

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"{TaskRequests.Route}/{task.Id()}")).StatusCode);

        var stored = await Client.GetOkJsonAsync($"{Route}/{handoff.GetProperty("id").GetString()}");
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("task_id").ValueKind);
        Assert.Equal("pending", stored.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Text_reads_back_byte_identical()
    {
        const string note = "🎉 <!channel> & 「進捗」 '; DROP TABLE handoffs; -- \u200b\nline2\t한국어";
        var handoff = await Client.CreateHandoffAsync(progressNote: note, nextSteps: note);
        var stored = await Client.GetOkJsonAsync($"{Route}/{handoff.GetProperty("id").GetString()}");
        Assert.Equal(note, stored.GetProperty("progress_note").GetString());
        Assert.Equal(note, stored.GetProperty("next_steps").GetString());
    }
}
