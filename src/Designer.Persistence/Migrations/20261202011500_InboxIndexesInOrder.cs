using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Designer.Persistence.Migrations
{
    /// <summary>
    /// The inbox read in index order: one index per part of TaskFilters.ReadableParts (role, assignee, applicant,
    /// locality), each continuing with DueDate, CreatedAt, Id; they replace the one wide inbox index and the two
    /// (IsOpen, Kind, …) indexes they start with. (IsOpen, DueDate) continues with CreatedAt, Id, Kind for those who
    /// see every task.
    /// </summary>
    public partial class InboxIndexesInOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_Tasks_Inbox", table: "Tasks");
            migrationBuilder.DropIndex(name: "IX_Tasks_IsOpen_Kind_Locality", table: "Tasks");
            migrationBuilder.DropIndex(name: "IX_Tasks_IsOpen_Kind_Org", table: "Tasks");
            migrationBuilder.DropIndex(name: "IX_Tasks_IsOpen_DueDate", table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_IsOpen_DueDate",
                table: "Tasks",
                columns: new[] { "IsOpen", "DueDate", "CreatedAt", "Id", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_InboxByApplicant",
                table: "Tasks",
                columns: new[] { "IsOpen", "Kind", "ApplicantUserId", "DueDate", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_InboxByAssignee",
                table: "Tasks",
                columns: new[] { "IsOpen", "Kind", "AssignedUser", "DueDate", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_InboxByLocality",
                table: "Tasks",
                columns: new[] { "IsOpen", "Kind", "Locality", "DueDate", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_InboxByRole",
                table: "Tasks",
                columns: new[] { "IsOpen", "Kind", "Org", "Role", "AssignedUser", "DueDate", "CreatedAt", "Id", "Locality", "ResolvedOrg" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_Tasks_InboxByApplicant", table: "Tasks");
            migrationBuilder.DropIndex(name: "IX_Tasks_InboxByAssignee", table: "Tasks");
            migrationBuilder.DropIndex(name: "IX_Tasks_InboxByLocality", table: "Tasks");
            migrationBuilder.DropIndex(name: "IX_Tasks_InboxByRole", table: "Tasks");
            migrationBuilder.DropIndex(name: "IX_Tasks_IsOpen_DueDate", table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_IsOpen_DueDate",
                table: "Tasks",
                columns: new[] { "IsOpen", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Inbox",
                table: "Tasks",
                columns: new[] { "IsOpen", "Kind", "Org", "Role", "AssignedUser", "Locality", "ResolvedOrg", "ApplicantUserId", "DueDate", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_IsOpen_Kind_Locality",
                table: "Tasks",
                columns: new[] { "IsOpen", "Kind", "Locality" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_IsOpen_Kind_Org",
                table: "Tasks",
                columns: new[] { "IsOpen", "Kind", "Org" });
        }
    }
}
