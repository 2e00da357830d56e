using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Designer.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EducationRegistrarsAndUnitAutonomy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AutonomousEvaluationOn",
                table: "Organisations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EducationRegistrars",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Locality = table.Column<string>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", nullable: false),
                    Staff = table.Column<string>(type: "TEXT", nullable: false),
                    Registrar = table.Column<string>(type: "TEXT", nullable: false),
                    Verifies = table.Column<bool>(type: "INTEGER", nullable: false),
                    Checks = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EducationRegistrars", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EducationRegistrars_Locality_Category",
                table: "EducationRegistrars",
                columns: new[] { "Locality", "Category" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EducationRegistrars");

            migrationBuilder.DropColumn(
                name: "AutonomousEvaluationOn",
                table: "Organisations");
        }
    }
}
