using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NakamuraMisaki.Migrations
{
    /// <inheritdoc />
    public partial class AddHandoffs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "handoffs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: true),
                    from_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    to_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    progress_note = table.Column<string>(type: "text", nullable: false),
                    next_steps = table.Column<string>(type: "text", nullable: false),
                    handoff_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reminded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reminder_claimed_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_handoffs", x => x.id);
                    table.CheckConstraint("ck_handoffs_distinct_users", "from_user_id <> to_user_id");
                    table.CheckConstraint("ck_handoffs_next_steps_not_blank", "btrim(next_steps) <> ''");
                    table.CheckConstraint("ck_handoffs_progress_note_not_blank", "btrim(progress_note) <> ''");
                    table.ForeignKey(
                        name: "fk_handoffs_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_handoffs_from_user_id_handoff_at",
                table: "handoffs",
                columns: new[] { "from_user_id", "handoff_at" });

            migrationBuilder.CreateIndex(
                name: "ix_handoffs_pending_to_user_id_handoff_at",
                table: "handoffs",
                columns: new[] { "to_user_id", "handoff_at" },
                filter: "completed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_handoffs_reminder_due",
                table: "handoffs",
                column: "handoff_at",
                filter: "reminded_at IS NULL AND completed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_handoffs_task_id",
                table: "handoffs",
                column: "task_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "handoffs");
        }
    }
}
