using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Domain.AgentTasks;
using NakamuraMisaki.Domain.Notes;
using NakamuraMisaki.Domain.Sessions;
using NakamuraMisaki.Import.AgentTasks;
using NakamuraMisaki.Import.Notes;
using NakamuraMisaki.Import.SessionMessages;
using NakamuraMisaki.Import.Sessions;
using NakamuraMisaki.Infrastructure.Persistence;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.Import;

/// <summary>
/// The import writes with binary COPY, column by hand-listed column; the lists must stay in step with the EF Core
/// model (as TaskReader's does), or a column added to an entity would silently be left at its default on import.
/// </summary>
public sealed class ImportWriterColumnsTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public void The_agent_task_writer_writes_every_column_EF_Core_maps() =>
        AssertSameColumns(typeof(AgentTask), AgentTaskWriter.Table, AgentTaskWriter.Columns.Select(c => c.Name));

    [Fact]
    public void The_session_writer_writes_every_column_EF_Core_maps() =>
        AssertSameColumns(typeof(Session), SessionWriter.Table, SessionWriter.Columns.Select(c => c.Name));

    [Fact]
    public void The_session_message_writer_writes_every_column_EF_Core_maps() =>
        AssertSameColumns(typeof(SessionMessage), SessionMessageWriter.Table, SessionMessageWriter.Columns.Select(c => c.Name));

    [Fact]
    public void The_note_writer_writes_every_column_EF_Core_maps() =>
        // An imported note has never failed to embed: its back-off columns keep their defaults (0, NULL), decided here
        // by name so that any other new column still fails this test until someone decides for it.
        AssertSameColumns(typeof(Note), NoteWriter.Table, NoteWriter.Columns.Select(c => c.Name),
            leftToDefaults: ["embedding_attempts", "embedding_retry_at"]);

    private void AssertSameColumns(Type entity, string table, IEnumerable<string> written, string[]? leftToDefaults = null)
    {
        using var scope = Factory.Services.CreateScope();
        var type = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model.FindEntityType(entity)!;
        Assert.Equal(table, type.GetTableName());

        // Columns the database fills in itself (xmin as the version, generated columns) are not the import's to write.
        var mapped = type.GetProperties()
            .Where(p => p.ValueGenerated != ValueGenerated.OnAddOrUpdate && p.GetComputedColumnSql() is null)
            .Select(p => p.GetColumnName())
            .Except(leftToDefaults ?? [])
            .Order();
        Assert.Equal(mapped, written.Order());
    }
}
