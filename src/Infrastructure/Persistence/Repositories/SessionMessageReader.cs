using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Application.Sessions.Messages;
using NakamuraMisaki.Domain.Sessions;
using NakamuraMisaki.Infrastructure.Persistence.Search;
using Npgsql;
using NpgsqlTypes;

namespace NakamuraMisaki.Infrastructure.Persistence.Repositories;

public sealed class SessionMessageReader(AppDbContext db, SessionHistoryTailReader tail) : ISessionMessageReader
{
    public async Task<SessionMessageResponse?> GetAsync(
        string sessionId, string userId, long seq, CancellationToken cancellationToken) =>
        await Messages.Where(m => m.SessionId == sessionId && m.Seq == seq
                                  && db.Sessions.Any(s => s.SessionId == sessionId && s.UserId == userId))
            .FirstOrDefaultAsync(cancellationToken) is { } message
            ? SessionMessageResponse.From(message)
            : null;

    public async Task<SessionMessagePage?> ListAfterAsync(
        string sessionId, string userId, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        // One more than asked tells whether there is a next page without a COUNT.
        if (await tail.AfterAsync(sessionId, userId, afterSeq, limit + 1, cancellationToken) is not { } page)
        {
            return null;
        }

        var items = page.Take(limit).Select(SessionMessageResponse.From).ToArray();
        return new SessionMessagePage(items, page.Count > limit ? items[^1].Seq : null);
    }

    public async Task<IReadOnlyList<SessionMessageResponse>?> ListLastAsync(
        string sessionId, string userId, int count, CancellationToken cancellationToken) =>
        (await tail.LastAsync(sessionId, userId, count, cancellationToken))?.Select(SessionMessageResponse.From).ToArray();

    public async Task<IReadOnlyList<SessionMessageSearchHit>> SearchAsync(
        string userId, string query, string? sessionId, int limit, CancellationToken cancellationToken)
    {
        var matches = await db.Database.SqlQueryRaw<LexicalMessage>(LexicalSql,
            new NpgsqlParameter("q", query), new NpgsqlParameter("user", userId),
            new NpgsqlParameter("session", NpgsqlDbType.Text) { Value = (object?)sessionId ?? DBNull.Value },
            new NpgsqlParameter("floor", LexicalSearchSql.NoiseFloor), new NpgsqlParameter("limit", limit))
            .ToListAsync(cancellationToken);
        return matches.Select(m => SessionMessageSearchHit.From(
            SessionMessage.Create(m.SessionId, m.Seq, MessageRoleNames.Words.Parse(m.Role), m.Content, m.SlackTs, m.Metadata, m.CreatedAt),
            m.Score)).ToArray();
    }

    /// <summary>
    /// The lexical engine of the notes' text side (<see cref="LexicalSearchSql"/>) over the user's messages:
    /// candidates from the GIN index on search_tokens, the newest <see cref="LexicalSearchSql.MaxCandidates"/> of them
    /// scored; best first, then newest.
    /// </summary>
    internal static readonly string LexicalSql = $"""
        WITH candidates AS MATERIALIZED (
            SELECT c.session_id, c.seq, c.created_at FROM session_messages AS c
            JOIN sessions AS owner ON owner.session_id = c.session_id
            WHERE owner.user_id = @user AND (@session::text IS NULL OR c.session_id = @session::text)
              AND {LexicalSearchSql.CandidatesSql("@q", "c")})
        SELECT m.session_id, m.seq, m.role, m.content, m.slack_ts, m.metadata::text AS metadata, m.created_at, s.score
        FROM (SELECT session_id, seq FROM candidates ORDER BY created_at DESC LIMIT {LexicalSearchSql.MaxCandidates}) AS picked
        JOIN session_messages AS m ON m.session_id = picked.session_id AND m.seq = picked.seq
        CROSS JOIN LATERAL (SELECT {LexicalSearchSql.RankSql("@q", "m")} AS score) AS s
        WHERE s.score >= @floor
        ORDER BY s.score DESC, m.created_at DESC, m.session_id, m.seq DESC
        LIMIT @limit
        """;

    private sealed record LexicalMessage(
        string SessionId, long Seq, string Role, string Content, string? SlackTs, string Metadata, DateTimeOffset CreatedAt,
        double Score);

    private IQueryable<SessionMessage> Messages => db.SessionMessages.AsNoTracking();
}
