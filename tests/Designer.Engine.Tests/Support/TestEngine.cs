using Designer.Engine.Domain;
using Designer.Engine.Calendar;
using Designer.Engine.Expressions;
using Designer.Engine.Forms;
using Designer.Engine.Model;
using Designer.Engine.Runtime;
using Designer.Forms;

namespace Designer.Engine.Tests.Support;

/// <summary>An engine on a manual clock with a captured WriteLine output, the repository's calendar and forms.</summary>
public sealed class TestEngine
{
    public static readonly ProjectLayout Layout = ProjectLayout.Find(AppContext.BaseDirectory)!;
    public static readonly IWorkingDayCalendar Calendar = WorkingDayCalendar.Load(Layout.CalendarFile);
    private static readonly Lazy<IFormCatalog> LazyForms = new(() => FileFormCatalog.Load(Layout.Schemas));
    public static IFormCatalog Forms => LazyForms.Value;
    /// <summary>workflows/world/: the vocabulary and localities the shipped workflows use.</summary>
    public static readonly VocabularySet Vocabulary = VocabularySet.Load(Layout.World);
    /// <summary>The repository's windows and holiday overlays (workflows/calendar/), with the localities' parents.</summary>
    public static readonly CalendarInForce CalendarInForce = CalendarInForce.Load(Calendar, Layout.CalendarFolder, LocalityParents.Of(Vocabulary));
    /// <summary>workflows/world/committees.json: the committees the shipped workflows' votes and entrustments name.</summary>
    public static readonly Designer.Engine.Committees.CommitteeCatalog Committees =
        new(Designer.Engine.Committees.CommitteeFile.Load(Path.Combine(Layout.World, "committees.json")));

    public TestEngine(DateOnly? start = null, IFormCatalog? forms = null)
    {
        Clock = ManualClock.StartingOn(start ?? new DateOnly(2024, 9, 2));
        Engine = new WorkflowEngine(new EngineServices
        {
            Clock = Clock, Calendar = Calendar, Scripts = new JintScriptSandbox(SandboxLimits.Default, Calendar), Forms = forms, Output = Output,
        });
    }

    public ManualClock Clock { get; }
    public StringWriter Output { get; } = new();
    public WorkflowEngine Engine { get; }

    public IReadOnlyList<string> Lines => Output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    public WorkflowInstanceState Start(WorkflowDefinition definition, System.Text.Json.Nodes.JsonObject? application = null) =>
        Engine.Start(definition, new StartRequest("test-1", application));

    /// <summary>Runs and returns what WriteLine printed.</summary>
    public static IReadOnlyList<string> Print(TestFlow flow)
    {
        var engine = new TestEngine();
        var state = engine.Start(flow.Definition());
        Assert.NotEqual(WorkflowStatus.Faulted, state.Status);
        return engine.Lines;
    }
}
