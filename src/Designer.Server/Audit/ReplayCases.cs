using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Applications;

namespace Designer.Server.Audit;

/// <summary>A simulation case made from a saved application: its data, the date it was submitted, and the answers given so far.</summary>
public static class ReplayCases
{
    public static async Task<JsonObject> FromApplicationAsync(DesignerDbContext db, ApplicationRecord application)
    {
        var state = application.StateJson is null ? null : WorkflowInstanceState.FromJson(application.StateJson);
        var journal = state is null ? [] : await StoredJournal.ReadAsync(db, application.Id, state);
        var submitted = journal.FirstOrDefault()?.Date
            ?? ChinaTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(application.CreatedAt, DateTimeKind.Utc))).ToString("yyyy-MM-dd");
        var applicant = JsonNode.Parse(application.DataJson) as JsonObject ?? [];
        foreach (var (part, value) in state?.Record ?? [])
            applicant[part] = value?.DeepClone();
        return new JsonObject
        {
            ["startDate"] = submitted,
            ["applicant"] = applicant,
            ["history"] = state?.History.DeepClone() ?? new JsonArray(),
            ["answers"] = AnswersSoFar(journal),
            ["defaultAction"] = "approve",
        };
    }

    /// <summary>Each stage's answers in the order given (steps the application has not reached take the default action).</summary>
    private static JsonObject AnswersSoFar(IReadOnlyList<JournalEntry> journal)
    {
        var answers = new JsonObject();
        foreach (var entry in journal)
        {
            if (string.IsNullOrEmpty(entry.Stage) || entry.Stage == "apply") continue;
            if (answers[entry.Stage] is not JsonArray list) answers[entry.Stage] = list = [];
            var answer = new JsonObject { ["action"] = entry.Action };
            if (entry.Data is JsonObject data) answer["data"] = data.DeepClone();
            list.Add(answer);
        }
        return answers;
    }
}
