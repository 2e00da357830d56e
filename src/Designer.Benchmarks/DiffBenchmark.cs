using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Designer.Engine.Diff;
using Designer.Engine.Model;

namespace Designer.Benchmarks;

/// <summary>Semantic diff of two 500-activity versions: every 10th activity edited, every 7th moved, 20 rewired, 10 added.</summary>
[MemoryDiagnoser]
public class DiffBenchmark
{
    private WorkflowDefinition _from = null!;
    private WorkflowDefinition _to = null!;

    [GlobalSetup]
    public void Setup()
    {
        _from = WorkflowDefinitionReader.FromJson(Build(500, changed: false));
        _to = WorkflowDefinitionReader.FromJson(Build(500, changed: true));
    }

    [Benchmark(Description = "Diff of two 500-activity versions")]
    public WorkflowDiff Diff() => WorkflowDiffer.Compare(_from, _to);

    [Benchmark(Description = "Diff rendered as text")]
    public string DiffText() => Designer.Engine.Diff.DiffText.Render(WorkflowDiffer.Compare(_from, _to));

    private static string Org => BenchmarkSubjects.Section("diff")["org"]!.GetValue<string>();

    private static JsonObject Build(int count, bool changed)
    {
        var activities = new JsonArray();
        var connections = new JsonArray();
        var total = changed ? count + 10 : count;
        for (var i = 0; i < total; i++)
        {
            var deadline = changed && i % 10 == 0 ? 10 : 5;
            var x = changed && i % 7 == 0 ? i * 260 + 40 : i * 260;
            activities.Add(JsonNode.Parse($$$"""
                {"id":"a{{{i}}}","type":"Titles.Task","metadata":{"designer":{"position":{"x":{{{x}}},"y":0}},"displayText":"审核 {{{i}}}"},
                 "stage":{"typeName":"String","expression":{"type":"Literal","value":"hr-review"}},
                 "assigneeOrg":{"typeName":"String","expression":{"type":"Literal","value":"{{{Org}}}"}},
                 "deadlineDays":{"typeName":"Int32","expression":{"type":"Literal","value":{{{deadline}}} } } }
                """));
            if (i == 0) continue;
            var source = changed && i % 25 == 0 ? i - 2 : i - 1;
            connections.Add(JsonNode.Parse($$$"""{"source":{"activity":"a{{{source}}}","port":"approve"},"target":{"activity":"a{{{i}}}","port":"In"}}"""));
        }
        return new JsonObject
        {
            ["definitionId"] = "bench", ["name"] = "bench", ["customProperties"] = new JsonObject { ["locality"] = BenchmarkSubjects.Section("diff")["locality"]!.GetValue<string>() },
            ["root"] = new JsonObject { ["type"] = "Elsa.Flowchart", ["id"] = "root", ["activities"] = activities, ["connections"] = connections },
        };
    }
}
