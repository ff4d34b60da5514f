using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NakamuraMisaki.Migrations
{
    /// <inheritdoc />
    public partial class AddHandoffConcurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "handoffs",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "xmin",
                table: "handoffs");
        }
    }
}
