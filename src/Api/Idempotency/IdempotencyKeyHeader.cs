using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Primitives;

namespace NakamuraMisaki.Api.Idempotency;

/// <summary>
/// The Idempotency-Key request header: what it accepts and how the OpenAPI document describes it (one text, reused by
/// every operation that honours it).
/// </summary>
internal static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";

    /// <summary>Set on a response answered from a stored one, as Stripe does, so a client can tell.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxLength = 255;

    public const string Description =
        "Optional. A unique value per intended create or append (a UUID is a good choice), as in the IETF httpapi " +
        "Idempotency-Key draft: 1-255 visible ASCII characters, bare or as a quoted string. Retrying the same request " +
        "with the same key within Idempotency:RetentionHours (default 24 h) answers the original status, body, " +
        "Location and ETag (with Idempotent-Replayed: true) and creates nothing. Keys are per API client and acting " +
        "user. The same key with a different method, path or body answers 422; a request sent while another with the " +
        "same key is still running waits for it and then answers as a retry. A refused request (4xx) stores nothing, " +
        "so it can be corrected and retried with the same key.";

    /// <summary>One value of 1-255 characters from '!' to '~'; the draft's quoted form "…" is unquoted first.</summary>
    public static bool TryParse(StringValues values, [NotNullWhen(true)] out string? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (values.Count != 1)
        {
            error = $"Send one {Name} header, not {values.Count}.";
            return false;
        }

        var value = values[0] ?? "";
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        error = value switch
        {
            "" => $"{Name} must not be empty.",
            { Length: > MaxLength } => $"{Name} must be at most {MaxLength} characters.",
            _ when value.Any(c => c is < '!' or > '~') => $"{Name} must be visible ASCII characters only ('!' to '~').",
            _ => null,
        };
        key = error is null ? value : null;
        return error is null;
    }
}
