using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NakamuraMisaki.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:vector", ",,");

            migrationBuilder.CreateTable(
                name: "tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    assignee_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    creator_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tasks", x => x.id);
                    table.CheckConstraint("ck_tasks_status", "status IN ('pending', 'in_progress', 'completed', 'cancelled')");
                });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_assignee_user_id_due_at_created_at",
                table: "tasks",
                columns: new[] { "assignee_user_id", "due_at", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_creator_user_id",
                table: "tasks",
                column: "creator_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_in_progress_updated_at",
                table: "tasks",
                column: "updated_at",
                filter: "status = 'in_progress'");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_open_due_at",
                table: "tasks",
                column: "due_at",
                filter: "status IN ('pending', 'in_progress')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tasks");
        }
    }
}
