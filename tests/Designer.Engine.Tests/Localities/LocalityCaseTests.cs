using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Designer.Engine.Activities.Titles;
using Designer.Engine.Committees;
using Designer.Engine.Domain;
using Designer.Engine.Expressions;
using Designer.Engine.Model;
using Designer.Engine.Runtime;
using Designer.Engine.Simulation;
using Designer.Engine.Tests.Support;

namespace Designer.Engine.Tests.Localities;

/// <summary>
/// Runs every simulation case under Localities/cases/&lt;locality&gt;/*.json (contract.md's format, so the CLI runs them
/// too: `designer simulate --case FILE`) and checks the case's `expect` block:
/// <list type="bullet">
/// <item>`workflow`: the definitionId chosen when the case names a locality code;</item>
/// <item>`status`, `reason` (a part of the instance's reason), `granted` (null, or fields the grant must carry);</item>
/// <item>`path`: every stage reached, in order, as "stage @ org", optionally "-> action" and "on yyyy-MM-dd";</item>
/// <item>`sampled`: "stage.field" of fields the simulator made up, each listed in the result's `sampled`;</item>
/// <item>`stepReasons`: parts of the reasons steps recorded (e.g. the vote's count and share), each found in some step;</item>
/// <item>`integrityFinding`: a part of the finding the run writes to the applicant's integrity record;</item>
/// <item>`titleChanges`: what the run marks in the titles register (Titles.TitleStatus), each entry's fields, in order;</item>
/// <item>`unitApproval`: the unit the run approves for autonomous evaluation (Titles.UnitApproval), its fields, or null for none;</item>
/// <item>`revocations`: the titles the run decided to cancel, each "year series: part of the reason" (series `*` for any);</item>
/// <item>`activities`: activity ids the run must pass through (e.g. the series' own scoring step);</item>
/// <item>`committees`: the committee each committee-vote step reached named (one series each, filed);</item>
/// <item>`refused`: the submission is refused before the procedure starts (scope or window), each [{path, message part}];</item>
/// <item>`selectionError`: the locality has no procedure for the applicant (a part of the message).</item>
/// <item>`errors`: the run ends on a refused answer; each entry ("activityId path: part of the message") is found among the result's errors.</item>
/// </list>
/// </summary>
public partial class LocalityCaseTests
{
    public static readonly string CasesRoot =
        Path.Combine(TestEngine.Layout.Root, "tests", "Designer.Engine.Tests", "Localities", "cases");

    private static readonly Lazy<List<WorkflowDefinition>> Definitions =
        new(() => WorkflowFiles.LoadAll(TestEngine.Layout.Workflows).Definitions);

