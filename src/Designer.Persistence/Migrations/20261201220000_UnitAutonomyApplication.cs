using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Designer.Persistence.Migrations
{
    /// <summary>The date of a unit's approval for autonomous evaluation (自主评审), written when its own application is approved.</summary>
    [DbContext(typeof(DesignerDbContext))]
    [Migration("20261201220000_UnitAutonomyApplication")]
    public partial class UnitAutonomyApplication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AutonomousEvaluationOn",
                table: "Organisations",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AutonomousEvaluationOn",
                table: "Organisations");
        }
    }
}
