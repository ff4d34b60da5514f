namespace NakamuraMisaki.Application.Common.Concurrency;

/// <summary>
/// A command that changes one versioned resource (tasks, hand-offs, agent tasks). The marker puts it under
/// <see cref="Behaviours.ConcurrentChangeRetryBehaviour{TMessage, TResponse}"/>: a lost race is retried or answered
/// once, for every such command, instead of by the handlers that remember to.
/// </summary>
public interface IVersionedCommand
{
    /// <summary>The version the client based its change on (HTTP If-Match); null: last writer wins.</summary>
    uint? ExpectedVersion { get; }
}
