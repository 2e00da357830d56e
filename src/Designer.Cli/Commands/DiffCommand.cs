using System.CommandLine;
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
    public static Command Create(Option<string?> root)
    {
        var oldFile = new Argument<string>("OLD") { Description = "旧版本：流程文件或 *.schema.json (the old version)" };
        var newFile = new Argument<string>("NEW") { Description = "新版本：流程文件或 *.schema.json (the new version)" };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出差异 (the diff as JSON)" };
        var command = new Command("diff", "比较两个流程版本（或两个表单 *.schema.json）；除布局外有变化时退出码为 1 (semantic diff; exit 1 when more than layout changed)")
        {
            oldFile, newFile, json,
        };
        command.SetAction(parsed =>
        {
            var context = CliContext.From(parsed, root);
            return new DiffCommand(context, context.Output).Run(parsed.GetRequiredValue(oldFile), parsed.GetRequiredValue(newFile), parsed.GetValue(json));
        });
        return command;
    }

    public int Run(string oldPath, string newPath, bool json)
    {
        var (from, to) = (context.Resolve(oldPath), context.Resolve(newPath));
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
