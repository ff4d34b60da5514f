using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NakamuraMisaki.Migrations
{
    /// <inheritdoc />
    public partial class AddSessionMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "last_message_seq",
                table: "sessions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "session_messages",
                columns: table => new
                {
                    session_id = table.Column<string>(type: "character varying(128)", nullable: false),
                    seq = table.Column<long>(type: "bigint", nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    slack_ts = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    metadata = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    idempotency_key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_messages", x => new { x.session_id, x.seq });
                    table.CheckConstraint("ck_session_messages_role", "role IN ('user', 'assistant', 'system', 'tool')");
                    table.CheckConstraint("ck_session_messages_seq", "seq >= 1");
                    table.ForeignKey(
                        name: "fk_session_messages_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "sessions",
                        principalColumn: "session_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_sessions_last_message_seq",
                table: "sessions",
                sql: "last_message_seq >= 0");

            migrationBuilder.CreateIndex(
                name: "ix_session_messages_content_trgm",
                table: "session_messages",
                column: "content")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_session_messages_session_id_idempotency_key",
                table: "session_messages",
                columns: new[] { "session_id", "idempotency_key" },
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_session_messages_session_id_slack_ts",
                table: "session_messages",
                columns: new[] { "session_id", "slack_ts" },
                unique: true,
                filter: "slack_ts IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "session_messages");

            migrationBuilder.DropCheckConstraint(
                name: "ck_sessions_last_message_seq",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "last_message_seq",
                table: "sessions");
        }
    }
}
