using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Designer.Persistence.Migrations
{
    /// <summary>
    /// The journal of each application moves out of its StateJson into JournalEntries rows (one per step, in order);
    /// the state keeps an index of it (journalIndex: how many rows, the last date per stage, the last stage, the last
    /// failing or rejecting stage). A state left with its journal inside still reads correctly (the server moves it on
    /// the application's next write), so this data move is what keeps every state small from the start.
    /// </summary>
    public partial class JournalEntriesByRow : Migration
    {
        private const string HasJournal =
            "\"StateJson\" IS NOT NULL AND json_valid(\"StateJson\") AND json_type(\"StateJson\", '$.journal') = 'array'";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JournalEntries",
                columns: table => new
                {
                    ApplicationId = table.Column<string>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", nullable: false),
                    Date = table.Column<string>(type: "TEXT", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalEntries", x => new { x.ApplicationId, x.Sequence });
                });

            migrationBuilder.Sql($"""
                INSERT INTO "JournalEntries" ("ApplicationId", "Sequence", "Stage", "Action", "Date", "Json")
                SELECT a."Id", CAST(e.key AS INTEGER), COALESCE(json_extract(e.value, '$.stage'), ''),
                       COALESCE(json_extract(e.value, '$.action'), ''), COALESCE(json_extract(e.value, '$.date'), ''), json(e.value)
                FROM "Applications" a, json_each(a."StateJson", '$.journal') e
                WHERE {HasJournal.Replace("\"StateJson\"", "a.\"StateJson\"")};
                """);
            // json_group_object's bare columns come from the row of MAX(position): the latest step of each stage.
            migrationBuilder.Sql($"""
                UPDATE "Applications" SET "StateJson" = json_set("StateJson", '$.journal', json('[]'), '$.journalIndex', json_object(
                    'stored', json_array_length("StateJson", '$.journal'),
                    'lastDateByStage', json((SELECT json_group_object(s.stage, s.date) FROM (
                        SELECT COALESCE(json_extract(e.value, '$.stage'), '') AS stage, json_extract(e.value, '$.date') AS date,
                               MAX(CAST(e.key AS INTEGER)) AS position
                        FROM json_each("Applications"."StateJson", '$.journal') e GROUP BY 1) s)),
                    'lastStage', json_extract("StateJson", '$.journal[#-1].stage'),
                    'lastRejectedStage', (SELECT json_extract(e.value, '$.stage') FROM json_each("Applications"."StateJson", '$.journal') e
                        WHERE json_extract(e.value, '$.action') IN ('fail', 'reject') ORDER BY CAST(e.key AS INTEGER) DESC LIMIT 1)))
                WHERE {HasJournal} AND json_array_length("StateJson", '$.journal') > 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "Applications" SET "StateJson" = json_set(json_remove("StateJson", '$.journalIndex'), '$.journal', json((
                    SELECT json_group_array(json(j."Json")) FROM (SELECT "Json" FROM "JournalEntries" WHERE "ApplicationId" = "Applications"."Id" ORDER BY "Sequence") j)))
                WHERE "StateJson" IS NOT NULL AND EXISTS (SELECT 1 FROM "JournalEntries" WHERE "ApplicationId" = "Applications"."Id");
                """);
            migrationBuilder.DropTable(
                name: "JournalEntries");
        }
    }
}
