using Designer.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Designer.Persistence.Migrations
{
    /// <summary>Organisations can be disabled (existing rows stay active) and carry their 自主评审 approval reference.</summary>
    [DbContext(typeof(DesignerDbContext))]
    [Migration("20261201150000_OrganisationRegistry")]
    public partial class OrganisationRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Active",
                table: "Organisations",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "AutonomousEvaluationReference",
                table: "Organisations",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "Active", table: "Organisations");
            migrationBuilder.DropColumn(name: "AutonomousEvaluationReference", table: "Organisations");
        }
    }
}
