using System.Text.Json.Nodes;
using Designer.Engine.Model;

namespace Designer.Engine.Simulation;

/// <summary>
/// Chooses a locality's procedure for an applicant, as the applicant portal does: among the locality's workflows
/// whose scope covers the applicant, the most specific one.
/// </summary>
public static class WorkflowSelector
{
    public static WorkflowDefinition Choose(IEnumerable<WorkflowDefinition> definitions, string locality, JsonObject applicant)
    {
        var covering = definitions.Where(d => d.Locality == locality && d.Scope.Covers(applicant)).ToList();
        if (covering.Count == 0)
            throw new SimulationCaseException("$.workflow",
                $"地区 “{locality}” 没有适用于该申报人（{applicant["kind"].AsString()} {applicant["series"].AsString()} {applicant["level"].AsString()}）的流程 (no procedure of this locality covers the applicant)");
        var best = covering.Max(d => d.Scope.Specificity);
        var winners = covering.Where(d => d.Scope.Specificity == best).ToList();
        if (winners.Count > 1)
            throw new SimulationCaseException("$.workflow",
                $"地区 “{locality}” 有多个流程同样适用：{string.Join("、", winners.Select(w => w.DefinitionId))} (ambiguous scope)");
        return winners[0];
    }
}
