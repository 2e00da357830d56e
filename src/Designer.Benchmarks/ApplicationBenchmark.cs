using BenchmarkDotNet.Attributes;
using Designer.Engine.Calendar;
using Designer.Engine.Expressions;
using Designer.Engine.Forms;
using Designer.Engine.Model;
using Designer.Engine.Simulation;
using Designer.Forms;

namespace Designer.Benchmarks;

/// <summary>
/// One full application through a locality's procedure (docs/benchmark-subjects.json: a deputy-senior one), in memory:
/// every step answered, publicity and deadlines passed on the working-day calendar. The definition is parsed once (as
/// the server caches it).
/// </summary>
[MemoryDiagnoser]
public class ApplicationBenchmark
{
    private Simulator _simulator = null!;
    private SimulationCase _case = null!;
    private WorkflowDefinition _definition = null!;

    [GlobalSetup]
    public void Setup()
    {
        var layout = BenchmarkSubjects.Layout;
        var subject = BenchmarkSubjects.Section("application");
        IWorkingDayCalendar calendar = WorkingDayCalendar.Load(layout.CalendarFile);
        IFormCatalog forms = FileFormCatalog.Load(layout.Schemas);
        _simulator = new Simulator(calendar, new JintScriptSandbox(SandboxLimits.Default, calendar), forms);
        _definition = WorkflowDefinitionReader.Load(BenchmarkSubjects.PathOf(subject["workflow"]!.GetValue<string>()));
        _case = SimulationCase.Parse(File.ReadAllText(BenchmarkSubjects.PathOf(subject["case"]!.GetValue<string>())));
        var check = _simulator.Run(_case, _definition);
        if (check.Status != "Completed") throw new InvalidOperationException($"the benchmark case did not complete: {check.Status}");
    }

    [Benchmark(Description = "A deputy-senior application, start to certificate")]
    public SimulationResult FullApplication() => _simulator.Run(_case, _definition);
}
