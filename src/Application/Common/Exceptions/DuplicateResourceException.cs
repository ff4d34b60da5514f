namespace NakamuraMisaki.Application.Common.Exceptions;

/// <summary>The write would store a second resource with the same identity (a unique key). Mapped to 409.</summary>
public sealed class DuplicateResourceException(Exception innerException)
    : Exception("A resource with the same identity already exists.", innerException);
