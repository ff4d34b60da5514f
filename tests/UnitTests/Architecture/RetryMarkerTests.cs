using Mediator;
using NakamuraMisaki.Application;
using NakamuraMisaki.Application.Common.Concurrency;

namespace NakamuraMisaki.UnitTests.Architecture;

/// <summary>
/// The retry marker (IVersionedCommand) says "this command can lose a race between its read and its write, and is
/// retried when it does". A delete is one guarded statement that reads nothing first: it never loses such a race, so
/// marking it would promise a retry that cannot happen.
/// </summary>
public sealed class RetryMarkerTests
{
    private static readonly Type[] Commands = typeof(DependencyInjection).Assembly.GetTypes()
        .Where(t => t.IsClass && typeof(IBaseRequest).IsAssignableFrom(t))
        .ToArray();

    [Fact]
    public void No_delete_command_carries_the_retry_marker()
    {
        var deletes = Commands.Where(t => t.Name.StartsWith("Delete", StringComparison.Ordinal)
                                          && t.GetProperty(nameof(IVersionedCommand.ExpectedVersion)) is not null).ToArray();

        Assert.NotEmpty(deletes);
        Assert.All(deletes, t => Assert.False(typeof(IVersionedCommand).IsAssignableFrom(t), $"{t.Name} is marked for a retry it cannot need."));
    }

    [Fact]
    public void Every_marked_command_changes_a_resource_it_reads_first()
    {
        var marked = Commands.Where(typeof(IVersionedCommand).IsAssignableFrom).Select(t => t.Name).Order().ToArray();

        // Each loads the row for update, applies a rule, and saves with the loaded xmin in the UPDATE's WHERE clause.
        Assert.Equal(
            ["ChangeAgentTaskStatus", "ChangeHandoffStatus", "ChangeTaskStatus", "RegisterAgentTask", "UpdateTask"], marked);
    }
}
