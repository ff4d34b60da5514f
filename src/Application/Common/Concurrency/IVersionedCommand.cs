namespace NakamuraMisaki.Application.Common.Concurrency;

/// <summary>
/// A command that reads one versioned resource (tasks, hand-offs, agent tasks) and writes it back, so a change that
/// lands between its read and its write makes the save fail with ConcurrentChangeException. The marker puts it under
/// <see cref="Behaviours.ConcurrentChangeRetryBehaviour{TMessage, TResponse}"/>: a lost race is retried or answered
/// once, for every such command, instead of by the handlers that remember to. Deletes do not carry it: each is one
/// DELETE … WHERE xmin = @expected statement, which reads nothing first and so has no race to lose or retry.
/// </summary>
public interface IVersionedCommand
{
    /// <summary>The version the client based its change on (HTTP If-Match); null: last writer wins.</summary>
    uint? ExpectedVersion { get; }
}
