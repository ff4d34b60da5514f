using System.Security.Cryptography;
using System.Text;

namespace NakamuraMisaki.Api.Idempotency;

/// <summary>
/// What "the same request" means for an Idempotency-Key: SHA-256 of the method, the path with its query, and the body
/// bytes as sent. Bytes, not parsed JSON: a retry resends what it sent, and two bodies that differ only in
/// whitespace are rare enough that answering them 422 costs a client nothing it did not choose.
/// </summary>
internal static class CanonicalRequest
{
    /// <summary>Reads the whole body and rewinds it, so the endpoint still binds it.</summary>
    public static async Task<byte[]> HashAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}{request.QueryString}\n"));
        request.EnableBuffering();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }
}
