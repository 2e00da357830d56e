using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Designer.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CommitteesAndExpertPool : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Committee",
                table: "Tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CommitteeId",
                table: "CommitteeSessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DrawnMembers",
                table: "CommitteeSessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Series",
                table: "CommitteeSessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommitteeDraws",
                columns: table => new
                {
                    SessionId = table.Column<string>(type: "TEXT", nullable: false),
                    CommitteeId = table.Column<string>(type: "TEXT", nullable: false),
                    Seed = table.Column<string>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    PoolJson = table.Column<string>(type: "TEXT", nullable: false),
                    CandidatesJson = table.Column<string>(type: "TEXT", nullable: false),
                    DrawnJson = table.Column<string>(type: "TEXT", nullable: false),
                    RecusalsJson = table.Column<string>(type: "TEXT", nullable: false),
                    DrawnBy = table.Column<string>(type: "TEXT", nullable: false),
                    DrawnAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeDraws", x => x.SessionId);
                });

            migrationBuilder.CreateTable(
                name: "Committees",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Locality = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    SeriesJson = table.Column<string>(type: "TEXT", nullable: false),
                    LevelsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Organiser = table.Column<string>(type: "TEXT", nullable: false),
                    ExpertsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", nullable: true),
                    ApprovedOn = table.Column<string>(type: "TEXT", nullable: true),
                    FilingNumber = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Committees", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Experts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Locality = table.Column<string>(type: "TEXT", nullable: false),
                    Series = table.Column<string>(type: "TEXT", nullable: false),
                    Specialty = table.Column<string>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConflictsJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Experts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Committees_Locality",
                table: "Committees",
                column: "Locality");

            migrationBuilder.CreateIndex(
                name: "IX_Experts_Locality_Series",
                table: "Experts",
                columns: new[] { "Locality", "Series" });

            migrationBuilder.CreateIndex(
                name: "IX_Experts_Unit",
                table: "Experts",
                column: "Unit");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommitteeDraws");

            migrationBuilder.DropTable(
                name: "Committees");

            migrationBuilder.DropTable(
                name: "Experts");

            migrationBuilder.DropColumn(
                name: "Committee",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "CommitteeId",
                table: "CommitteeSessions");

            migrationBuilder.DropColumn(
                name: "DrawnMembers",
                table: "CommitteeSessions");

            migrationBuilder.DropColumn(
                name: "Series",
                table: "CommitteeSessions");
        }
    }
}
