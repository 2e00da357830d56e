using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Designer.Persistence.Migrations
{
    /// <summary>Indexes for paged lists at scale: the admin application lists (newest first, per locality) and the inbox.</summary>
    public partial class ListIndexes : Migration
    {
        private static readonly string[] InboxColumns =
            ["IsOpen", "Kind", "Org", "Role", "AssignedUser", "Locality", "ResolvedOrg", "ApplicantUserId", "DueDate", "CreatedAt", "Id"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(name: "IX_Applications_UpdatedAt_Id", table: "Applications", columns: new[] { "UpdatedAt", "Id" });
            migrationBuilder.CreateIndex(name: "IX_Applications_Locality_UpdatedAt_Id", table: "Applications", columns: new[] { "Locality", "UpdatedAt", "Id" });
            migrationBuilder.CreateIndex(name: "IX_Tasks_Inbox", table: "Tasks", columns: InboxColumns);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_Applications_UpdatedAt_Id", table: "Applications");
            migrationBuilder.DropIndex(name: "IX_Applications_Locality_UpdatedAt_Id", table: "Applications");
            migrationBuilder.DropIndex(name: "IX_Tasks_Inbox", table: "Tasks");
        }
    }
}
