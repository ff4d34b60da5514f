using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NakamuraMisaki.Migrations
{
    /// <inheritdoc />
    public partial class AddLexicalSearchTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The one definition of lexical normalisation and tokenising, for stored rows (the generated column
            // below) and queries alike (Infrastructure/Persistence/Search/LexicalSearchSql.cs). SQL-standard bodies
            // are parsed now and hold references, not names, so they do not depend on search_path (pg_dump, restore).
            // The separator class is spelt out rather than [:alnum:], whose meaning depends on the cluster's locale.
            migrationBuilder.Sql("""
                CREATE FUNCTION search_normalize(t text) RETURNS text
                    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                    RETURN lower(normalize(t, NFKC));

                CREATE FUNCTION search_words(t text) RETURNS text[]
                    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                    RETURN array_remove(regexp_split_to_array(search_normalize(t),
                        '[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\s\u00a0-\u00bf\u2000-\u206f\u3000-\u3004\u3008-\u303f\u30fb]+'), '');

                CREATE FUNCTION search_tokens(t text) RETURNS text[]
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

            migrationBuilder.AddColumn<string[]>(
                name: "search_tokens",
                table: "notes",
                type: "text[]",
                nullable: true,
                computedColumnSql: "search_tokens(content)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_notes_search_tokens",
                table: "notes",
                column: "search_tokens")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notes_search_tokens",
                table: "notes");

            migrationBuilder.DropColumn(
                name: "search_tokens",
                table: "notes");

            migrationBuilder.Sql("""
                DROP FUNCTION search_tokens(text);
                DROP FUNCTION search_words(text);
                DROP FUNCTION search_normalize(text);
                """);
        }
    }
}
