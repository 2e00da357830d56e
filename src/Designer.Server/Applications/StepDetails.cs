using System.Text.Json.Nodes;

namespace Designer.Server.Applications;

/// <summary>What a journal entry's form data shows on the timeline, by who is looking.</summary>
public static class StepDetails
{
    /// <summary>The fields of the shared review-opinion and correction forms the applicant is told about.</summary>
    private static readonly string[] ForApplicant = ["opinion", "correctionItems", "correctionDeadline", "response", "evidence"];

    /// <summary>The applicant sees opinions and the correction exchange (attachments by name); reviewers see all the step recorded.</summary>
    public static JsonObject? Of(JsonNode? data, bool forReviewer)
    {
        if (data is JsonArray objections) return forReviewer ? Objections(objections) : null;
        if (data is not JsonObject fields || fields.Count == 0) return null;
        var shown = new JsonObject();
        foreach (var (key, value) in fields)
        {
            if (value is null || (!forReviewer && !ForApplicant.Contains(key))) continue;
            shown[key] = key == "evidence" && !forReviewer ? FileNames(value) : value.DeepClone();
        }
        return shown.Count == 0 ? null : shown;
    }

    /// <summary>
    /// A publicity that ended with objections records them as a list: the office that checks them reads who objected,
    /// how to reach them, when and why (the applicant is not shown who objected).
    /// </summary>
    private static JsonObject? Objections(JsonArray objections)
    {
        var shown = new JsonArray();
        foreach (var objection in objections.OfType<JsonObject>())
        {
            var form = objection["data"] as JsonObject;
            shown.Add(new JsonObject
            {
                ["date"] = objection["date"]?.DeepClone(),
                ["objectorName"] = form?["objectorName"]?.DeepClone(),
                ["contact"] = form?["contact"]?.DeepClone(),
                ["reason"] = form?["reason"]?.DeepClone(),
                ["evidence"] = form?["evidence"] is { } evidence ? FileNames(evidence) : null,
            });
        }
        return shown.Count == 0 ? null : new JsonObject { ["objections"] = shown };
    }

    /// <summary>Attachments without their content (the applicant uploaded them; the page needs only their names).</summary>
    private static JsonNode FileNames(JsonNode value) => value is JsonArray files
        ? new JsonArray(files.Select(f => (JsonNode?)new JsonObject { ["fileName"] = f?["fileName"]?.DeepClone(), ["url"] = f?["url"]?.DeepClone() }).ToArray())
        : value.DeepClone();
}
