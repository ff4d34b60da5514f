using System.Collections.Concurrent;

namespace NakamuraMisaki.IntegrationTests.OpenApi;

/// <summary>Checks every response that passes through it against the document, and remembers what it saw.</summary>
public sealed class ContractRecorder(OpenApiContract contract) : DelegatingHandler
{
    public ConcurrentBag<string> Problems { get; } = [];
    public ConcurrentBag<(string OperationId, int Status)> Seen { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var headers = response.Headers.Select(h => h.Key).Concat(response.Content.Headers.Select(h => h.Key));
        var (id, problems) = contract.Check(request.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode,
            headers, response.Content.Headers.ContentType?.MediaType, body);
        foreach (var problem in problems)
        {
            Problems.Add(problem);
        }

        if (id is not null)
        {
            Seen.Add((id, (int)response.StatusCode));
        }

        return response;
    }
}
