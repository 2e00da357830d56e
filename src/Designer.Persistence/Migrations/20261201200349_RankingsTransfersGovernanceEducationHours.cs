using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Designer.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RankingsTransfersGovernanceEducationHours : Migration
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

            migrationBuilder.AddColumn<string>(
                name: "FiledBy",
                table: "Quotas",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FiledOn",
                table: "Quotas",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FilingNumber",
                table: "Quotas",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Locality",
                table: "Quotas",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SetBy",
                table: "Quotas",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SetOn",
                table: "Quotas",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Quotas",
                type: "TEXT",
                nullable: false,
                defaultValue: "filed");

            migrationBuilder.AddColumn<DateTime>(
                name: "VerifiedAt",
                table: "EducationHours",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifiedBy",
                table: "EducationHours",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GovernanceReason",
                table: "Committees",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RectifyBy",
                table: "Committees",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StandardsPublishedOn",
                table: "Committees",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StandardsTitle",
                table: "Committees",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Locality = table.Column<string>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    ReporterName = table.Column<string>(type: "TEXT", nullable: false),
                    ReporterContact = table.Column<string>(type: "TEXT", nullable: true),
                    Office = table.Column<string>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", nullable: true),
                    ReceivedOn = table.Column<string>(type: "TEXT", nullable: false),
                    DueOn = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Finding = table.Column<string>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationDrafts",
                columns: table => new
                {
                    Locality = table.Column<string>(type: "TEXT", nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", nullable: false),
                    TaskIdsJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationDrafts", x => new { x.Locality, x.DefinitionId, x.Unit });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Quotas_Locality",
                table: "Quotas",
                column: "Locality");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Locality_Status_DueOn",
                table: "Complaints",
                columns: new[] { "Locality", "Status", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Complaints");

            migrationBuilder.DropTable(
                name: "RecommendationDrafts");

            migrationBuilder.DropIndex(
                name: "IX_Quotas_Locality",
                table: "Quotas");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "TitlesHeld");

            migrationBuilder.DropColumn(
                name: "StatusApplicationId",
                table: "TitlesHeld");

            migrationBuilder.DropColumn(
                name: "StatusOn",
                table: "TitlesHeld");

            migrationBuilder.DropColumn(
                name: "StatusReason",
                table: "TitlesHeld");

            migrationBuilder.DropColumn(
                name: "FiledBy",
                table: "Quotas");

            migrationBuilder.DropColumn(
                name: "FiledOn",
                table: "Quotas");

            migrationBuilder.DropColumn(
                name: "FilingNumber",
                table: "Quotas");

            migrationBuilder.DropColumn(
                name: "Locality",
                table: "Quotas");

            migrationBuilder.DropColumn(
                name: "SetBy",
                table: "Quotas");

            migrationBuilder.DropColumn(
                name: "SetOn",
                table: "Quotas");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Quotas");

            migrationBuilder.DropColumn(
                name: "VerifiedAt",
                table: "EducationHours");

            migrationBuilder.DropColumn(
                name: "VerifiedBy",
                table: "EducationHours");

            migrationBuilder.DropColumn(
                name: "GovernanceReason",
                table: "Committees");

            migrationBuilder.DropColumn(
                name: "RectifyBy",
                table: "Committees");

            migrationBuilder.DropColumn(
                name: "StandardsPublishedOn",
                table: "Committees");

            migrationBuilder.DropColumn(
                name: "StandardsTitle",
                table: "Committees");
        }
    }
}
