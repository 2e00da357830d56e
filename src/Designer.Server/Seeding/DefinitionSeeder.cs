using System.Text.Json.Nodes;
using Designer.Engine.Model;
using Designer.Forms;
using Designer.Persistence;
using Designer.Server.Forms;
using Designer.Server.Hosting;
using Designer.Server.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Seeding;

/// <summary>
/// First start: every form under schemas/ and every workflow under workflows/&lt;locality&gt;/ becomes published
/// version 1 (a workflow the validator rejects is kept as a draft, and the log says why).
/// </summary>
public sealed class DefinitionSeeder(DesignerDbContext db, FormStore forms, WorkflowStore workflows, ILogger<DefinitionSeeder> log)
{
    public async Task SeedAsync(DesignerOptions options)
    {
        if (!await db.Forms.AnyAsync() && Directory.Exists(options.SchemasDirectory))
        {
            foreach (var source in FormSource.ReadDirectory(options.SchemasDirectory))
            {
                try
                {
                    await forms.CreateAsync(SystemUser.Instance, new SaveFormRequest(source.Id, JsonNode.Parse(source.SchemaJson)!.AsObject(),
                        source.UiSchemaJson is null ? null : JsonNode.Parse(source.UiSchemaJson)!.AsObject(), 0, null), publish: true);
                }
                catch (Exception e) when (e is System.Text.Json.JsonException or ApiProblemException or InvalidOperationException)
                {
                    log.LogWarning("Form {Id} not imported: {Message}", source.Id, e.Message);
                    db.ChangeTracker.Clear();
                }
            }
        }
        if (await db.Workflows.AnyAsync() || !Directory.Exists(options.WorkflowsDirectory)) return;
        foreach (var file in WorkflowFiles(options.WorkflowsDirectory))
        {
            try
            {
                var json = JsonNode.Parse(await File.ReadAllTextAsync(file), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
                var created = await workflows.CreateAsync(SystemUser.Instance, json);
                var (_, problems) = await workflows.PublishAsync(SystemUser.Instance, created.DefinitionId, 1);
                if (problems.Count > 0)
                    log.LogWarning("Workflow {File} kept as a draft: {Problems}", file, string.Join(" | ", problems.Select(p => p.ToString())));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or ApiProblemException or InvalidOperationException)
            {
                log.LogWarning("Workflow {File} not imported: {Message}", file, e is ApiProblemException ? "invalid definition, duplicate id or unknown locality" : e.Message);
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>workflows/&lt;locality&gt;/*.json; the calendar and world folders hold data, not workflows.</summary>
    public static IEnumerable<string> WorkflowFiles(string directory) =>
        Directory.EnumerateDirectories(directory)
            .Where(d => !Designer.Engine.Model.WorkflowFiles.IsDataFolder(Path.GetFileName(d)))
            .SelectMany(d => Directory.EnumerateFiles(d, "*.json", SearchOption.AllDirectories))
            .OrderBy(f => f, StringComparer.Ordinal);
}
