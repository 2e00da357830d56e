using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Designer.Engine.Activities.Titles;
using Designer.Engine.Calendar;
using Designer.Engine.Domain;
using Designer.Engine.Expressions;
using Designer.Engine.Forms;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Simulation;

/// <summary>
/// Runs a simulation case to its end on a simulated clock: answers each waiting step from the case (or the default
/// action with minimal-valid form data), lets publicity periods and deadlines pass on the working-day calendar.
/// Never throws on what a case says: a refused answer or a failing step ends the run with an error in the result.
/// </summary>
public sealed class Simulator(IWorkingDayCalendar calendar, IScriptSandbox scripts, IFormCatalog? forms, ActivityRegistry? registry = null)
{
    private const int MaxRounds = 1_000;

    /// <summary>Per form, its top-level fields written as dates or date-times (the format each has), read once per simulator: its catalog does not change.</summary>
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _dateFields = new(StringComparer.Ordinal);

    /// <summary>The project's windows and holiday overlays (workflows/calendar/); a case's own `calendar` replaces parts of it.</summary>
    public CalendarInForce? CalendarInForce { get; init; }

    /// <summary>The committees vote and entrustment steps name (workflows/world/committees.json, or the server's); without them a step keeps its assignee organisation.</summary>
    public Committees.ICommitteeCatalog? Committees { get; init; }

    public SimulationResult Run(SimulationCase @case, WorkflowDefinition definition)
    {
        var clock = ManualClock.StartingOn(@case.Start);
        var activities = registry ?? ActivityRegistry.Default;
        var inForce = (CalendarInForce ?? CalendarInForce.NationalOnly(calendar)).With(@case.Windows, @case.Holidays);
        var refusals = SubmissionCheck.Refusals(definition, @case.Applicant, @case.Start, inForce);
        if (refusals.Count > 0)
            return SimulationResult.Refused(definition.DefinitionId, refusals.Select(r => new SimulationError(r.Path, r.Message)).ToList());
        var engine = new WorkflowEngine(new EngineServices
        {
            Clock = clock, Calendar = calendar, CalendarInForce = inForce, Scripts = scripts, Forms = forms, Registry = activities,
            Quotas = new CaseQuotaLedger(@case.Quotas),
            Committees = @case.Committees.Count > 0 ? Engine.Committees.CommitteeCatalog.With(Committees, @case.Committees) : Committees,
        });
        var errors = new List<SimulationError>();
        var answers = new AnswerBook(@case, forms, id => ExecutableWorkflow.For(definition, activities).Activity(id), DateFieldsOf);
        WorkflowInstanceState state;
        try { state = engine.Start(definition, new StartRequest("simulation", @case.Applicant, @case.History, Record: @case.Record)); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return SimulationResult.Failed(definition.DefinitionId, new SimulationError("$", $"无法开始模拟 (the simulation could not start): {e.Message}"));
        }
        var objectedPublicities = new HashSet<string>();

        for (var round = 0; round < MaxRounds && state.Status == WorkflowStatus.Waiting; round++)
        {
            Bookmark? acting = null;
            try
            {
                var step = state.Bookmarks.Where(b => b.Kind == BookmarkKinds.Task).OrderBy(b => b.CreatedAt).ThenBy(b => b.Id, StringComparer.Ordinal)
                    .FirstOrDefault(b => !answers.LetsDeadlinePass(b));
                if (step is not null)
                {
                    acting = step;
                    var answer = answers.Next(step, ChinaTime.DateOf(clock.Now), state);
                    state = engine.Resume(definition, state, step.Id, new ResumeInput(answer.Action, answer.Data, "simulation"));
                    continue;
                }
                var publicity = state.Bookmarks.FirstOrDefault(b => b.Kind == BookmarkKinds.Publicity && !objectedPublicities.Contains(b.Id));
                if (publicity is not null)
                {
                    acting = publicity;
                    objectedPublicities.Add(publicity.Id);
                    var answer = answers.Next(publicity, ChinaTime.DateOf(clock.Now), state);
                    if (answer.Action == "object")
                        state = engine.Resume(definition, state, publicity.Id, new ResumeInput("object", answer.Data, "simulation"));
                    continue;
                }
                if (WorkflowEngine.NextDueTimer(state) is not { DueAt: { } due }) break;
                clock.AdvanceTo(due);
                state = engine.FireDueTimers(definition, state);
            }
            catch (ResumeRejectedException e)
            {
                var at = acting?.ActivityId ?? "$";
                errors.Add(new SimulationError(at, e.Message));
                errors.AddRange(e.Errors.Select(f => new SimulationError($"{at}{f.Path.TrimStart('$')}", f.Message)));
                break;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                errors.Add(new SimulationError(acting?.ActivityId ?? "$", $"模拟在此步骤出错 (the simulation failed here): {e.Message}"));
                break;
            }
        }
        if (state.Status == WorkflowStatus.Waiting && errors.Count == 0)
            errors.Add(new SimulationError("$", $"模拟在 {MaxRounds} 轮后仍未结束，或等待的步骤无法自动办理 (the simulation did not finish)"));
        return SimulationResult.From(state, errors, definition.DefinitionId) with { Sampled = answers.Sampled };
    }

