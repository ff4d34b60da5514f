using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NakamuraMisaki.Migrations
{
    /// <inheritdoc />
    public partial class AddAgentTasksAndConcurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "tasks",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "agent_tasks",
                columns: table => new
                {
                    uuid = table.Column<Guid>(type: "uuid", nullable: false),
                    task_source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    owner = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    repo = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    task_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    task_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    process_id = table.Column<int>(type: "integer", nullable: true),
                    hostname = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    llm_provider = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    model = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    context_length = table.Column<int>(type: "integer", nullable: true),
                    llm_call_count = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    tool_call_count = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    total_tokens = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    compression_count = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    error_message = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: true),
                    user_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agent_tasks", x => x.uuid);
                    table.CheckConstraint("ck_agent_tasks_counters_not_negative", "llm_call_count >= 0 AND tool_call_count >= 0 AND total_tokens >= 0 AND compression_count >= 0");
                    table.CheckConstraint("ck_agent_tasks_status", "status IN ('running', 'completed', 'stopped', 'failed')");
                    table.CheckConstraint("ck_agent_tasks_task_source", "task_source IN ('github', 'gitlab')");
                    table.CheckConstraint("ck_agent_tasks_task_type", "task_type = 'issue' OR (task_source = 'github' AND task_type = 'pull_request') OR (task_source = 'gitlab' AND task_type = 'merge_request')");
                });

            migrationBuilder.CreateIndex(
                name: "ix_agent_tasks_created_at",
                table: "agent_tasks",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_agent_tasks_status_created_at",
                table: "agent_tasks",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_agent_tasks_task_source_owner_repo_created_at",
                table: "agent_tasks",
                columns: new[] { "task_source", "owner", "repo", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_agent_tasks_user_name_created_at",
                table: "agent_tasks",
                columns: new[] { "user_name", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agent_tasks");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "tasks");
        }
    }
}
