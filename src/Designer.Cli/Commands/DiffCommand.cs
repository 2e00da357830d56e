using System.Text.Json.Nodes;
using Designer.Engine.Diff;
using Designer.Engine.Model;

namespace Designer.Cli.Commands;

/// <summary>
/// `designer diff A B`: what changed from A to B — two workflow files, or two form schemas (*.schema.json).
/// Exit 0 when nothing but layout changed, 1 when something else did.
/// </summary>
internal sealed class DiffCommand(CliContext context, TextWriter output)
{
    public int Run(IReadOnlyList<string> paths, bool json)
    {
        if (paths.Count != 2) throw new UsageException("diff 需要两个文件：旧版本与新版本 (diff needs two files: old and new)");
        var (from, to) = (context.Resolve(paths[0]), context.Resolve(paths[1]));
        if (from.EndsWith(".schema.json") && to.EndsWith(".schema.json"))
        {
            var formDiff = FormDiffer.Compare(Path.GetFileName(to).Replace(".schema.json", ""), ReadObject(from), ReadObject(to));
            var asWorkflowDiff = new WorkflowDiff([], [], [], [], [formDiff]);
            output.Write(json ? JsonText.Serialize(formDiff) + Environment.NewLine : DiffText.Render(asWorkflowDiff));
            return asWorkflowDiff.HasSemanticChanges ? Cli.ProblemsFound : Cli.Ok;
        }
        var diff = WorkflowDiffer.Compare(WorkflowDefinitionReader.Load(from), WorkflowDefinitionReader.Load(to));
        output.Write(json ? JsonText.Serialize(diff) + Environment.NewLine : DiffText.Render(diff));
        return diff.HasSemanticChanges ? Cli.ProblemsFound : Cli.Ok;
    }

    private static JsonObject ReadObject(string path)
    {
        try { return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new UsageException($"{path} 不是 JSON 对象 (not a JSON object)"); }
        catch (System.Text.Json.JsonException e) { throw new UsageException($"{path}: JSON 格式错误 (invalid JSON): {e.Message}"); }
    }
}
