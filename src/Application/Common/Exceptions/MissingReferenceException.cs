namespace NakamuraMisaki.Application.Common.Exceptions;

/// <summary>
/// A row the write refers to was deleted between the check and the write (e.g. a hand-off's task). Mapped to 409:
/// the state, not the client's input, refuses it.
/// </summary>
public sealed class MissingReferenceException(Exception innerException)
    : Exception("A resource this request refers to no longer exists.", innerException);
