using System.Net.Http.Json;
using NakamuraMisaki.IntegrationTests.Support;
using static NakamuraMisaki.IntegrationTests.Tasks.TaskRequests;

namespace NakamuraMisaki.IntegrationTests.Tasks;

public sealed class TaskQueryTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly TimeSpan Tokyo = TimeSpan.FromHours(9);

    [Fact]
    public async Task List_by_assignee_orders_by_due_date_with_undated_last_then_by_creation()
    {
        await Client.CreateTaskAsync("no-due-1");
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await Client.CreateTaskAsync("due-later", dueAt: ApiFactory.Epoch.AddDays(3));
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await Client.CreateTaskAsync("no-due-2");
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await Client.CreateTaskAsync("due-sooner", dueAt: ApiFactory.Epoch.AddDays(1));
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await Client.CreateTaskAsync("same-due-created-later", dueAt: ApiFactory.Epoch.AddDays(1));
        await Client.CreateTaskAsync("someone-else", assignee: Bob);

        var page = await Client.GetOkJsonAsync($"{Route}?assignee={Alice}");

        Assert.Equal(["due-sooner", "same-due-created-later", "due-later", "no-due-1", "no-due-2"], page.Titles());
        Assert.Equal(5, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_pages_with_limit_and_offset_and_reports_the_total()
    {
        for (var i = 0; i < 7; i++)
        {
            await Client.CreateTaskAsync($"t{i}", dueAt: ApiFactory.Epoch.AddHours(i));
        }

        var second = await Client.GetOkJsonAsync($"{Route}?assignee={Alice}&limit=3&offset=3");
        Assert.Equal(["t3", "t4", "t5"], second.Titles());
        Assert.Equal(7, second.GetProperty("total").GetInt32());
        Assert.Equal(3, second.GetProperty("limit").GetInt32());
        Assert.Equal(3, second.GetProperty("offset").GetInt32());

        var beyond = await Client.GetOkJsonAsync($"{Route}?assignee={Alice}&limit=3&offset=30");
        Assert.Empty(beyond.Titles());
        Assert.Equal(7, beyond.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_filters_by_one_or_several_statuses()
    {
        await Client.CreateTaskAsync("pending");
        await Client.TransitionAsync(await Client.CreateTaskAsync("started"), "start");
        await Client.TransitionAsync(await Client.CreateTaskAsync("done"), "complete");

        Assert.Equal(["started"], (await Client.GetOkJsonAsync($"{Route}?assignee={Alice}&status=in_progress")).Titles());
        var open = await Client.GetOkJsonAsync($"{Route}?assignee={Alice}&status=pending&status=in_progress");
        Assert.Equal(["pending", "started"], open.Titles().Order().ToArray());
    }

    [Fact]
    public async Task A_full_filtered_page_reports_the_total_of_the_filter()
    {
        await Client.CreateTaskAsync("pending-1");
        await Client.CreateTaskAsync("pending-2");
        await Client.TransitionAsync(await Client.CreateTaskAsync("started"), "start");

        var page = await Client.GetOkJsonAsync($"{Route}?assignee={Alice}&status=pending&limit=1");

        Assert.Single(page.Titles());
        Assert.Equal(2, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Due_today_uses_the_users_local_day_not_the_servers()
    {
        // The clock is 2026-06-15 12:00 in Tokyo (03:00 UTC).
        var dayStart = new DateTimeOffset(2026, 6, 15, 0, 0, 0, Tokyo);
        await Client.CreateTaskAsync("at-local-midnight", dueAt: dayStart);
        await Client.CreateTaskAsync("late-tonight", dueAt: dayStart.AddHours(23).AddMinutes(59));
        await Client.CreateTaskAsync("yesterday-night", dueAt: dayStart.AddMinutes(-1));
        await Client.CreateTaskAsync("tomorrow-midnight", dueAt: dayStart.AddDays(1));
        await Client.CreateTaskAsync("no-due");
        await Client.TransitionAsync(await Client.CreateTaskAsync("done-today", dueAt: dayStart.AddHours(9)), "complete");
        await Client.TransitionAsync(await Client.CreateTaskAsync("cancelled-today", dueAt: dayStart.AddHours(9)), "cancel");
        await Client.CreateTaskAsync("bobs-today", assignee: Bob, dueAt: dayStart.AddHours(10));

        var today = await Client.GetOkJsonAsync($"{Route}/due-today?assignee={Alice}");
        Assert.Equal(["at-local-midnight", "late-tonight"], today.Titles());

        // In New York it is still 2026-06-14 (23:00 EDT): that day runs 04:00Z to 04:00Z, which holds the
        // Tokyo-midnight task and the one a minute before it, but not the Tokyo late-night one (14:59Z on the 15th).
        var newYork = await Client.GetOkJsonAsync($"{Route}/due-today?assignee={Alice}&tz=America/New_York");
        Assert.Equal(["yesterday-night", "at-local-midnight"], newYork.Titles());
    }

    [Fact]
    public async Task Overdue_lists_open_tasks_past_due_most_overdue_first()
    {
        await Client.CreateTaskAsync("due-in-a-minute", dueAt: ApiFactory.Epoch.AddMinutes(1));
        await Client.CreateTaskAsync("an-hour-late", dueAt: ApiFactory.Epoch.AddHours(-1));
        await Client.CreateTaskAsync("a-day-late", dueAt: ApiFactory.Epoch.AddDays(-1));
        await Client.CreateTaskAsync("no-due");
        await Client.TransitionAsync(await Client.CreateTaskAsync("late-but-done", dueAt: ApiFactory.Epoch.AddDays(-2)), "complete");
        await Client.TransitionAsync(await Client.CreateTaskAsync("late-but-cancelled", dueAt: ApiFactory.Epoch.AddDays(-2)), "cancel");
        await Client.CreateTaskAsync("bob-late", assignee: Bob, dueAt: ApiFactory.Epoch.AddDays(-3));

        var alices = await Client.GetOkJsonAsync($"{Route}/overdue?assignee={Alice}");
        Assert.Equal(["a-day-late", "an-hour-late"], alices.Titles());
        Assert.All(alices.GetProperty("items").EnumerateArray(), t => Assert.True(t.GetProperty("is_overdue").GetBoolean()));

        // Without an assignee: every overdue task the acting user may see (Bob's own task is not Alice's to see).
        var everyone = await Client.GetOkJsonAsync($"{Route}/overdue");
        Assert.Equal(["a-day-late", "an-hour-late"], everyone.Titles());
        Assert.Equal(["bob-late", "a-day-late", "an-hour-late"], (await Client.GetOkJsonAsync($"{Route}/overdue", Bob)).Titles());

        Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var later = await Client.GetOkJsonAsync($"{Route}/overdue?assignee={Alice}");
        Assert.Contains("due-in-a-minute", later.Titles());
    }

    [Fact]
    public async Task Stale_lists_in_progress_tasks_not_updated_for_the_given_days()
    {
        await Client.TransitionAsync(await Client.CreateTaskAsync("started-long-ago"), "start");
        await Client.CreateTaskAsync("pending-long-ago");
        Factory.Clock.Advance(TimeSpan.FromDays(2));
        await Client.TransitionAsync(await Client.CreateTaskAsync("started-recently"), "start");
        Factory.Clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal(["started-long-ago"], (await Client.GetOkJsonAsync($"{Route}/stale?days=3")).Titles());
        Assert.Equal(["started-long-ago", "started-recently"], (await Client.GetOkJsonAsync($"{Route}/stale?days=1")).Titles());
        Assert.Empty((await Client.GetOkJsonAsync($"{Route}/stale?days=3&assignee={Bob}")).Titles());
    }

    [Fact]
    public async Task Search_finds_the_users_tasks_by_a_title_fragment_without_word_boundaries()
    {
        await Client.CreateTaskAsync("会議資料の準備");
        await Client.CreateTaskAsync("経費精算", assignee: Bob, creator: Alice);
        await Client.CreateTaskAsync("別の人の資料", assignee: Bob, creator: Bob);
        await Client.TransitionAsync(await Client.CreateTaskAsync("古い資料の整理"), "complete");

        Assert.Equal(["会議資料の準備"], (await Client.GetOkJsonAsync($"{Route}/search?q=資料")).Titles());
        Assert.Equal(["経費精算"], (await Client.GetOkJsonAsync($"{Route}/search?q=精算")).Titles());
        var withClosed = await Client.GetOkJsonAsync($"{Route}/search?q=資料&include_closed=true");
        Assert.Equal(["会議資料の準備", "古い資料の整理"], withClosed.Titles());
    }

    [Fact]
    public async Task Search_treats_like_wildcards_literally_and_matches_case_insensitively()
    {
        await Client.CreateTaskAsync("Raise to 100% coverage");
        await Client.CreateTaskAsync("Raise to 1000 coverage");
        await Client.CreateTaskAsync("snake_case names");
        await Client.CreateTaskAsync("snakeXcase names");

        Assert.Equal(["Raise to 100% coverage"], (await Client.GetOkJsonAsync($"{Route}/search?q=100%25")).Titles());
        Assert.Equal(["snake_case names"], (await Client.GetOkJsonAsync($"{Route}/search?q=KE_CA")).Titles());
    }

    [Fact]
    public async Task Search_by_id_finds_the_task_only_for_its_assignee_or_creator()
    {
        var task = await Client.CreateTaskAsync("by id");
        Assert.Equal(["by id"], (await Client.GetOkJsonAsync($"{Route}/search?q={task.Id()}")).Titles());
        Assert.Empty((await Client.GetOkJsonAsync($"{Route}/search?q={task.Id()}", "U0CAROL03")).Titles());
    }
}
