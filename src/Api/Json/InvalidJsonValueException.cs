using System.Text.Json;

namespace NakamuraMisaki.Api.Json;

/// <summary>
/// A value inside a request field that the API refuses. The serializer sets <see cref="JsonException.Path"/> to the
/// field ("$.options"); <see cref="InnerPath"/> says where inside it (".a[2]"), so the answer names the exact spot.
/// </summary>
internal sealed class InvalidJsonValueException(string innerPath, string message) : JsonException(message)
{
    public string InnerPath { get; } = innerPath;
}
