using BenchmarkDotNet.Attributes;
using Designer.Engine.Calendar;
using Designer.Engine.Expressions;
using Designer.Engine.Forms;
using Designer.Engine.Model;
using Designer.Engine.Simulation;
using Designer.Forms;

namespace Designer.Benchmarks;

/// <summary>
/// One full application through Bazhou's deputy-senior procedure, in memory: every step answered, publicity and
/// deadlines passed on the working-day calendar. The definition is parsed once (as the server caches it).
/// </summary>
[MemoryDiagnoser]
public class BazhouApplicationBenchmark
{
    private Simulator _simulator = null!;
    private SimulationCase _case = null!;
    private WorkflowDefinition _definition = null!;

    [GlobalSetup]
    public void Setup()
    {
        var layout = ProjectLayout.Find(AppContext.BaseDirectory) ?? ProjectLayout.Find(Directory.GetCurrentDirectory())
            ?? throw new InvalidOperationException("run from the repository");
        IWorkingDayCalendar calendar = WorkingDayCalendar.Load(layout.CalendarFile);
        IFormCatalog forms = FileFormCatalog.Load(layout.Schemas);
        _simulator = new Simulator(calendar, new JintScriptSandbox(SandboxLimits.Default, calendar), forms);
        _definition = WorkflowDefinitionReader.Load(Path.Combine(layout.Workflows, "bazhou", "directed-deputy-senior.json"));
        _case = SimulationCase.Parse(File.ReadAllText(Path.Combine(layout.Root, "tests", "Designer.Engine.Tests", "Localities", "cases", "bazhou", "01-deputy-senior-teacher-education.json")));
        var check = _simulator.Run(_case, _definition);
        if (check.Status != "Completed") throw new InvalidOperationException($"the benchmark case did not complete: {check.Status}");
    }

    [Benchmark(Description = "Bazhou deputy-senior application, start to certificate")]
    public SimulationResult FullApplication() => _simulator.Run(_case, _definition);
}