    private static readonly Simulator Simulator =
        new(TestEngine.Calendar, new JintScriptSandbox(SandboxLimits.Default, TestEngine.Calendar), TestEngine.Forms) { CalendarInForce = TestEngine.CalendarInForce, Committees = TestEngine.Committees };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(CasesRoot, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(CasesRoot, file).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_ends_as_expected(string caseFile)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(CasesRoot, caseFile)))!.AsObject();
        var expect = document["expect"] as JsonObject ?? throw new InvalidOperationException($"{caseFile}: no expect block");
        var simulation = SimulationCase.From(document);

        WorkflowDefinition definition;
        try { definition = Resolve(simulation); }
        catch (SimulationCaseException e) when (expect["selectionError"] is not null)
        {
            Assert.Contains(expect["selectionError"]!.GetValue<string>(), e.Message);
            return;
        }
        Assert.True(expect["selectionError"] is null, $"{caseFile}: expected no procedure to cover the applicant, got {definition.DefinitionId}");
        if (expect["workflow"] is JsonValue workflow) Assert.Equal(workflow.GetValue<string>(), definition.DefinitionId);

        var result = Simulator.Run(simulation, definition);
        var actualPath = result.Path.Select(Describe).ToList();
        var context = $"{caseFile}\nstatus {result.Status} ({result.Reason})\npath:\n  {string.Join("\n  ", actualPath)}\n" +
                      $"errors: {string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Message}"))}";

        if (expect["errors"] is JsonArray expectedErrors)
        {
            CheckErrors(expectedErrors, result, context);
            if (expect["status"] is JsonValue refusedStatus) Assert.True(refusedStatus.GetValue<string>() == result.Status, $"status\n{context}");
            if (expect["path"] is JsonArray refusedPath) CheckPath(refusedPath, actualPath, context);
            return;
        }
        if (expect["refused"] is JsonArray refused)
        {
            CheckRefused(refused, result, context);
            return;
        }
        Assert.True(result.Errors.Count == 0, context);
        Assert.True(expect["status"]!.GetValue<string>() == result.Status, $"status\n{context}");
        if (expect["reason"] is JsonValue reason)
            Assert.True(result.Reason?.Contains(reason.GetValue<string>()) == true, $"reason should contain “{reason}”\n{context}");
        if (expect["integrityFinding"] is JsonValue finding)
            Assert.True(result.IntegrityFinding?.Contains(finding.GetValue<string>()) == true, $"integrityFinding should contain “{finding}”\n{context}");
        if (expect["revocations"] is JsonArray revocations)
            Assert.True(revocations.Select(r => r!.GetValue<string>()).SequenceEqual(result.Revocations.Select(r => $"{r.Year} {r.Series ?? "*"}: {r.Reason}"), new PartOf()),
                $"revocations should be {revocations.ToJsonString()}, were {string.Join(" | ", result.Revocations)}\n{context}");
        CheckGranted(expect, result, context);
        CheckTitleChanges(expect, result, context);
        CheckUnitApproval(expect, result, context);
        CheckStepReasons(expect, result, context);
        CheckSampled(expect, result, context);
        CheckCommittees(expect, definition, simulation, result, context);
        if (expect["activities"] is JsonArray activities)
            foreach (var id in activities.Select(a => a!.GetValue<string>()))
                Assert.True(result.Path.Any(step => step.ActivityId == id), $"the run should pass through #{id}\n{context}");
        if (expect["path"] is JsonArray path) CheckPath(path, actualPath, context);
    }

    /// <summary>`committees`: the committee each committee-vote step reached named, in order ("" for a vote without one).</summary>
    private static void CheckCommittees(JsonObject expect, WorkflowDefinition definition, SimulationCase simulation, SimulationResult result, string context)
    {
        if (expect["committees"] is not JsonArray expected) return;
        var executable = ExecutableWorkflow.For(definition, ActivityRegistry.Default);
        var (series, level) = (simulation.Applicant["series"]?.GetValue<string>(), simulation.Applicant["level"]?.GetValue<string>());
        var named = result.Path.Where(step => step.ActivityId is not null && executable.Activity(step.ActivityId) is CommitteeVote)
            .Select(step => ((CommitteeVote)executable.Activity(step.ActivityId!)).Committee.LiteralOrDefault() is { Length: > 0 } template
                ? CommitteeIds.Resolve(template, definition.Locality, series, level) : "")
            .ToList();
        Assert.True(expected.Select(e => e!.GetValue<string>()).SequenceEqual(named),
            $"committees: expected [{string.Join(", ", expected)}], the votes named [{string.Join(", ", named)}]\n{context}");
        foreach (var id in named.Where(id => id.Length > 0))
            Assert.True(TestEngine.Committees.Find(id) is { IsFiled: true } committee && committee.Series.SequenceEqual([series!]),
                $"committee {id} should be filed and evaluate only the {series} series\n{context}");
    }

    [Fact]
    public void Every_locality_has_at_least_five_cases()
    {
        foreach (var locality in new[] { "xj-prefecture", "bazhou", "kashgar", "qiaocheng", "sample-city" })
        {
            var folder = Path.Combine(CasesRoot, locality);
            Assert.True(Directory.Exists(folder), $"no cases for {locality}");
            Assert.True(Directory.GetFiles(folder, "*.json").Length >= 5, $"{locality} has fewer than five cases");
        }
    }

    private static WorkflowDefinition Resolve(SimulationCase simulation)
    {
        var text = simulation.WorkflowText ?? throw new InvalidOperationException("workflow must be a path or a locality code");
        return TestEngine.Vocabulary.IsWorkflowLocality(text)
            ? WorkflowSelector.Choose(Definitions.Value, text, simulation.Applicant)
            : WorkflowDefinitionReader.Load(Path.Combine(TestEngine.Layout.Root, text));
    }

    private static string Describe(PathStep step) => $"{step.Stage} @ {step.Assignee.Org} -> {step.Action} on {step.Date}";

    /// <summary>`refused`: [{path, message}] — the submission is refused before the procedure starts, each field named.</summary>
    private static void CheckRefused(JsonArray expected, SimulationResult result, string context)
    {
        Assert.True(result.Status == SimulationResult.RefusedStatus, $"the submission should be refused\n{context}");
        Assert.Empty(result.Path);
        foreach (var item in expected)
        {
            var path = item!["path"]!.GetValue<string>();
            var part = item["message"]!.GetValue<string>();
            Assert.True(result.Errors.Any(e => e.Path == path && e.Message.Contains(part)), $"no refusal at {path} containing “{part}”\n{context}");
        }
        Assert.Equal(expected.Count, result.Errors.Count);
    }

    /// <summary>`unitApproval`: null when the run approves no unit, else the fields the approval (Titles.UnitApproval) must carry.</summary>
    private static void CheckUnitApproval(JsonObject expect, SimulationResult result, string context)
    {
        if (!expect.ContainsKey("unitApproval")) return;
        var approval = result.UnitApproval?.ToJsonString() ?? "null";
        if (expect["unitApproval"] is not JsonObject expected)
        {
            Assert.True(result.UnitApproval is null, $"unitApproval: expected none, got {approval}\n{context}");
            return;
        }
        foreach (var (field, value) in expected)
            Assert.True(JsonNode.DeepEquals(value, result.UnitApproval?[field]), $"unitApproval.{field}: expected {value?.ToJsonString()}, got {approval}\n{context}");
    }

    private static void CheckGranted(JsonObject expect, SimulationResult result, string context)
    {
        if (!expect.ContainsKey("granted")) return;
        if (expect["granted"] is not JsonObject granted)
        {
            Assert.True(result.Granted is null, $"nothing should be granted, got {result.Granted?.ToJsonString()}\n{context}");
            return;
        }
        Assert.True(result.Granted is not null, $"a title should be granted\n{context}");
        foreach (var (field, value) in granted)
            Assert.True(JsonNode.DeepEquals(value, result.Granted![field]),
                $"granted.{field}: expected {value?.ToJsonString() ?? "null"}, got {result.Granted[field]?.ToJsonString() ?? "null"}\n{context}");
    }

    private static void CheckTitleChanges(JsonObject expect, SimulationResult result, string context)
    {
        if (expect["titleChanges"] is not JsonArray expected) return;
        var changes = result.TitleChanges.ToJsonString();
        Assert.True(expected.Count == result.TitleChanges.Count, $"titleChanges: expected {expected.Count}, got {changes}\n{context}");
        for (var i = 0; i < expected.Count; i++)
            foreach (var (field, value) in expected[i]!.AsObject())
                Assert.True(JsonNode.DeepEquals(value, result.TitleChanges[i]![field]), $"titleChanges[{i}].{field}: expected {value?.ToJsonString()}, got {changes}\n{context}");
    }

    private static void CheckStepReasons(JsonObject expect, SimulationResult result, string context)
    {
        if (expect["stepReasons"] is not JsonArray expected) return;
        var recorded = result.Path.SelectMany(step => step.Reasons ?? []).ToList();
        foreach (var part in expected.Select(p => p!.GetValue<string>()))
            Assert.True(recorded.Any(r => r.Contains(part)), $"no step recorded a reason containing “{part}”; recorded: {string.Join(" | ", recorded)}\n{context}");
    }

    /// <summary>"county-review/correctionItems: 一次性" is an error at that path whose message contains the part.</summary>
    private static void CheckErrors(JsonArray expected, SimulationResult result, string context)
    {
        foreach (var entry in expected.Select(e => e!.GetValue<string>()))
        {
            var colon = entry.IndexOf(": ", StringComparison.Ordinal);
            var (at, part) = colon < 0 ? ("", entry) : (entry[..colon], entry[(colon + 2)..]);
            Assert.True(result.Errors.Any(e => (at == "" || e.Path == at) && e.Message.Contains(part)), $"no error “{entry}”\n{context}");
        }
    }

    private static void CheckSampled(JsonObject expect, SimulationResult result, string context)
    {
        if (expect["sampled"] is not JsonArray expected) return;
        var sampled = result.Sampled.Select(f => $"{f.Stage}.{f.Field}").ToList();
        foreach (var field in expected.Select(f => f!.GetValue<string>()))
            Assert.True(sampled.Contains(field), $"“{field}” should be listed as made up; sampled: {string.Join(", ", sampled)}\n{context}");
    }

    private static void CheckPath(JsonArray expected, List<string> actual, string context)
    {
        Assert.True(expected.Count == actual.Count, $"path has {actual.Count} steps, expected {expected.Count}\n{context}");
        for (var i = 0; i < expected.Count; i++)
        {
            var pattern = expected[i]!.GetValue<string>();
            var match = StepPattern().Match(pattern);
            Assert.True(match.Success, $"path[{i}] “{pattern}” is not “stage @ org [-> action] [on date]”");
            var step = StepPattern().Match(actual[i]);
            foreach (var part in new[] { "stage", "org", "action", "date" })
                if (match.Groups[part].Success)
                    Assert.True(match.Groups[part].Value == step.Groups[part].Value,
                        $"path[{i}].{part}: expected “{match.Groups[part].Value}”, got “{step.Groups[part].Value}”\n{context}");
        }
    }

    [GeneratedRegex(@"^(?<stage>\S+) @ (?<org>\S+)(?: -> (?<action>\S+))?(?: on (?<date>\d{4}-\d{2}-\d{2}))?$")]
    private static partial Regex StepPattern();

    /// <summary>An expected "2023 *: 多头申报" matches the actual "2023 *: 同一年度多头申报…" when it is a part of it.</summary>
    private sealed class PartOf : IEqualityComparer<string>
    {
        public bool Equals(string? expected, string? actual)
        {
            var colon = expected?.IndexOf(": ", StringComparison.Ordinal) ?? -1;
            return expected is not null && actual is not null && colon > 0 &&
                   actual.StartsWith(expected[..(colon + 2)], StringComparison.Ordinal) && actual.Contains(expected[(colon + 2)..], StringComparison.Ordinal);
        }

        public int GetHashCode(string value) => 0;
    }
}
