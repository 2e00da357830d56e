using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Designer.Engine.Calendar;
using Designer.Engine.Expressions;

namespace Designer.Benchmarks;

/// <summary>One sandboxed script evaluation: a fresh Jint engine with limits, globals and helpers each time.</summary>
[MemoryDiagnoser]
public class ScriptBenchmark
{
    private readonly JintScriptSandbox _sandbox = new(SandboxLimits.Default, WorkingDayCalendar.WeekendsOnly);
    private ScriptScope _scope = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scope = new ScriptScope { Today = new DateOnly(2024, 9, 2) };
        _scope.Globals["application"] = JsonNode.Parse("""{"series":"teacher","level":"deputy-senior","grassrootsYears":8,"workplaceLevel":"township"}""");
        _scope.Globals["forms"] = new JsonObject();
    }

    [Benchmark(Description = "Evaluate a condition in the sandbox")]
    public JsonNode? Condition() => _sandbox.Evaluate("application.grassrootsYears >= 3 && application.level === 'deputy-senior'", _scope);
}
