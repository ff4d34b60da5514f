using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NakamuraMisaki.Migrations
{
    /// <inheritdoc />
    public partial class ReminderAndEmbeddingRetries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_handoffs_reminder_due",
                table: "handoffs");

            migrationBuilder.AddColumn<int>(
                name: "embedding_attempts",
                table: "notes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "embedding_retry_at",
                table: "notes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "reminder_attempts",
                table: "handoffs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "reminder_error",
                table: "handoffs",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "reminder_failed_at",
                table: "handoffs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_handoffs_reminder_due",
                table: "handoffs",
                column: "handoff_at",
                filter: "reminded_at IS NULL AND reminder_failed_at IS NULL AND completed_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_handoffs_reminder_due",
                table: "handoffs");

            migrationBuilder.DropColumn(
                name: "embedding_attempts",
                table: "notes");

            migrationBuilder.DropColumn(
                name: "embedding_retry_at",
                table: "notes");

            migrationBuilder.DropColumn(
                name: "reminder_attempts",
                table: "handoffs");

            migrationBuilder.DropColumn(
                name: "reminder_error",
                table: "handoffs");

            migrationBuilder.DropColumn(
                name: "reminder_failed_at",
                table: "handoffs");

            migrationBuilder.CreateIndex(
                name: "ix_handoffs_reminder_due",
                table: "handoffs",
                column: "handoff_at",
                filter: "reminded_at IS NULL AND completed_at IS NULL");
        }
    }
}
