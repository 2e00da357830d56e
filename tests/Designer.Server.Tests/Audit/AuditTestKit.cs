using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;
using System.Data.Common;

namespace Designer.Server.Tests.Audit;

/// <summary>Helpers the audit tests share: draft saves over HTTP, the server's SQLite file, the CLI run in-process.</summary>
public static class AuditTestKit
{
    /// <summary>Saves the workflow's latest version changed by <paramref name="edit"/>; answers the saved version.</summary>
    public static async Task<JsonNode> SaveDraftAsync(ApiClient client, string definitionId, Action<JsonObject> edit)
    {
        var latest = await client.GetOkAsync($"/api/workflows/{definitionId}");
        var definition = latest["definition"]!.AsObject().DeepClone().AsObject();
        edit(definition);
        return (await client.PutAsync($"/api/workflows/{definitionId}/draft", new JsonObject
        {
            ["definition"] = definition, ["baseVersion"] = latest["version"]!.GetValue<int>(),
            ["concurrencyToken"] = latest["concurrencyToken"]!.GetValue<string>(),
        })).Expect(HttpStatusCode.OK);
    }

    public static JsonObject Activity(JsonObject definition, string id) =>
        definition["root"]!["activities"]!.AsArray().OfType<JsonObject>().Single(a => a["id"]!.GetValue<string>() == id);

    /// <summary>An input's expression value (inputs are {typeName, expression: {type, value}}).</summary>
    public static void SetInput(JsonObject activity, string input, JsonNode value, string type = "Literal") =>
        activity[input] = new JsonObject
        {
            ["typeName"] = activity[input]?["typeName"]?.DeepClone() ?? "String",
            ["expression"] = new JsonObject { ["type"] = type, ["value"] = value },
        };

    public static string DatabasePath(DesignerFactory factory) => Path.Combine(factory.Folder, "designer.db");

    public static DbConnection OpenDatabase(DesignerFactory factory) => TestDatabase.Open(factory.Folder);

    public static int Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    /// <summary>`designer ...` run in-process: exit code and what it wrote.</summary>
    public static (int Exit, string Output) RunCli(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = Designer.Cli.Cli.Run(args, output, error);
        return (exit, output.ToString() + error);
    }
}
