using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Designer.Engine.Calendar;
using Designer.Engine.Expressions;

namespace Designer.Benchmarks;

/// <summary>
/// One sandboxed script evaluation as a workflow step makes it: the script prepared once (cached by its text), then
/// per evaluation the thread's reused Jint engine (limits, guards and helpers built once) with the scope's globals,
/// converted as the script reads them. The function body declares a `var`, so it runs as a function there.
/// </summary>
[MemoryDiagnoser]
public class ScriptBenchmark
{
    private readonly JintScriptSandbox _sandbox = new(SandboxLimits.Default, WorkingDayCalendar.WeekendsOnly);
    private ScriptScope _scope = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scope = new ScriptScope { Today = new DateOnly(2024, 9, 2) };
        _scope.Globals["application"] = JsonNode.Parse("""{"series":"teacher","level":"deputy-senior","grassrootsYears":8,"workplaceLevel":"township","awards":[{"year":2021},{"year":2023}]}""");
        _scope.Globals["forms"] = new JsonObject();
    }

    [Benchmark(Description = "Evaluate a condition in the sandbox")]
    public JsonNode? Condition() => _sandbox.Evaluate("application.grassrootsYears >= 3 && application.level === 'deputy-senior'", _scope);

    [Benchmark(Description = "Evaluate a function body with a helper in the sandbox")]
    public JsonNode? FunctionBody() => _sandbox.Evaluate(
        "var recent = count(application.awards, function (a) { return a.year >= 2022; });\nif (application.workplaceLevel === 'township') { return recent + 1; }\nreturn recent;",
        _scope);
}
