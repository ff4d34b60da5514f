using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Api.Json;

namespace NakamuraMisaki.Api.ErrorHandling;

/// <summary>
/// Names the field a JSON body could not be read at, and why, from the exception's type, its path and the request
/// type's JSON contract, not from the serializer's message text. A conversion that failed carries the cause as its
/// inner exception (a wrong type or format); without one, a path the contract does not have is an unknown field, and
/// a path it has is a value given twice or of the wrong shape.
/// </summary>
internal static class JsonBodyFailure
{
    /// <param name="endpoint">The failed request's endpoint (the exception handler runs with it cleared).</param>
    public static (string Field, string Message) Describe(HttpContext context, Endpoint? endpoint, JsonException json)
    {
        var field = FieldOf(json.Path + (json as InvalidJsonValueException)?.InnerPath);
        var message = json switch
        {
            InvalidJsonValueException => json.Message,
            _ when field == "body" => "The body is not valid JSON for this request.",
            { InnerException: not null } => $"'{field}' has a value of the wrong type or format.",
            _ when !IsField(context, endpoint, json.Path) => $"'{field}' is not a field of this request.",
            _ => $"'{field}' appears more than once or has a value of the wrong type; send it once, as documented.",
        };
        return (field, message);
    }

    /// <summary>"$.due_at" → "due_at"; "$.items[2].title" → "items[2].title"; "$" or none → "body".</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    /// <summary>Whether the request type's contract has the member at <paramref name="path"/> (true when it cannot tell).</summary>
    private static bool IsField(HttpContext context, Endpoint? endpoint, string? path)
    {
        var requestType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (requestType is null || path is null)
        {
            return true;
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        JsonTypeInfo? info = options.GetTypeInfo(requestType);
        foreach (var segment in Segments(path))
        {
            if (info.Kind is JsonTypeInfoKind.Dictionary or JsonTypeInfoKind.None)
            {
                return true; // any key, or a value read by a converter of its own (JsonElement): not a contract of fields
            }

            var next = segment is null
                ? info.ElementType
                : info.Properties.FirstOrDefault(p => p.Name == segment)?.PropertyType;
            if (next is null)
            {
                return false;
            }

            info = options.GetTypeInfo(next);
        }

        return true;
    }

    /// <summary>"$.items[2].title" → "items", null (an index), "title"; "$['a b']" → "a b".</summary>
    private static IEnumerable<string?> Segments(string path)
    {
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                yield return path[(i + 1)..end];
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                yield return path[(i + 2)..end];
                i = end + 2;
            }
            else
            {
                var end = path.IndexOf(']', i);
                yield return null;
                i = end < 0 ? path.Length : end + 1;
            }
        }
    }
}
