using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Designer.Persistence.Migrations
{
    /// <summary>People managed in the product: a registered applicant's masked ID number and its hash, the forced password change.</summary>
    public partial class UserAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(name: "IdNumberHash", table: "AspNetUsers", type: "TEXT", nullable: true);
            migrationBuilder.AddColumn<string>(name: "IdNumberMasked", table: "AspNetUsers", type: "TEXT", nullable: true);
            migrationBuilder.AddColumn<bool>(name: "MustChangePassword", table: "AspNetUsers", type: "INTEGER", nullable: false, defaultValue: false);
            migrationBuilder.CreateIndex(name: "IX_AspNetUsers_Locality_IdNumberHash", table: "AspNetUsers", columns: ["Locality", "IdNumberHash"], unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_AspNetUsers_Locality_IdNumberHash", table: "AspNetUsers");
            migrationBuilder.DropColumn(name: "IdNumberHash", table: "AspNetUsers");
            migrationBuilder.DropColumn(name: "IdNumberMasked", table: "AspNetUsers");
            migrationBuilder.DropColumn(name: "MustChangePassword", table: "AspNetUsers");
        }
    }
}
