using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Application.Tasks;
using NakamuraMisaki.Domain.Tasks;
using NakamuraMisaki.Domain.Tasks.Specifications;
using NakamuraMisaki.Infrastructure.Persistence;
using NakamuraMisaki.Infrastructure.Persistence.Repositories;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.Tasks;

/// <summary>GET by id reads tasks with hand-written SQL (TaskReader); it must stay in step with the EF Core model.</summary>
public sealed class TaskReaderTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public void The_query_reads_every_column_EF_Core_maps_for_a_task()
    {
        using var scope = Factory.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model.FindEntityType(typeof(TaskItem))!;

        var mapped = model.GetProperties().Select(p => p.GetColumnName()).Order();

        Assert.Equal(mapped, TaskReader.Columns.Order());
    }

    [Fact]
    public async Task It_reads_what_EF_Core_reads_with_every_field_set_and_with_none()
    {
        var full = await Client.CreateTaskAsync(description: "説明", dueAt: ApiFactory.Epoch.AddDays(1));
        Assert.True((await Client.TransitionAsync(full, "complete")).IsSuccessStatusCode);
        var bare = await Client.CreateTaskAsync();

        foreach (var id in new[] { Guid.Parse(full.Id()), Guid.Parse(bare.Id()) })
        {
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var byEf = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == id);

            var byQuery = await scope.ServiceProvider.GetRequiredService<ITaskReader>().GetAsync(id, TaskRequests.Alice, default);

            Assert.NotNull(byQuery);
            foreach (var property in db.Model.FindEntityType(typeof(TaskItem))!.GetProperties())
            {
                Assert.Equal(property.PropertyInfo!.GetValue(byEf), property.PropertyInfo.GetValue(byQuery));
            }
        }
    }

    [Fact]
    public async Task The_query_sees_a_task_exactly_where_the_visibility_specification_does()
    {
        string[] viewers = [TaskRequests.Alice, TaskRequests.Bob, "U0CAROL01"];
        var tasks = new[]
        {
            await Client.CreateTaskAsync(assignee: TaskRequests.Alice, creator: TaskRequests.Bob),
            await Client.CreateTaskAsync(assignee: TaskRequests.Alice, creator: TaskRequests.Alice),
        };

        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var reader = scope.ServiceProvider.GetRequiredService<ITaskReader>();
        foreach (var id in tasks.Select(t => Guid.Parse(t.Id())))
        {
            var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == id);
            foreach (var viewer in viewers)
            {
                Assert.Equal(task.IsVisibleTo(viewer), await reader.GetAsync(id, viewer, default) is not null);
            }
        }
    }

    [Fact]
    public async Task An_unknown_id_reads_as_nothing()
    {
        using var scope = Factory.Services.CreateScope();

        Assert.Null(await scope.ServiceProvider.GetRequiredService<ITaskReader>().GetAsync(Guid.NewGuid(), TaskRequests.Alice, default));
    }

    [Fact]
    public async Task A_task_reads_as_nothing_for_someone_who_is_neither_assignee_nor_creator()
    {
        var task = await Client.CreateTaskAsync(assignee: TaskRequests.Alice, creator: TaskRequests.Bob);
        using var scope = Factory.Services.CreateScope();
        var reader = scope.ServiceProvider.GetRequiredService<ITaskReader>();

        Assert.NotNull(await reader.GetAsync(Guid.Parse(task.Id()), TaskRequests.Bob, default));
        Assert.Null(await reader.GetAsync(Guid.Parse(task.Id()), "U0CAROL03", default));
    }
}
