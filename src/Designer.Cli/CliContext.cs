using Designer.Engine.Calendar;
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

    public CliContext(string? root, TextWriter error)
    {
        Layout = root is not null ? new ProjectLayout(Path.GetFullPath(root)) : ProjectLayout.Find(Directory.GetCurrentDirectory());
        _calendar = new(() =>
        {
            if (Layout is not null && File.Exists(Layout.CalendarFile)) return WorkingDayCalendar.Load(Layout.CalendarFile);
            error.WriteLine("提示：未找到工作日日历文件，仅按周末计算 (no calendar file found: weekends only)");
            return WorkingDayCalendar.WeekendsOnly;
        });
        _forms = new(() => Layout is not null && Directory.Exists(Layout.Schemas) ? FileFormCatalog.Load(Layout.Schemas) : null);
    }

    public ProjectLayout? Layout { get; }
    public IWorkingDayCalendar Calendar => _calendar.Value;
    public IFormCatalog? Forms => _forms.Value;
    public IScriptSandbox Scripts => new JintScriptSandbox(SandboxLimits.Default, Calendar);
    public WorkflowValidator Validator => new(ActivityRegistry.Default, Forms, Scripts);

    /// <summary>A path as given, else relative to the project root.</summary>
    public string Resolve(string path)
    {
        if (File.Exists(path) || Directory.Exists(path) || Layout is null) return path;
        var underRoot = Path.Combine(Layout.Root, path);
        return File.Exists(underRoot) || Directory.Exists(underRoot) ? underRoot : path;
    }
}
