using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NakamuraMisaki.Migrations
{
    /// <inheritdoc />
    public partial class CommitMarkersAndOneIdempotencyStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // ADR 0023: the keys that appends stored per session keep answering retries for one retention period (the
            // default, 24 h): each becomes a key of the session's owner for any client ("* " + method and path, see
            // IdempotencyStore.CopiedKeyClient), with the response the append gave (201, its messages). A key of one
            // message is copied for the single and for the batch append, since either may have sent it.
            migrationBuilder.Sql(CopySessionMessageKeys);

            migrationBuilder.DropIndex(
                name: "ix_session_messages_session_id_idempotency_key",
                table: "session_messages");

            migrationBuilder.DropColumn(
                name: "idempotency_key",
                table: "session_messages");

            migrationBuilder.CreateTable(
                name: "commit_markers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commit_markers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_commit_markers_created_at",
                table: "commit_markers",
                column: "created_at");
        }

        private const string CopySessionMessageKeys = """
            WITH message AS (
                SELECT m.session_id, m.idempotency_key, m.seq, s.user_id,
                       json_build_object(
                           'session_id', m.session_id, 'seq', m.seq, 'role', m.role, 'content', m.content,
                           'slack_ts', m.slack_ts, 'metadata', m.metadata::json,
                           'created_at', to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
                               || rtrim(rtrim(to_char(m.created_at AT TIME ZONE 'UTC', '.US'), '0'), '.') || '+00:00'
                       ) AS body
                FROM session_messages m JOIN sessions s USING (session_id)
                WHERE m.idempotency_key IS NOT NULL
            ), append AS (
                SELECT session_id, idempotency_key, user_id, min(seq) AS first_seq, count(*) AS messages,
                       json_agg(body ORDER BY seq) AS items, (array_agg(body ORDER BY seq))[1] AS first_body
                FROM message GROUP BY session_id, idempotency_key, user_id
            ), copied AS (
                SELECT '* POST /api/v1/sessions/' || session_id || '/messages/batch' AS client, user_id, idempotency_key,
                       '/api/v1/sessions/' || session_id || '/messages?after_seq=' || (first_seq - 1) AS location,
                       json_build_object('items', items)::text AS body
                FROM append
                UNION ALL
                SELECT '* POST /api/v1/sessions/' || session_id || '/messages', user_id, idempotency_key,
                       '/api/v1/sessions/' || session_id || '/messages/' || first_seq, first_body::text
                FROM append WHERE messages = 1
            )
            INSERT INTO idempotency_keys (client, acting_user, "key", request_hash, status_code, content_type, location,
                                          etag, body, created_at, expires_at)
            SELECT client, user_id, idempotency_key, '\x'::bytea, 201, 'application/json; charset=utf-8', location, NULL,
                   convert_to(body, 'UTF8'), now(), now() + interval '24 hours'
            FROM copied
            ON CONFLICT DO NOTHING;
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commit_markers");

            migrationBuilder.AddColumn<string>(
                name: "idempotency_key",
                table: "session_messages",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_session_messages_session_id_idempotency_key",
                table: "session_messages",
                columns: new[] { "session_id", "idempotency_key" },
                filter: "idempotency_key IS NOT NULL");
        }
    }
}
