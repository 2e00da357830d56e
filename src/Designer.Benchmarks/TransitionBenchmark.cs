using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Designer.Engine.Calendar;
using Designer.Engine.Expressions;
using Designer.Engine.Model;
using Designer.Engine.Runtime;
using Designer.Forms;

namespace Designer.Benchmarks;

/// <summary>
/// One engine transition as the server's task action makes it (the load driver's review step): the `review-opinion`
/// form validated, the step journaled, the loop followed, the next review bookmark created, on the state in place.
/// Each invocation starts from a fresh copy of the waiting state and makes 100 transitions (the copy is amortised).
/// </summary>
[MemoryDiagnoser]
public class TransitionBenchmark
{
    public const int Transitions = 100;
    private WorkflowEngine _engine = null!;
    private WorkflowDefinition _definition = null!;
    private string _waiting = "";
    private JsonObject _opinion = null!;

    [GlobalSetup]
    public void Setup()
    {
        var layout = BenchmarkSubjects.Layout;
        var forms = FileFormCatalog.Load(layout.Schemas);
        var calendar = WorkingDayCalendar.WeekendsOnly;
        _engine = new WorkflowEngine(new EngineServices
        {
            Clock = ManualClock.StartingOn(new DateOnly(2026, 3, 2)), Calendar = calendar, Scripts = new JintScriptSandbox(SandboxLimits.Default, calendar), Forms = forms,
        });
        _definition = LoopFlows.ReviewLoop();
        var apply = forms.MinimalValid("apply");
        _opinion = forms.MinimalValid("review-opinion");
        var state = _engine.Start(_definition, new StartRequest("bench", apply));
        state = _engine.Resume(_definition, state, state.Bookmarks.Single().Id, new ResumeInput("approve", apply, "applicant"));
        _waiting = state.ToJson();
        if (state.Bookmarks.Single().ActivityId != "review") throw new InvalidOperationException("the loop does not wait at review");
    }

    [Benchmark(Description = "One review transition (form validated, state in place)", OperationsPerInvoke = Transitions)]
    public WorkflowInstanceState ReviewTransition()
    {
        var state = WorkflowInstanceState.FromJson(_waiting);
        for (var i = 0; i < Transitions; i++)
            state = _engine.Resume(_definition, state, state.Bookmarks[0].Id, new ResumeInput("approve", _opinion, "reviewer"));
        return state;
    }
}
