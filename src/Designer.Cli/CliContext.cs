using System.CommandLine;
using Designer.Engine.Calendar;
using Designer.Engine.Committees;
using Designer.Engine.Domain;
using Designer.Engine.Expressions;
using Designer.Engine.Forms;
using Designer.Engine.Model;
using Designer.Engine.Validation;
using Designer.Engine.Runtime;
using Designer.Forms;

namespace Designer.Cli;

/// <summary>The project the CLI works on (found from --root or the current folder) and the engine's parts built from it.</summary>
internal sealed class CliContext
{
    private readonly Lazy<IWorkingDayCalendar> _calendar;
    private readonly Lazy<IFormCatalog?> _forms;
    private readonly Lazy<VocabularySet> _vocabulary;

    public CliContext(string? root, TextWriter output, TextWriter error)
    {
        Output = output;
        Error = error;
        Layout = root is not null ? new ProjectLayout(Path.GetFullPath(root)) : ProjectLayout.Find(Directory.GetCurrentDirectory());
        _calendar = new(() =>
        {
            if (Layout is not null && File.Exists(Layout.CalendarFile)) return WorkingDayCalendar.Load(Layout.CalendarFile);
            error.WriteLine("提示：未找到工作日日历文件，仅按周末计算 (no calendar file found: weekends only)");
            return WorkingDayCalendar.WeekendsOnly;
        });
        _vocabulary = new(() =>
        {
            if (Layout is not null && Directory.Exists(Layout.World)) return VocabularySet.Load(Layout.World);
            error.WriteLine("提示：未找到 workflows/world/ 词表，所有代码均视为未知 (no workflows/world folder: every code is unknown)");
            return VocabularySet.Empty;
        });
        _forms = new(() => Layout is not null && Directory.Exists(Layout.Schemas) ? FileFormCatalog.Load(Layout.Schemas) : null);
    }

    /// <summary>`--root DIR`, taken by every command that reads the project.</summary>
    public static Option<string?> RootOption() => new("--root")
    {
        Description = "项目根目录（含 workflows/ 与 schemas/），默认从当前目录向上查找 (the project folder; found upwards from here by default)",
        HelpName = "DIR",
        Recursive = true,
    };

    /// <summary>The context of a parsed command line, writing where its invocation writes.</summary>
    public static CliContext From(ParseResult parsed, Option<string?> root) =>
        new(parsed.GetValue(root), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error);

    public TextWriter Output { get; }
    public TextWriter Error { get; }
    public ProjectLayout? Layout { get; }
    public IWorkingDayCalendar Calendar => _calendar.Value;
    /// <summary>The project's windows and holiday overlays on the national calendar (none without a project folder).</summary>
    public CalendarInForce CalendarInForce => Layout is null ? CalendarInForce.NationalOnly(Calendar) : CalendarInForce.Load(Calendar, Layout.CalendarFolder, LocalityParents.Of(Vocabulary));
    public IFormCatalog? Forms => _forms.Value;
    public IScriptSandbox Scripts => new JintScriptSandbox(SandboxLimits.Default, Calendar);
    /// <summary>workflows/world/vocabulary.json and localities.json.</summary>
    public VocabularySet Vocabulary => _vocabulary.Value;
    public WorkflowValidator Validator => new(ActivityRegistry.Default, Forms, Scripts, Vocabulary, Committees);

    /// <summary>workflows/world/committees.json when the project has one: `validate` then checks the committees votes name.</summary>
    public ICommitteeCatalog? Committees =>
        Layout is not null && File.Exists(Path.Combine(Layout.Workflows, WorkflowFiles.WorldFolder, "committees.json"))
            ? new CommitteeCatalog(CommitteeFile.Load(Path.Combine(Layout.Workflows, WorkflowFiles.WorldFolder, "committees.json")))
            : null;

    /// <summary>A path as given, else relative to the project root.</summary>
    public string Resolve(string path)
    {
        if (File.Exists(path) || Directory.Exists(path) || Layout is null) return path;
        var underRoot = Path.Combine(Layout.Root, path);
        return File.Exists(underRoot) || Directory.Exists(underRoot) ? underRoot : path;
    }
}
