using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NakamuraMisaki.Migrations
{
    /// <inheritdoc />
    public partial class OneLexicalEngineForMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One lexical engine (issue #23): messages get the notes' generated search_tokens and GIN index, and the
            // trigram indexes of the retired ILIKE/word_similarity matching go (word_similarity still scores the
            // engine's candidates, which needs no index). Adding a stored generated column rewrites the table once.
            // Tokens in linear time: substr(word, i, …) walks the UTF-8 text from its start, so a long word without spaces
            // (a 240,000-character message is allowed) took minutes. Characters come from string_to_array, pairs from
            // two regexp passes (at even and odd offsets); the tokens are the same as before, so no row is recomputed.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION search_tokens(t text) RETURNS text[]
                    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                    RETURN ARRAY(
                        SELECT DISTINCT token
                        FROM unnest(search_words(t)) AS w(word)
                        CROSS JOIN LATERAL (
                            SELECT unnest(string_to_array(w.word, NULL))
                            UNION ALL SELECT (regexp_matches(w.word, '..', 'g'))[1]
                            UNION ALL SELECT (regexp_matches(substr(w.word, 2), '..', 'g'))[1]
                            UNION ALL SELECT ' ' || left(w.word, 1)
                            UNION ALL SELECT right(w.word, 1) || ' ') AS g(token));
                """);

            migrationBuilder.DropIndex(
                name: "ix_session_messages_content_trgm",
                table: "session_messages");

            migrationBuilder.DropIndex(
                name: "ix_notes_content_trgm",
                table: "notes");

            migrationBuilder.AddColumn<string[]>(
                name: "search_tokens",
                table: "session_messages",
                type: "text[]",
                nullable: true,
                computedColumnSql: "search_tokens(content)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_session_messages_search_tokens",
                table: "session_messages",
                column: "search_tokens")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_session_messages_search_tokens",
                table: "session_messages");

            migrationBuilder.DropColumn(
                name: "search_tokens",
                table: "session_messages");

            migrationBuilder.CreateIndex(
                name: "ix_session_messages_content_trgm",
                table: "session_messages",
                column: "content")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_notes_content_trgm",
                table: "notes",
                column: "content")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION search_tokens(t text) RETURNS text[]
                    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                    RETURN ARRAY(
                        SELECT DISTINCT token
                        FROM unnest(search_words(t)) AS w(word)
                        CROSS JOIN LATERAL (
                            SELECT substr(w.word, i, 1) FROM generate_series(1, length(w.word)) AS i
                            UNION ALL SELECT substr(w.word, i, 2) FROM generate_series(1, length(w.word) - 1) AS i
                            UNION ALL SELECT ' ' || left(w.word, 1)
                            UNION ALL SELECT right(w.word, 1) || ' ') AS g(token));
                """);
        }
    }
}
