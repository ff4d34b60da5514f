namespace NakamuraMisaki.Application.Common.Interfaces;

/// <summary>The API client (the name configured with its key) the current request came from; null outside a request.</summary>
public interface IApiClient
{
    string? Name { get; }
}

internal sealed class NoApiClient : IApiClient
{
    public string? Name => null;
}
