using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Designer.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ApplicantRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HolderUserName",
                table: "Certificates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplacedBy",
                table: "Certificates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplacementReason",
                table: "Certificates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Replaces",
                table: "Certificates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevocationReason",
                table: "Certificates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevokedBy",
                table: "Certificates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevokedOn",
                table: "Certificates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Certificates",
                type: "TEXT",
                nullable: false,
                defaultValue: "valid");

            migrationBuilder.CreateTable(
                name: "EducationHours",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserName = table.Column<string>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", nullable: false),
                    Hours = table.Column<double>(type: "REAL", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: true),
                    Exempt = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExemptionReason = table.Column<string>(type: "TEXT", nullable: true),
                    RegisteredBy = table.Column<string>(type: "TEXT", nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EducationHours", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IntegrityRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserName = table.Column<string>(type: "TEXT", nullable: false),
                    Locality = table.Column<string>(type: "TEXT", nullable: false),
                    Finding = table.Column<string>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", nullable: false),
                    Until = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrityRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TitlesHeld",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserName = table.Column<string>(type: "TEXT", nullable: false),
                    Series = table.Column<string>(type: "TEXT", nullable: false),
                    Level = table.Column<string>(type: "TEXT", nullable: false),
                    Directed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ValidIn = table.Column<string>(type: "TEXT", nullable: true),
                    ObtainedOn = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", nullable: true),
                    RegisteredBy = table.Column<string>(type: "TEXT", nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TitlesHeld", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EducationHours_UserName_Year",
                table: "EducationHours",
                columns: new[] { "UserName", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityRecords_UserName",
                table: "IntegrityRecords",
                column: "UserName");

            migrationBuilder.CreateIndex(
                name: "IX_TitlesHeld_UserName",
                table: "TitlesHeld",
                column: "UserName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EducationHours");

            migrationBuilder.DropTable(
                name: "IntegrityRecords");

            migrationBuilder.DropTable(
                name: "TitlesHeld");

            migrationBuilder.DropColumn(
                name: "HolderUserName",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "ReplacedBy",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "ReplacementReason",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "Replaces",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "RevocationReason",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "RevokedBy",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "RevokedOn",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Certificates");
        }
    }
}
