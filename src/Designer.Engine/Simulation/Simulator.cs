using System.Text.Json.Nodes;
using Designer.Engine.Calendar;
using Designer.Engine.Expressions;
using Designer.Engine.Forms;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Simulation;

/// <summary>
/// Runs a simulation case to its end on a simulated clock: answers each waiting step from the case (or the default
/// action with minimal-valid form data), lets publicity periods and deadlines pass on the working-day calendar.
/// </summary>
public sealed class Simulator(IWorkingDayCalendar calendar, IScriptSandbox scripts, IFormCatalog? forms, ActivityRegistry? registry = null)
{
    private const int MaxRounds = 1_000;

    public SimulationResult Run(SimulationCase @case, WorkflowDefinition definition)
    {
        var clock = ManualClock.StartingOn(@case.Start);
        var engine = new WorkflowEngine(new EngineServices
        {
            Clock = clock, Calendar = calendar, Scripts = scripts, Forms = forms, Registry = registry ?? ActivityRegistry.Default,
            Quotas = new CaseQuotaLedger(@case.Quotas),
        });
        var errors = new List<SimulationError>();
        var answers = new AnswerBook(@case, forms);
        var state = engine.Start(definition, new StartRequest("simulation", @case.Applicant, @case.History));
        var objectedPublicities = new HashSet<string>();

        for (var round = 0; round < MaxRounds && state.Status == WorkflowStatus.Waiting; round++)
        {
            var step = state.Bookmarks.Where(b => b.Kind == BookmarkKinds.Task).OrderBy(b => b.CreatedAt).ThenBy(b => b.Id, StringComparer.Ordinal)
                .FirstOrDefault(b => !answers.LetsDeadlinePass(b));
            if (step is not null)
            {
                var answer = answers.Next(step);
                try { state = engine.Resume(definition, state, step.Id, new ResumeInput(answer.Action, answer.Data, "simulation")); }
                catch (ResumeRejectedException e)
                {
                    errors.Add(new SimulationError(step.ActivityId, e.Message));
                    errors.AddRange(e.Errors.Select(f => new SimulationError($"{step.ActivityId}{f.Path.TrimStart('$')}", f.Message)));
                    break;
                }
                continue;
            }
            var publicity = state.Bookmarks.FirstOrDefault(b => b.Kind == BookmarkKinds.Publicity && !objectedPublicities.Contains(b.Id));
            if (publicity is not null)
            {
                objectedPublicities.Add(publicity.Id);
                var answer = answers.Next(publicity);
                if (answer.Action == "object")
                    state = engine.Resume(definition, state, publicity.Id, new ResumeInput("object", answer.Data, "simulation"));
                continue;
            }
            if (WorkflowEngine.NextDueTimer(state) is not { DueAt: { } due }) break;
            clock.AdvanceTo(due);
            state = engine.FireDueTimers(definition, state);
        }
        if (state.Status == WorkflowStatus.Waiting && errors.Count == 0)
            errors.Add(new SimulationError("$", $"模拟在 {MaxRounds} 轮后仍未结束，或等待的步骤无法自动办理 (the simulation did not finish)"));
        return SimulationResult.From(state, errors, definition.DefinitionId);
    }

    /// <summary>What the case answers at each stage, in the order the stage is reached.</summary>
    private sealed class AnswerBook(SimulationCase @case, IFormCatalog? forms)
    {
        private readonly Dictionary<string, int> _timesReached = new();
        private readonly HashSet<string> _lettingPass = [];

        /// <summary>True for a step whose answer is "overdue": its deadline passes instead (the answer is used up once).</summary>
        public bool LetsDeadlinePass(Bookmark step)
        {
            if (_lettingPass.Contains(step.Id)) return true;
            var stage = step.Stage ?? "";
            if (step.DueAt is null || Peek(stage)?["action"].AsString() != "overdue") return false;
            _lettingPass.Add(step.Id);
            _timesReached[stage] = _timesReached.GetValueOrDefault(stage) + 1;
            return true;
        }

        public (string Action, JsonNode Data) Next(Bookmark step)
        {
            var stage = step.Stage ?? "";
            var given = Peek(stage);
            _timesReached[stage] = _timesReached.GetValueOrDefault(stage) + 1;
            var action = given?["action"].AsString() ?? DefaultAction(step);
            var data = string.IsNullOrEmpty(step.Form) || forms is null || !forms.Exists(step.Form) ? new JsonObject() : forms.MinimalValid(step.Form);
            if (stage == "apply") Overlay(data, @case.Applicant);
            if (action == "vote" && given?["data"] is null && @case.DefaultAction == "approve") VoteInFavour(step, data);
            if (given?["data"] is JsonObject answerData) Overlay(data, answerData);
            return (action, data);
        }

        /// <summary>A vote left to the default "approve": the quorum is present and votes for.</summary>
        private static void VoteInFavour(Bookmark step, JsonObject data)
        {
            var quorum = step.Payload["quorum"].AsNumber() is > 0 and var n ? (int)n : 1;
            data["for"] = quorum;
            data["against"] = 0;
            data["abstain"] = 0;
            data["membersPresent"] = quorum;
        }

        private JsonObject? Peek(string stage) => @case.Answers[stage] switch
        {
            JsonArray list when list.Count > 0 => list[Math.Min(_timesReached.GetValueOrDefault(stage), list.Count - 1)] as JsonObject,
            JsonObject single => single,
            _ => null,
        };

        private string DefaultAction(Bookmark step)
        {
            var offered = step.Actions;
            if (step.Kind == BookmarkKinds.Publicity) return "no-objection";
            foreach (var candidate in new[] { @case.DefaultAction, "approve", "pass", "no-objection", "vote" })
                if (offered.Contains(candidate)) return candidate;
            return offered.FirstOrDefault() ?? @case.DefaultAction;
        }

        private static void Overlay(JsonObject target, JsonObject source)
        {
            foreach (var (key, value) in source) target[key] = value?.DeepClone();
        }
    }
}