    private IReadOnlyDictionary<string, string> DateFieldsOf(string formId) => _dateFields.GetOrAdd(formId, id =>
        (forms?.GetSchema(id)?["properties"] as JsonObject ?? [])
            .Select(p => (p.Key, Format: p.Value?["format"].AsString()))
            .Where(p => p.Format is "date" or "date-time")
            .ToDictionary(p => p.Key, p => p.Format!, StringComparer.Ordinal));

    /// <summary>What the case answers at each stage, in the order the stage is reached.</summary>
    private sealed class AnswerBook(SimulationCase @case, IFormCatalog? forms, Func<string, Activity> activityOf,
        Func<string, IReadOnlyDictionary<string, string>> dateFieldsOf)
    {
        private readonly Dictionary<string, int> _timesReached = new();
        private readonly HashSet<string> _lettingPass = [];

        /// <summary>Every field the simulator made up because the case did not give it.</summary>
        public List<SampledField> Sampled { get; } = [];

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

        public (string Action, JsonNode Data) Next(Bookmark step, DateOnly today, WorkflowInstanceState state)
        {
            var stage = step.Stage ?? "";
            var given = Peek(stage);
            _timesReached[stage] = _timesReached.GetValueOrDefault(stage) + 1;
            var action = given?["action"].AsString() ?? DefaultAction(step);
            var known = new JsonObject();
            if (stage == "apply") foreach (var (field, value) in @case.Applicant) known[field] = value?.DeepClone();
            if (given?["data"] is JsonObject givenData) foreach (var (field, value) in givenData) known[field] = value?.DeepClone();
            var data = MinimalData(step, stage, today, known);
            var supplied = new HashSet<string>();
            if (stage == "apply") Overlay(data, @case.Applicant, supplied);
            if (action == "vote" && given?["data"] is null && @case.DefaultAction == "approve") VoteInFavour(step, data, supplied);
            if (given?["data"] is JsonObject answerData) Overlay(data, answerData, supplied);
            if (action == "vote" && given?["session"] is JsonArray others && activityOf(step.ActivityId) is CommitteeVote vote)
                DecideInSession(vote, data, others, state, supplied);
            if (activityOf(step.ActivityId) is PersonStep person) AgreeWithFormGates(person, step.Form, action, data, supplied);
            var used = step.Kind != BookmarkKinds.Publicity || action == "object";
            foreach (var (field, value) in data.Where(f => used && !supplied.Contains(f.Key)))
                Sampled.Add(new SampledField(stage, step.ActivityId, field, value?.DeepClone()));
            return (action, data);
        }

        /// <summary>
        /// The form's minimal-valid data, with made-up dates taken from the simulated calendar instead of a fixed sample
        /// date: at apply, a fact that already held the day before the case starts; at a later step, the day it is done.
        /// </summary>
        private JsonObject MinimalData(Bookmark step, string stage, DateOnly today, JsonObject known)
        {
            if (string.IsNullOrEmpty(step.Form) || forms is null || !forms.Exists(step.Form)) return new JsonObject();
            var data = forms.MinimalValid(step.Form, known);
            var date = stage == "apply" ? @case.Start.AddDays(-1) : today;
            var dateFields = dateFieldsOf(step.Form);
            foreach (var (field, _) in data.ToList().Where(f => !known.ContainsKey(f.Key)))
            {
                var format = dateFields.GetValueOrDefault(field);
                if (format == "date") data[field] = date.ToString("yyyy-MM-dd");
                else if (format == "date-time") data[field] = ChinaTime.StartOf(date).ToString("yyyy-MM-dd'T'HH:mm:sszzz");
            }
            return data;
        }

        /// <summary>
        /// Made-up data agrees with the step's form gates for the action taken: a reject at political review is made up
        /// with 不予推荐, a return with a correction list (the form's example). What the case gave is left as given
        /// (the engine may refuse it, and the result says why).
        /// </summary>
        private void AgreeWithFormGates(PersonStep person, string? formId, string action, JsonObject data, HashSet<string> supplied)
        {
            var gates = person.FormGates.LiteralOrDefault();
            foreach (var gate in gates.Where(g => g.Forbids(data, action)).ToList())
            {
                if (gate.Segments.Count != 1 || supplied.Contains(gate.Segments[0])) continue;
                var name = gate.Segments[0];
                var sameField = gates.Where(g => g.Segments.SequenceEqual(gate.Segments)).ToList();
                foreach (var candidate in Candidates(gate.SchemaIn(forms, formId)))
                {
                    var trial = data.DeepClone().AsObject();
                    if (candidate is null) trial.Remove(name); else trial[name] = candidate.DeepClone();
                    if (sameField.Any(g => g.Forbids(trial, action))) continue;
                    if (candidate is null) data.Remove(name); else data[name] = candidate.DeepClone();
                    break;
                }
            }
        }

        /// <summary>Values a gated field can be made up with: its options, its examples, true/false, or left out.</summary>
        private static IEnumerable<JsonNode?> Candidates(JsonObject? field)
        {
            if (field?["enum"] is JsonArray options) foreach (var option in options) yield return option;
            if (field?["examples"] is JsonArray examples) foreach (var example in examples) yield return example;
            if (field?["type"].AsString() == "boolean") { yield return JsonValue.Create(true); yield return JsonValue.Create(false); }
            yield return null;
        }

        /// <summary>A vote left to the default "approve": the quorum is present and votes for.</summary>
        private static void VoteInFavour(Bookmark step, JsonObject data, HashSet<string> supplied)
        {
            var quorum = step.Payload["quorum"].AsNumber() is > 0 and var n ? (int)n : 1;
            data["for"] = quorum;
            data["against"] = 0;
            data["abstain"] = 0;
            data["membersPresent"] = quorum;
            supplied.UnionWith(["for", "against", "abstain", "membersPresent"]);
        }

        /// <summary>
        /// The case's `session`: the other candidates before the same committee ({score?, for, against, abstain, series?}).
        /// The applicant is ranked with them as the committee session does, and the session's decision resumes the vote.
        /// </summary>
        private void DecideInSession(CommitteeVote vote, JsonObject data, JsonArray others, WorkflowInstanceState state, HashSet<string> supplied)
        {
            var policy = vote.Policy;
            var rule = vote.LiteralRule;
            var series = @case.Applicant["series"].AsString() ?? "";
            SessionCandidate Candidate(string id, JsonNode? ballot, double? score)
            {
                var tally = VoteTally.From(ballot);
                var members = (int?)ballot?["members"].AsNumber() ?? (int?)data["members"].AsNumber();
                return new SessionCandidate(id, score, tally.For, tally.Present, rule.Passes(tally.For, tally.Present, members))
                {
                    Series = ballot?["series"].AsString() ?? series,
                };
            }
            var applicantScore = state.Variables.GetValueOrDefault(policy.RankBy).AsNumber();
            var candidates = new List<SessionCandidate> { Candidate("simulation", data, applicantScore) };
            for (var i = 0; i < others.Count; i++)
                candidates.Add(Candidate($"other-{i + 1:00}", others[i], others[i]?["score"].AsNumber()));
            var decision = CommitteeSession.Decide(candidates, policy).Single(r => r.ApplicationId == "simulation");
            data["sessionDecision"] = decision.Decision;
            data["sessionReason"] = decision.Reason;
            supplied.UnionWith(["sessionDecision", "sessionReason"]);
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

        private static void Overlay(JsonObject target, JsonObject source, HashSet<string> supplied)
        {
            foreach (var (key, value) in source)
            {
                target[key] = value?.DeepClone();
                supplied.Add(key);
            }
        }
    }
}
