using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Engine.Domain;
using Designer.Engine.Calendar;
using Designer.Engine.Model;

namespace Designer.Engine.Simulation;

/// <summary>
/// contract.md's simulation case. `Workflow` is a file path, a locality code, or {definitionId, version};
/// `Answers` maps a stage to {action, data} (or a list of them, one per time the stage is reached).
/// The action "overdue" lets a step's deadline pass instead of acting.
/// </summary>
public sealed class SimulationCase
{
    public JsonNode? Workflow { get; set; }
    public string StartDate { get; set; } = "";
    public JsonObject Applicant { get; set; } = [];
    /// <summary>
    /// The applicant's record, given inside `applicant` as `titles`, `educationHours` and `integrity` (administration.md's
    /// shapes); taken out of the application data and handed to the engine as the record.
    /// </summary>
    public JsonObject Record { get; set; } = [];
    public JsonArray History { get; set; } = [];
    public JsonObject Answers { get; set; } = [];
    public string DefaultAction { get; set; } = "approve";
    /// <summary>Posts left per unit, kind and level ({unit, postKind, level, posts}); units not listed are unlimited.</summary>
    public JsonArray Quotas { get; set; } = [];
    /// <summary>
    /// Committees as the case has them (`committees`: committees.json's shape), replacing the project's by id: a
    /// suspended committee, one whose standards are not yet published.
    /// </summary>
    public IReadOnlyList<Engine.Committees.CommitteeInfo> Committees { get; set; } = [];
    /// <summary>
    /// The calendar in force for this case (`calendar`: {windows?, holidays?}); a part the case leaves out is the project's.
    /// Null when the case does not carry it.
    /// </summary>
    public IReadOnlyList<ApplicationWindow>? Windows { get; set; }
    public IReadOnlyList<HolidayOverlay>? Holidays { get; set; }

    public string? WorkflowText => Workflow.AsString();

    public static SimulationCase Parse(string json)
    {
        JsonObject document;
        try { document = JsonNode.Parse(json) as JsonObject ?? throw new SimulationCaseException("$", "案例必须是 JSON 对象 (the case must be a JSON object)"); }
        catch (JsonException e) { throw new SimulationCaseException("$", $"JSON 格式错误 (invalid JSON) at line {e.LineNumber + 1}: {e.Message.Split(" Path:")[0]}"); }
        return From(document);
    }

    public static SimulationCase From(JsonObject document)
    {
        var @case = new SimulationCase
        {
            Workflow = document["workflow"]?.DeepClone(),
            StartDate = document["startDate"].AsString() ?? "",
            Applicant = Expect<JsonObject>(document, "applicant") ?? [],
            History = Expect<JsonArray>(document, "history") ?? [],
            Answers = Expect<JsonObject>(document, "answers") ?? [],
            DefaultAction = document["defaultAction"].AsString() ?? "approve",
            Quotas = Expect<JsonArray>(document, "quotas") ?? [],
            Committees = (Expect<JsonArray>(document, "committees") ?? []).OfType<JsonObject>().Select(Engine.Committees.CommitteeFile.Read).ToList(),
        };
        @case.Record = TakeRecord(@case.Applicant);
        if (Expect<JsonObject>(document, "calendar") is { } calendar)
        {
            try
            {
                if (calendar.ContainsKey("windows")) @case.Windows = CalendarInForce.ReadWindows(calendar["windows"], "$.calendar.windows");
                if (calendar.ContainsKey("holidays")) @case.Holidays = CalendarInForce.ReadHolidays(calendar["holidays"], "$.calendar.holidays");
            }
            catch (CalendarFieldException e) { throw new SimulationCaseException(e.Path, e.Detail); }
        }
        if (@case.Workflow is null) throw new SimulationCaseException("$.workflow", "缺少 workflow（文件路径、地区代码或 {definitionId, version}）(missing workflow)");
        if (!DateOnly.TryParseExact(@case.StartDate, "yyyy-MM-dd", out _))
            throw new SimulationCaseException("$.startDate", $"startDate 必须是 yyyy-MM-dd 格式的日期 (got '{@case.StartDate}')");
        return @case;
    }

    public DateOnly Start => IsoDate.TryParse(StartDate, out var start) ? start : DateOnly.ParseExact(StartDate, "yyyy-MM-dd");

    private static JsonObject TakeRecord(JsonObject applicant)
    {
        var record = new JsonObject();
        foreach (var part in ApplicantRecord.Parts)
        {
            if (applicant[part] is not { } node) continue;
            if (node is not JsonArray list)
                throw new SimulationCaseException($"$.applicant.{part}", $"applicant.{part} 必须是数组 (applicant.{part} must be a JSON array)");
            for (var i = 0; i < list.Count; i++)
                if (RecordEntryProblem(part, list[i]) is { } problem)
                    throw new SimulationCaseException($"$.applicant.{part}[{i}].{problem.Field}", problem.Message);
            applicant.Remove(part);
            record[part] = list;
        }
        if (applicant[ApplicantRecord.UnitRecord] is { } unit)
        {
            if (unit is not JsonObject)
                throw new SimulationCaseException($"$.applicant.{ApplicantRecord.UnitRecord}",
                    $"applicant.{ApplicantRecord.UnitRecord} 必须是对象 (the unit's registered record must be a JSON object)");
            applicant.Remove(ApplicantRecord.UnitRecord);
            record[ApplicantRecord.UnitRecord] = unit;
        }
        return record;
    }

    private static (string Field, string Message)? RecordEntryProblem(string part, JsonNode? entry)
    {
        if (entry is not JsonObject item) return ("", "每一项必须是对象 (each entry must be a JSON object)");
        string[] dates = part switch { ApplicantRecord.Titles => ["obtainedOn"], ApplicantRecord.Integrity => ["from"], _ => [] };
        foreach (var field in dates)
            if (!DateOnly.TryParseExact(item[field].AsString() ?? "", "yyyy-MM-dd", out _))
                return (field, $"{field} 必须是 yyyy-MM-dd 格式的日期 ({field} must be a date)");
        if (part == ApplicantRecord.EducationHours && (item["year"].AsNumber() is null || item["hours"].AsNumber() is null && item["exempt"] is null))
            return ("year", "继续教育学时须有 year 与 hours（或 exempt）(an entry needs year and hours)");
        if (part == ApplicantRecord.Integrity && item["until"] is null && DateOnly.TryParseExact(item["from"].AsString(), "yyyy-MM-dd", out var from))
            item["until"] = ApplicantRecord.DefaultUntil(from).ToString("yyyy-MM-dd");
        return null;
    }

    private static T? Expect<T>(JsonObject document, string name) where T : JsonNode
    {
        var node = document[name];
        if (node is null) return null;
        return node as T ?? throw new SimulationCaseException($"$.{name}",
            $"{name} 必须是{(typeof(T) == typeof(JsonArray) ? "数组" : "对象")} ({name} must be a JSON {(typeof(T) == typeof(JsonArray) ? "array" : "object")})");
    }
}

public sealed class SimulationCaseException(string path, string message) : Exception(message)
{
    public string Path { get; } = path;
}
