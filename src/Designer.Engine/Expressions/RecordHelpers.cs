using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Engine.Domain;
using Jint;
using Jint.Native;
using Jint.Runtime;
using JsEngine = Jint.Engine;

namespace Designer.Engine.Expressions;

/// <summary>
/// Rule helpers over the applicant's record (<see cref="ApplicantRecord"/>), for eligibility rules and scripts:
/// currentTitle(titles, series?), yearsInTitle(title, asOf?), basisTitleDirected(titles, series?), isNextLevel(from, to),
/// hoursInYear(hours, year, category?), yearsShortOfHours(hours, fromYear, toYear, minimum, category?),
/// averageHours(hours, fromYear, toYear, category?), largestYearShare(hours, fromYear, toYear, category?),
/// activeIntegrityRecord(integrity, asOf?). A missing list counts as empty; asOf defaults to today() (the engine's clock).
/// </summary>
internal sealed class RecordHelpers(JsEngine engine, ScriptDay day)
{
    public void Install()
    {
        ScriptHelpers.Define(engine, "currentTitle", 2, args => ToJs(ApplicantRecord.CurrentTitle(Json(args, 0), OptionalText(args, 1))));
        ScriptHelpers.Define(engine, "yearsInTitle", 2, args =>
            ApplicantRecord.YearsInTitle(Json(args, 0) as JsonObject, DateOr(args, 1, "yearsInTitle")));
        ScriptHelpers.Define(engine, "basisTitleDirected", 2, args =>
            ApplicantRecord.CurrentTitle(Json(args, 0), OptionalText(args, 1))?["directed"] is JsonValue v && v.TryGetValue<bool>(out var directed) && directed);
        ScriptHelpers.Define(engine, "isNextLevel", 2, args => ApplicantRecord.IsNextLevel(OptionalText(args, 0), OptionalText(args, 1)));
        ScriptHelpers.Define(engine, "hoursInYear", 3, args =>
            ApplicantRecord.HoursInYear(Json(args, 0), YearArg(args, 1, "hoursInYear"), OptionalText(args, 2)));
        ScriptHelpers.Define(engine, "yearsShortOfHours", 5, args =>
        {
            var years = ApplicantRecord.YearsShortOfHours(Json(args, 0), YearArg(args, 1, "yearsShortOfHours"), YearArg(args, 2, "yearsShortOfHours"),
                NumberArg(args, 3, "yearsShortOfHours"), OptionalText(args, 4));
            return ToJs(new JsonArray([.. years.Select(y => (JsonNode)y)]));
        });
        ScriptHelpers.Define(engine, "averageHours", 4, args =>
            ApplicantRecord.AverageHours(Json(args, 0), YearArg(args, 1, "averageHours"), YearArg(args, 2, "averageHours"), OptionalText(args, 3)));
        ScriptHelpers.Define(engine, "largestYearShare", 4, args =>
            ApplicantRecord.LargestYearShare(Json(args, 0), YearArg(args, 1, "largestYearShare"), YearArg(args, 2, "largestYearShare"), OptionalText(args, 3)));
        ScriptHelpers.Define(engine, "activeIntegrityRecord", 2, args =>
            ToJs(ApplicantRecord.ActiveIntegrityRecord(Json(args, 0), DateOr(args, 1, "activeIntegrityRecord"))));
    }

    private JsValue ToJs(JsonNode? node) => JsonJsConverter.ToJs(engine, node);

    private static JsonNode? Json(JsValue[] args, int index)
    {
        var value = Arguments.At(args, index);
        return value.IsNull() || value.IsUndefined() ? null : JsonJsConverter.ToJson(value);
    }

    private static string? OptionalText(JsValue[] args, int index) => Arguments.At(args, index) is var v && v.IsString() ? v.AsString() : null;

    private DateOnly DateOr(JsValue[] args, int index, string function)
    {
        var value = Arguments.At(args, index);
        if (value.IsUndefined() || value.IsNull()) return day.Today;
        var text = value.IsString() ? value.AsString() : "";
        if (text.Length >= 10 && IsoDate.TryParse(text.AsSpan(0, 10), out var date)) return date;
        throw ScriptHelpers.TypeError(engine, $"{function}: argument {index + 1} must be a date \"yyyy-MM-dd\"");
    }

    private int YearArg(JsValue[] args, int index, string function)
    {
        var value = Arguments.At(args, index);
        if (value.IsNumber() && Math.Floor(value.AsNumber()) == value.AsNumber() && Math.Abs(value.AsNumber()) < 10_000) return (int)value.AsNumber();
        throw ScriptHelpers.TypeError(engine, $"{function}: argument {index + 1} must be a year (a whole number)");
    }

    private double NumberArg(JsValue[] args, int index, string function)
    {
        var value = Arguments.At(args, index);
        if (value.IsNumber() && double.IsFinite(value.AsNumber())) return value.AsNumber();
        throw ScriptHelpers.TypeError(engine, $"{function}: argument {index + 1} must be a number");
    }
}
