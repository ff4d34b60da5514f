using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace NakamuraMisaki.IntegrationTests.Support;

/// <summary>
/// Loses the answer to one commit, deterministically: the commit reaches the server and completes there, then the
/// connection is cut (its backend terminated from a second connection, the pool told to drop it) and the caller sees
/// what Npgsql throws when a connection drops while it waits for an answer. Armed for one write at a time: the next
/// single-statement write to <see cref="Table"/> (which commits by itself), or the commit of the next transaction
/// that writes to it.
/// </summary>
public sealed class LostCommitAnswer(string connectionString) : DbCommandInterceptor, IDbTransactionInterceptor
{
    private int _armed;
    private DbTransaction? _writing;

    /// <summary>How many answers were lost so far.</summary>
    public int Cuts { get; private set; }

    public string Table { get; private set; } = "";

    public void Arm(string table)
    {
        Table = table;
        Volatile.Write(ref _armed, 1);
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (!WritesTable(command))
        {
            return result;
        }

        if (command.Transaction is not null)
        {
            _writing = command.Transaction; // cut when this transaction commits
        }
        else if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            // A write outside a transaction commits as the statement completes: read its answer to the end, then lose it.
            await result.CloseAsync();
            await CutAsync((NpgsqlConnection)command.Connection!);
        }

        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (WritesTable(command) && command.Transaction is not null)
        {
            _writing = command.Transaction;
        }

        return ValueTask.FromResult(result);
    }

    public async Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (ReferenceEquals(transaction, _writing) && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            _writing = null;
            await CutAsync((NpgsqlConnection)transaction.Connection!);
        }
    }

    private bool WritesTable(DbCommand command) =>
        Volatile.Read(ref _armed) == 1 && command.CommandText.Contains($"INSERT INTO {Table} ", StringComparison.Ordinal);

    private async Task CutAsync(NpgsqlConnection connection)
    {
        Cuts++;
        var backend = connection.ProcessID;
        await using (var killer = new NpgsqlConnection(connectionString + ";Pooling=false"))
        {
            await killer.OpenAsync();
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend($1)", killer)
            {
                Parameters = { new() { Value = backend } },
            };
            await terminate.ExecuteScalarAsync();
        }

        NpgsqlConnection.ClearPool(connection); // the cut connection is not reused
        throw new NpgsqlException("Exception while reading from stream", new EndOfStreamException("The answer to the commit was lost."));
    }
}
