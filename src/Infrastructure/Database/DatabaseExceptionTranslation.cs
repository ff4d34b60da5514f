using System.Runtime.CompilerServices;
using Mediator;
using NakamuraMisaki.Application.Common.Exceptions;
using Npgsql;

namespace NakamuraMisaki.Infrastructure.Database;

/// <summary>
/// Where a request leaves the Application, what the database refused becomes an Application exception, once, for
/// every request: a unique key taken, a referenced row gone, the database unavailable. So the Api maps Application
/// exceptions only and knows neither EF Core nor Npgsql. A lost update is translated earlier, by
/// <see cref="Persistence.AppDbContext.SaveChangesAsync(bool, CancellationToken)"/>, because the retry inside the
/// pipeline must see it.
/// </summary>
/// <remarks>
/// Runs on every request, the hot reads too: a request that completes synchronously passes without an async step,
/// and the awaiting path uses a pooled state machine, so the wrapper allocates nothing.
/// </remarks>
internal sealed class DatabaseExceptionTranslation<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ValueTask<TResponse> handled;
        try
        {
            handled = next(message, cancellationToken);
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }

        return handled.IsCompletedSuccessfully ? handled : TranslateFailureAsync(handled);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<TResponse> TranslateFailureAsync(ValueTask<TResponse> handled)
    {
        try
        {
            return await handled;
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    /// <returns>The Application's name for what the database refused, or null when it is not the database's refusal.</returns>
    internal static Exception? Translate(Exception exception) => exception.GetBaseException() switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => new DuplicateResourceException(exception),
        PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } => new MissingReferenceException(exception),
        _ when DatabaseUnavailability.Explains(exception) => new DatabaseUnavailableException(exception),
        _ => null,
    };
}
