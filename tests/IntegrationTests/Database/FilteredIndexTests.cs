using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Infrastructure.Backups;
using NakamuraMisaki.Infrastructure.Persistence;
using NakamuraMisaki.Infrastructure.Persistence.Specifications;
using NakamuraMisaki.IntegrationTests.Support;
using Npgsql;

namespace NakamuraMisaki.IntegrationTests.Database;

/// <summary>
/// A partial index's filter is a rule restated in SQL. Each is written once (a constant the model's HasFilter and the
/// hand-written queries share); these tests hold what PostgreSQL reports for each index (pg_indexes.indexdef) to that
/// constant, compared as PostgreSQL itself renders both, so a migration that drifted from the model fails here.
/// </summary>
public sealed class FilteredIndexTests(ApiFactory factory) : ApiTest(factory)
{
    public static TheoryData<string, string> WrittenPredicates => new()
    {
        { "ix_handoffs_pending_to_user_id_handoff_at", HandoffSpecificationSql.Open },
        { "ix_handoffs_reminder_due", HandoffSpecificationSql.ReminderOutstanding },
        { "ix_tasks_open_due_at", TaskSpecificationSql.Open },
        { "ix_backup_runs_succeeded", BackupRun.SucceededSql },
    };

    [Theory]
    [MemberData(nameof(WrittenPredicates))]
    public async Task The_index_PostgreSQL_has_is_filtered_by_the_one_written_predicate(string index, string predicate)
    {
        using var scope = Factory.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
        Assert.Equal(predicate, model.GetEntityTypes().SelectMany(t => t.GetIndexes())
            .Single(i => i.GetDatabaseName() == index).GetFilter());

        Assert.Equal(await IndexDefinitionWithFilterAsync(index, predicate), await IndexDefinitionAsync(index));
    }

    [Fact]
    public async Task Every_filtered_index_of_the_model_is_in_the_database_as_the_model_writes_it()
    {
        using var scope = Factory.Services.CreateScope();
        var filtered = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model.GetEntityTypes()
            .SelectMany(t => t.GetIndexes()).Where(i => i.GetFilter() is not null).ToArray();

        Assert.NotEmpty(filtered);
        foreach (var index in filtered)
        {
            var name = index.GetDatabaseName()!;
            Assert.Equal(await IndexDefinitionWithFilterAsync(name, index.GetFilter()!), await IndexDefinitionAsync(name));
        }
    }

    private async Task<string> IndexDefinitionAsync(string index)
    {
        await using var connection = new NpgsqlConnection(Factory.Database.ConnectionString);
        await connection.OpenAsync();
        return await DefinitionAsync(connection, null, index);
    }

    /// <summary>
    /// The same index built again under another name with <paramref name="predicate"/> as its filter, as PostgreSQL
    /// renders it (inside a transaction that is rolled back), with the original's name put back.
    /// </summary>
    private async Task<string> IndexDefinitionWithFilterAsync(string index, string predicate)
    {
        const string scratch = "ix_scratch_filter_check";
        await using var connection = new NpgsqlConnection(Factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var definition = await DefinitionAsync(connection, transaction, index);
        var unfiltered = definition.Split(" WHERE ")[0].Replace($"INDEX {index} ON", $"INDEX {scratch} ON", StringComparison.Ordinal);
        await using (var create = new NpgsqlCommand($"{unfiltered} WHERE {predicate}", connection, transaction))
        {
            await create.ExecuteNonQueryAsync();
        }

        var rebuilt = await DefinitionAsync(connection, transaction, scratch);
        await transaction.RollbackAsync();
        return rebuilt.Replace($"INDEX {scratch} ON", $"INDEX {index} ON", StringComparison.Ordinal);
    }

    private static async Task<string> DefinitionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string index)
    {
        await using var command = new NpgsqlCommand("SELECT indexdef FROM pg_indexes WHERE indexname = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = index });
        return (string?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No index {index}.");
    }
}
