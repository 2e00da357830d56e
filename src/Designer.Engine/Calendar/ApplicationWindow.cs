using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Engine.Model;

namespace Designer.Engine.Calendar;

/// <summary>
/// An application window (申报时间): when a locality accepts applications of some kinds, series, levels and counties.
/// An empty list means "any". Only published windows govern submissions.
/// </summary>
public sealed record ApplicationWindow(
    string Id,
    string Locality,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string> Series,
    IReadOnlyList<string> Levels,
    IReadOnlyList<string> Counties,
    DateOnly Opens,
    DateOnly Closes)
{
    public string Name { get; init; } = "";
    public string Source { get; init; } = "";
    public bool Published { get; init; } = true;

    public bool Contains(DateOnly date) => date >= Opens && date <= Closes;

    /// <summary>"2022-11-01 至 2022-11-15"</summary>
    public string Dates => $"{Opens:yyyy-MM-dd} 至 {Closes:yyyy-MM-dd}";

    /// <summary>The window's name and dates, as messages show it.</summary>
    public string Describe() => Name.Length > 0 ? $"“{Name}”（{Dates}）" : $"申报时间（{Dates}）";

    /// <summary>Whether this window speaks for an application of the locality with these fields.</summary>
    public bool Governs(string locality, JsonObject application) =>
        Locality == locality && Allows(Kinds, application["kind"]) && Allows(Series, application["series"]) &&
        Allows(Levels, application["level"]) && Allows(Counties, application["county"]);

    /// <summary>Whether this window may govern some application the procedure handles (the portal's view of a procedure).</summary>
    public bool Overlaps(string locality, WorkflowScope scope) =>
        Locality == locality && Meet(Kinds, scope.Kinds) && Meet(Series, scope.Series) && Meet(Levels, scope.Levels);

    private static bool Allows(IReadOnlyList<string> allowed, JsonNode? value) =>
        allowed.Count == 0 || (value.AsString() is { } text && allowed.Contains(text));

    private static bool Meet(IReadOnlyList<string> window, IReadOnlyList<string> scope) =>
        window.Count == 0 || scope.Count == 0 || window.Intersect(scope).Any();

    /// <summary>
    /// Reads {"id"?, "locality", "name"?, "kinds", "series", "levels", "counties", "opens", "closes", "source"?, "status"?}.
    /// </summary>
    /// <exception cref="FormatException">A field is missing or wrong; the message names it by JSON path.</exception>
    public static ApplicationWindow FromJson(JsonObject node, string path, string? fallbackId = null)
    {
        var locality = node["locality"].AsString() is { Length: > 0 } l ? l : throw Problem(path, "locality", "必须填写地区 (locality is required)");
        var opens = Date(node, path, "opens");
        var closes = Date(node, path, "closes");
        if (closes < opens)
            throw Problem(path, "closes", $"截止日期 {closes:yyyy-MM-dd} 早于开始日期 {opens:yyyy-MM-dd} (closes is before opens)");
        var status = node["status"].AsString() ?? "published";
        if (status is not ("draft" or "published"))
            throw Problem(path, "status", $"状态只能是 draft 或 published (status must be draft or published, got '{status}')");
        return new ApplicationWindow(node["id"].AsString() ?? fallbackId ?? Guid.NewGuid().ToString("N")[..12], locality,
            List(node, path, "kinds"), List(node, path, "series"), List(node, path, "levels"), List(node, path, "counties"), opens, closes)
        {
            Name = node["name"].AsString() ?? "", Source = node["source"].AsString() ?? "", Published = status == "published",
        };
    }

    public JsonObject ToJson() => new()
    {
        ["id"] = Id, ["locality"] = Locality, ["name"] = Name,
        ["kinds"] = Array(Kinds), ["series"] = Array(Series), ["levels"] = Array(Levels), ["counties"] = Array(Counties),
        ["opens"] = Opens.ToString("yyyy-MM-dd"), ["closes"] = Closes.ToString("yyyy-MM-dd"), ["source"] = Source,
        ["status"] = Published ? "published" : "draft",
    };

    private static JsonArray Array(IReadOnlyList<string> items) => new([.. items.Select(i => JsonValue.Create(i))]);

    private static DateOnly Date(JsonObject node, string path, string field) =>
        node[field].AsString() is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Problem(path, field, $"必须是 yyyy-MM-dd 格式的日期 (must be a yyyy-MM-dd date, got {node[field]?.ToJsonString() ?? "nothing"})");

    private static IReadOnlyList<string> List(JsonObject node, string path, string field) => node[field] switch
    {
        null => [],
        JsonArray array => array.Select((item, i) => item.AsString() is { Length: > 0 } s ? s : throw Problem(path, $"{field}[{i}]", "必须是非空字符串 (must be a non-empty string)")).ToList(),
        _ => throw Problem(path, field, "必须是字符串数组 (must be an array of strings)"),
    };

    private static FormatException Problem(string path, string field, string message) => new CalendarFieldException($"{path}.{field}", message);
}

/// <summary>A calendar entry that cannot be read: the JSON path of the field and the message.</summary>
public sealed class CalendarFieldException(string path, string message) : FormatException($"{path}: {message}")
{
    public string Path { get; } = path;
    public string Detail { get; } = message;
}
