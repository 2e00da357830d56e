using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Designer.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationRegistryListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Active",
                table: "Organisations",
                type: "INTEGER",
                nullable: false,
                defaultValue: true); // organisations registered before this column existed stay active

            migrationBuilder.AddColumn<string>(
                name: "AutonomousEvaluationReference",
                table: "Organisations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Inbox",
                table: "Tasks",
                columns: new[] { "IsOpen", "Kind", "Org", "Role", "AssignedUser", "Locality", "ResolvedOrg", "ApplicantUserId", "DueDate", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Locality_UpdatedAt_Id",
                table: "Applications",
                columns: new[] { "Locality", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_UpdatedAt_Id",
                table: "Applications",
                columns: new[] { "UpdatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_Inbox",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Locality_UpdatedAt_Id",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_UpdatedAt_Id",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Active",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "AutonomousEvaluationReference",
                table: "Organisations");
        }
    }
}
