using Designer.Engine.Activities.Titles;
using Designer.Engine.Committees;
using Designer.Engine.Domain;
using Designer.Engine.Expressions;
using Designer.Engine.Forms;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Validation;

/// <summary>
/// Checks a definition before it may be published and reports every problem at once, each naming the activity
/// and the JSON path: types, inputs, connections and ports, reachability, scripts, forms, the vocabulary and the committees that votes name.
/// </summary>
public sealed class WorkflowValidator(ActivityRegistry registry, IFormCatalog? forms, IScriptSandbox scripts, VocabularySet vocabulary,
    ICommitteeCatalog? committees = null)
{
    /// <summary>Parses and validates; a document that cannot be read gives its parse problems only.</summary>
    public IReadOnlyList<ValidationProblem> Validate(string json, string? source = null)
    {
        try { return Validate(WorkflowDefinitionReader.Parse(json, source)); }
        catch (DefinitionFormatException e)
        {
            return e.Problems.Select(p => new ValidationProblem(null, "$", ProblemCodes.InvalidJson, p)).ToList();
        }
    }

    public IReadOnlyList<ValidationProblem> Validate(WorkflowDefinition definition)
    {
        var problems = new List<ValidationProblem>();
        var paths = ActivityPaths.Of(definition);
        CheckDefinition(definition, problems);
        CheckDuplicateIds(definition, paths, problems);
        var workflow = ExecutableWorkflow.For(definition, registry);
        foreach (var node in definition.Root.Descendants())
        {
            var path = paths.GetValueOrDefault(node) ?? "$";
            if (!registry.IsKnown(node.Type))
            {
                problems.Add(new(node.Id, path + ".type", ProblemCodes.UnknownType, $"未知的活动类型 “{node.Type}” (unknown activity type)"));
                continue;
            }
            var activity = workflow.Activity(node.Id);
            new ActivityChecks(activity, path, forms, scripts, vocabulary, problems).Run();
            if (activity is CommitteeVote vote && committees is not null) CommitteeChecks.Run(vote, definition, path, committees, vocabulary, problems);
            if (activity is Entrustment entrustment) CommitteeChecks.Run(entrustment, definition, path, committees, vocabulary, problems);
            CheckAssumptions(node, path, problems);
        }
        DeadlineChecks.Run(definition, workflow, paths, problems);
        foreach (var flowchart in definition.Root.Descendants().OfType<FlowchartNode>().Prepend(definition.Root))
            new GraphChecks(flowchart, workflow, paths, problems).Run();
        return problems;
    }

    private void CheckDefinition(WorkflowDefinition definition, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(definition.DefinitionId))
            problems.Add(new(null, "$.definitionId", ProblemCodes.InvalidDefinition, "缺少 definitionId (missing definitionId)"));
        if (string.IsNullOrWhiteSpace(definition.Json["name"].AsString()))
            problems.Add(new(null, "$.name", ProblemCodes.InvalidDefinition, "缺少流程名称 (missing name)"));
        if (!vocabulary.IsWorkflowLocality(definition.Locality))
            problems.Add(new(null, "$.customProperties.locality", ProblemCodes.UnknownLocality,
                $"地区 “{definition.Locality}” 不在词表中 (unknown locality; expected one of {string.Join(", ", vocabulary.Localities.Keys.Prepend(VocabularySet.Templates))})"));
        var scope = definition.Scope;
        CheckCodes(scope.Kinds, vocabulary.ApplicationKinds, "kinds");
        CheckCodes(scope.Series, vocabulary.Series, "series");
        CheckCodes(scope.Levels, vocabulary.Levels, "levels");
        CheckCodes(scope.EmploymentTypes, vocabulary.EmploymentTypes, "employmentTypes");

        void CheckCodes(IReadOnlyList<string> values, IReadOnlyDictionary<string, VocabularyEntry> allowed, string field)
        {
            foreach (var value in values.Where(v => !allowed.ContainsKey(v)))
                problems.Add(new(null, $"$.customProperties.scope.{field}", ProblemCodes.InvalidScope,
                    $"适用范围 {field} 中的 “{value}” 无效 (unknown code; expected one of {string.Join(", ", allowed.Keys)})"));
        }
    }

    /// <summary>A declared local assumption names one of the activity's inputs and says what to confirm.</summary>
    private void CheckAssumptions(ActivityNode node, string path, List<ValidationProblem> problems)
    {
        if (node.CustomProperties?[LocalAssumptions.Property] is not { } declared) return;
        if (declared is not System.Text.Json.Nodes.JsonArray list)
        {
            problems.Add(new(node.Id, $"{path}.customProperties.{LocalAssumptions.Property}", ProblemCodes.InvalidAssumption,
                "本地假设必须是数组 [{input, value, note}] (assumptions must be an array)"));
            return;
        }
        var inputs = registry.Describe(node.Type)?.Inputs.Select(i => i.Name).ToHashSet() ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"{path}.customProperties.{LocalAssumptions.Property}[{i}]";
            var input = list[i]?["input"].AsString();
            if (input is null || !inputs.Contains(input))
                problems.Add(new(node.Id, at + ".input", ProblemCodes.InvalidAssumption,
                    $"本地假设所指的输入 “{input}” 不是该活动的输入 (the assumption names no input of this activity; expected one of {string.Join(", ", inputs)})"));
            if (string.IsNullOrWhiteSpace(list[i]?["note"].AsString()))
                problems.Add(new(node.Id, at + ".note", ProblemCodes.InvalidAssumption, "本地假设须说明依据和待确认的内容 (the assumption needs a note)"));
        }
    }

    private static void CheckDuplicateIds(WorkflowDefinition definition, IReadOnlyDictionary<ActivityNode, string> paths, List<ValidationProblem> problems)
    {
        foreach (var group in definition.Root.Descendants().GroupBy(a => a.Id).Where(g => g.Count() > 1 || string.IsNullOrEmpty(g.Key)))
            foreach (var node in group.Skip(string.IsNullOrEmpty(group.Key) ? 0 : 1))
                problems.Add(new(node.Id, paths.GetValueOrDefault(node, "$") + ".id", ProblemCodes.DuplicateId,
                    string.IsNullOrEmpty(node.Id) ? "活动缺少 id (activity without id)" : $"活动 id “{node.Id}” 重复 (duplicate activity id)"));
    }
}
