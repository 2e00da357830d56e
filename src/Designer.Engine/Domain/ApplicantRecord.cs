using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Engine.Model;

namespace Designer.Engine.Domain;

/// <summary>
/// The applicant's record as the engine sees it (administration.md): titles held, continuing-education hours per year
/// and integrity findings (and the registered record of the unit, <see cref="UnitRecord"/>). Plain JSON arrays, the same shape the server's record routes answer; the rule helpers below
/// read them for the Eligibility activity and for scripts (see ScriptHelpers).
/// </summary>
public static class ApplicantRecord
{
    public const string Titles = "titles";
    public const string EducationHours = "educationHours";
    public const string Integrity = "integrity";
    public static readonly string[] Parts = [Titles, EducationHours, Integrity];

    /// <summary>
    /// The registered record of the application's unit (`applicant.unitRecord`): `{id, name, locality, county,
    /// employmentType, quota, autonomousEvaluation}` from the organisation registry, so rules check the unit's approval
    /// for autonomous evaluation (自主评审) against the registry instead of the form. Absent when the unit is not registered.
    /// </summary>
    public const string UnitRecord = "unitRecord";

    /// <summary>Levels in promotion order; promotion goes one step at a time.</summary>
    public static readonly string[] LevelOrder = ["junior", "assistant", "intermediate", "deputy-senior", "full-senior"];

    public static int LevelRank(string? level) => Array.IndexOf(LevelOrder, level ?? "");

    /// <summary>
    /// The title the applicant holds now (the basis for the next one): the highest level, the latest obtained among
    /// equals; only titles of <paramref name="series"/> when it is given. A title a transfer registered as lapsed
    /// (失效) no longer counts. Null when none is registered.
    /// </summary>
    public static JsonObject? CurrentTitle(JsonNode? titles, string? series = null) =>
        Items(titles)
            .Where(t => Text(t, "status") != "lapsed")
            .Where(t => string.IsNullOrEmpty(series) || Text(t, "series") == series)
            .OrderByDescending(t => LevelRank(Text(t, "level")))
            .ThenByDescending(t => Text(t, "obtainedOn"), StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>
    /// The standing that keeps a title from being the basis of a higher one: `reevaluate` (须重新评聘, 001 §四(二)1: until
    /// re-evaluated the holder is appointed at the level before) or `restricted` (在现单位不得聘任, 000 §六(三)2). Null when
    /// the title is valid (or has no standing recorded).
    /// </summary>
    public static string? StandingBarsPromotion(JsonObject? title) =>
        title is not null && Text(title, "status") is ("reevaluate" or "restricted") and var status ? status : null;

    /// <summary>Whole years from the title's obtainedOn to <paramref name="asOf"/> (0 when the date is missing).</summary>
    public static int YearsInTitle(JsonObject? title, DateOnly asOf)
    {
        if (!TryDate(title?["obtainedOn"].AsString(), out var obtained) || obtained > asOf) return 0;
        var years = asOf.Year - obtained.Year;
        return obtained.AddYears(years) > asOf ? years - 1 : years;
    }

    /// <summary>True when <paramref name="to"/> is exactly the level above <paramref name="from"/>.</summary>
    public static bool IsNextLevel(string? from, string? to)
    {
        var (a, b) = (LevelRank(from), LevelRank(to));
        return a >= 0 && b == a + 1;
    }

    /// <summary>Hours registered for one year (optionally one category: public, professional).</summary>
    public static double HoursInYear(JsonNode? hours, int year, string? category = null) =>
        Items(hours).Where(h => Year(h) == year && (string.IsNullOrEmpty(category) || Text(h, "category") == category))
            .Sum(h => h["hours"].AsNumber() ?? 0);

    /// <summary>True when a year carries an exemption (e.g. 免试审批); an exempt year meets any yearly minimum.</summary>
    public static bool IsExempt(JsonNode? hours, int year) =>
        Items(hours).Any(h => Year(h) == year && h["exempt"] is JsonValue v && v.TryGetValue<bool>(out var exempt) && exempt);

    /// <summary>The years from <paramref name="fromYear"/> to <paramref name="toYear"/> below the minimum, exempt years aside.</summary>
    public static IReadOnlyList<int> YearsShortOfHours(JsonNode? hours, int fromYear, int toYear, double minimum, string? category = null) =>
        Years(fromYear, toYear).Where(y => !IsExempt(hours, y) && HoursInYear(hours, y, category) < minimum).ToList();

    /// <summary>Average hours per year over the cycle (exempt years are left out of the average).</summary>
    public static double AverageHours(JsonNode? hours, int fromYear, int toYear, string? category = null)
    {
        var counted = Years(fromYear, toYear).Where(y => !IsExempt(hours, y)).ToList();
        return counted.Count == 0 ? 0 : counted.Sum(y => HoursInYear(hours, y, category)) / counted.Count;
    }

    /// <summary>The largest share (0–1) of the cycle's hours registered in a single year: "not crammed into one year".</summary>
    public static double LargestYearShare(JsonNode? hours, int fromYear, int toYear, string? category = null)
    {
        var perYear = Years(fromYear, toYear).Select(y => HoursInYear(hours, y, category)).ToList();
        var total = perYear.Sum();
        return total <= 0 ? 0 : perYear.Max() / total;
    }

    /// <summary>The integrity finding in force on <paramref name="asOf"/> (from ≤ asOf &lt; until), or null.</summary>
    public static JsonObject? ActiveIntegrityRecord(JsonNode? integrity, DateOnly asOf) =>
        Items(integrity).FirstOrDefault(r =>
            TryDate(r["from"].AsString(), out var from) && from <= asOf &&
            (!TryDate(r["until"].AsString(), out var until) || asOf < until));

    /// <summary>The default end of an integrity record: three years after it starts (003 §四(三) 记录期3年).</summary>
    public static DateOnly DefaultUntil(DateOnly from) => from.AddYears(3);

    public static bool HasAny(JsonNode? list) => Items(list).Any();

    public static IEnumerable<JsonObject> Items(JsonNode? list) => list is JsonArray array ? array.OfType<JsonObject>() : [];

    private static IEnumerable<int> Years(int fromYear, int toYear) =>
        toYear < fromYear || toYear - fromYear > 100 ? [] : Enumerable.Range(fromYear, toYear - fromYear + 1);

    private static int Year(JsonObject entry) => (int)(entry["year"].AsNumber() ?? 0);

    private static string? Text(JsonObject entry, string name) => entry[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool TryDate(string? text, out DateOnly date)
    {
        date = default;
        return text is { Length: >= 10 } && IsoDate.TryParse(text.AsSpan(0, 10), out date);
    }
}
