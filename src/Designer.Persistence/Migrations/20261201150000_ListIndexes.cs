using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Designer.Persistence.Migrations
{
    /// <summary>Indexes for paged lists at scale: the admin application lists (by update, per locality) and each inbox filter branch.</summary>
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(name: "IX_Applications_UpdatedAt", table: "Applications", column: "UpdatedAt");
            migrationBuilder.CreateIndex(name: "IX_Applications_Locality_UpdatedAt", table: "Applications", columns: new[] { "Locality", "UpdatedAt" });
            migrationBuilder.CreateIndex(name: "IX_Tasks_Org_Role_IsOpen", table: "Tasks", columns: new[] { "Org", "Role", "IsOpen" });
            migrationBuilder.CreateIndex(name: "IX_Tasks_AssignedUser", table: "Tasks", column: "AssignedUser");
            migrationBuilder.CreateIndex(name: "IX_Tasks_ApplicantUserId", table: "Tasks", column: "ApplicantUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_Applications_UpdatedAt", table: "Applications");
            migrationBuilder.DropIndex(name: "IX_Applications_Locality_UpdatedAt", table: "Applications");
            migrationBuilder.DropIndex(name: "IX_Tasks_Org_Role_IsOpen", table: "Tasks");
            migrationBuilder.DropIndex(name: "IX_Tasks_AssignedUser", table: "Tasks");
            migrationBuilder.DropIndex(name: "IX_Tasks_ApplicantUserId", table: "Tasks");
        }
    }
}
