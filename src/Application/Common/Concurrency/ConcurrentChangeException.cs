namespace NakamuraMisaki.Application.Common.Concurrency;

/// <summary>
/// The row changed between this request's read and its write (its version no longer matched at the write). The
/// persistence layer throws it in place of its own exception after forgetting what it had read, so the command can be
/// applied again to the row as it is now (<see cref="Behaviours.ConcurrentChangeRetryBehaviour{TMessage, TResponse}"/>).
/// </summary>
public sealed class ConcurrentChangeException(string resource, object key, Exception innerException)
    : Exception($"{resource} '{key}' was changed by another request while this one was applied.", innerException)
{
    public string Resource { get; } = resource;
    public object Key { get; } = key;
}
