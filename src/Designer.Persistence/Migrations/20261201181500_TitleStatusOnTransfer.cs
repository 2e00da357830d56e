using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Designer.Persistence.Migrations
{
    /// <summary>A title's standing after a transfer (Titles.TitleStatus): valid, lapsed, reevaluate or restricted, with why, when and by which application.</summary>
    public partial class TitleStatusOnTransfer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "TitlesHeld",
                type: "TEXT",
                nullable: false,
                defaultValue: "valid");

            migrationBuilder.AddColumn<string>(
                name: "StatusApplicationId",
                table: "TitlesHeld",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusOn",
                table: "TitlesHeld",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusReason",
                table: "TitlesHeld",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "Status", table: "TitlesHeld");
            migrationBuilder.DropColumn(name: "StatusApplicationId", table: "TitlesHeld");
            migrationBuilder.DropColumn(name: "StatusOn", table: "TitlesHeld");
            migrationBuilder.DropColumn(name: "StatusReason", table: "TitlesHeld");
        }
    }
}
