using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NakamuraMisaki.Migrations
{
    /// <summary>
    /// Lexical search splits words where Latin letters and digits meet other letters as well as at spaces and
    /// punctuation: "バッチがOOMで落ちた" holds the word "oom" (with its edges), so the query OOM ranks it above "Zoom"
    /// (issue #28). Japanese runs stay one word. Stored tokens are computed again by re-adding the generated columns.
    /// </summary>
    public partial class SplitWordsAtScriptChange : Migration
    {
        /// <summary>Drops and re-adds each table's generated token column and its GIN index (one rewrite per table).</summary>
        private const string RecomputeTokens = """
            ALTER TABLE notes DROP COLUMN search_tokens,
                ADD COLUMN search_tokens text[] GENERATED ALWAYS AS (search_tokens(content)) STORED;
            CREATE INDEX ix_notes_search_tokens ON notes USING gin (search_tokens);
            ALTER TABLE session_messages DROP COLUMN search_tokens,
                ADD COLUMN search_tokens text[] GENERATED ALWAYS AS (search_tokens(content)) STORED;
            CREATE INDEX ix_session_messages_search_tokens ON session_messages USING gin (search_tokens);
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION search_words(t text) RETURNS text[]
                    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                    RETURN array_remove(regexp_split_to_array(regexp_replace(search_normalize(t),
                        '([0-9a-z\u00c0-\u024f](?=[^0-9a-z\u00c0-\u024f])|[^0-9a-z\u00c0-\u024f](?=[0-9a-z\u00c0-\u024f]))', '\1 ', 'g'),
                        '[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\s\u00a0-\u00bf\u2000-\u206f\u3000-\u3004\u3008-\u303f\u30fb]+'), '');
                """);
            migrationBuilder.Sql(RecomputeTokens);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION search_words(t text) RETURNS text[]
                    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                    RETURN array_remove(regexp_split_to_array(search_normalize(t),
                        '[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\s\u00a0-\u00bf\u2000-\u206f\u3000-\u3004\u3008-\u303f\u30fb]+'), '');
                """);
            migrationBuilder.Sql(RecomputeTokens);
        }
    }
}
