using System.Text.Json;
using NakamuraMisaki.Domain.Sessions;

namespace NakamuraMisaki.Application.Sessions.Messages;

/// <summary>A stored message: built here only, from the entity or from a query's projection.</summary>
public sealed record SessionMessageResponse(
    string SessionId,
    long Seq,
    MessageRole Role,
    string Content,
    string? SlackTs,
    JsonElement Metadata,
    DateTimeOffset CreatedAt)
{
    public static SessionMessageResponse From(SessionMessage message) => new(
        message.SessionId, message.Seq, message.Role, message.Content, message.SlackTs, Json(message.Metadata),
        message.CreatedAt);

    /// <summary>Most messages carry no metadata: their {} is not parsed again for every message read.</summary>
    private static readonly JsonElement EmptyObject = JsonDocument.Parse(SessionMessage.EmptyMetadata).RootElement.Clone();

    internal static JsonElement Json(string metadata)
    {
        if (metadata == SessionMessage.EmptyMetadata)
        {
            return EmptyObject;
        }

        using var document = JsonDocument.Parse(metadata);
        return document.RootElement.Clone();
    }
}

/// <param name="NextAfterSeq">Pass as <c>after_seq</c> for the next page; null when this page reached the end.</param>
public sealed record SessionMessagePage(IReadOnlyList<SessionMessageResponse> Items, long? NextAfterSeq);

/// <summary>The messages of an append, in the order they were sent, each as stored (new, or found by its key).</summary>
public sealed record AppendedSessionMessages(IReadOnlyList<SessionMessageResponse> Items);

/// <param name="Score">The lexical score in [0.25, 1], the notes' text side's (docs/embeddings.md, "Lexical search").</param>
public sealed record SessionMessageSearchHit(
    string SessionId,
    long Seq,
    MessageRole Role,
    string Content,
    string? SlackTs,
    JsonElement Metadata,
    DateTimeOffset CreatedAt,
    double Score)
{
    public static SessionMessageSearchHit From(SessionMessage message, double score) => new(
        message.SessionId, message.Seq, message.Role, message.Content, message.SlackTs,
        SessionMessageResponse.Json(message.Metadata), message.CreatedAt, score);
}

public sealed record SessionMessageSearchResponse(IReadOnlyList<SessionMessageSearchHit> Items);

public sealed record DeletedSessionMessages(int Deleted);
