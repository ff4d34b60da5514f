namespace NakamuraMisaki.Domain.Common;

/// <summary>
/// An operation that the entity's current state does not allow, such as completing a cancelled task.
/// The API answers it with 409 Conflict: the request was well-formed, the resource's state refuses it.
/// </summary>
public sealed class DomainRuleViolationException(string message) : Exception(message);
