using System.CommandLine;
using Designer.Engine.Model;
using Designer.Engine.Validation;

namespace Designer.Cli.Commands;

/// <summary>
/// `designer validate [paths]`: every problem of every workflow file and form, then a count. Exit 1 on any problem.
/// A workflow's local assumptions (values the documents leave open) are printed as ℹ notes and do not fail it.
/// </summary>
internal sealed class ValidateCommand(CliContext context, TextWriter output)
{
    public static Command Create(Option<string?> root)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "要校验的流程文件、表单或目录；默认 workflows 与 schemas (workflow files, forms or folders)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("validate", "校验流程定义与表单，列出全部问题；有问题时退出码为 1 (validate workflows and forms; exit 1 on any problem)")
        {
            paths,
        };
        command.SetAction(parsed =>
        {
            var context = CliContext.From(parsed, root);
            return new ValidateCommand(context, context.Output).Run(parsed.GetValue(paths) ?? []);
        });
        return command;
    }

    private int _files;
    private int _problems;

    public int Run(IReadOnlyList<string> paths)
    {
        var targets = paths.Count > 0 ? paths.Select(context.Resolve).ToList() : DefaultTargets();
        foreach (var target in targets)
        {
            if (!File.Exists(target) && !Directory.Exists(target))
                throw new UsageException($"路径不存在 (no such file or folder): {target}");
            if (IsFormPath(target)) ValidateForms(target);
            else if (Directory.Exists(target)) foreach (var file in WorkflowFiles.Find(target)) ValidateWorkflow(file);
            else ValidateWorkflow(target);
        }
        output.WriteLine($"共 {_files} 个文件，{_problems} 个问题 ({_files} files, {_problems} problems)");
        return _problems == 0 ? Cli.Ok : Cli.ProblemsFound;
    }

    private List<string> DefaultTargets()
    {
        if (context.Layout is null) throw new UsageException("找不到项目根目录，请给出路径或 --root (no project root found: give paths or --root)");
        return new[] { context.Layout.Workflows, context.Layout.Schemas }.Where(Directory.Exists).ToList();
    }

    private void ValidateWorkflow(string file)
    {
        _files++;
        var json = File.ReadAllText(file);
        var problems = context.Validator.Validate(json, file);
        Report(file, problems.Select(p => p.ToString()).ToList());
        foreach (var assumption in AssumptionsOf(json, file)) output.WriteLine($"  ℹ {assumption}");
    }

    /// <summary>Values the documents leave open, noted for the admin to confirm; they do not count as problems.</summary>
    private static IReadOnlyList<LocalAssumption> AssumptionsOf(string json, string file)
    {
        try { return LocalAssumptions.Of(WorkflowDefinitionReader.Parse(json, file)); }
        catch (DefinitionFormatException) { return []; }
    }

    private bool IsFormPath(string target)
    {
        if (target.EndsWith(".schema.json") || target.EndsWith(".ui.json")) return true;
        var schemas = context.Layout?.Schemas;
        return schemas is not null && Path.GetFullPath(target).StartsWith(Path.GetFullPath(schemas), StringComparison.Ordinal);
    }

    private void ValidateForms(string target)
    {
        var forms = context.Forms ?? throw new UsageException("找不到 schemas/ 目录 (no schemas folder)");
        var schemasRoot = Path.GetFullPath(context.Layout!.Schemas);
        var fullTarget = Path.GetFullPath(target);
        foreach (var formId in forms.FormIds.Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(schemasRoot, formId + ".schema.json");
            if (!(file == fullTarget || file.StartsWith(fullTarget.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar)) &&
                Path.Combine(schemasRoot, formId + ".ui.json") != fullTarget) continue;
            _files++;
            Report(Path.GetRelativePath(Directory.GetCurrentDirectory(), file), forms.CheckDefinition(formId).Select(e => $"{e.Path}: {e.Message}").ToList());
        }
    }

    private void Report(string file, IReadOnlyList<string> problems)
    {
        _problems += problems.Count;
        output.WriteLine($"{(problems.Count == 0 ? "✓" : "✗")} {file}");
        foreach (var problem in problems) output.WriteLine($"  {problem}");
    }
}
