using System.Text.Json.Nodes;

namespace Designer.Engine.Committees;

/// <summary>Reads workflows/world/committees.json (`{"committees":[{id, locality, name, series, levels, organiser, status, standardsPublishedOn}]}`).</summary>
public static class CommitteeFile
{
    public static IReadOnlyList<CommitteeInfo> Load(string path) =>
        JsonNode.Parse(File.ReadAllText(path))?["committees"] is JsonArray list
            ? list.OfType<JsonObject>().Select(Read).ToList()
            : [];

    public static CommitteeInfo Read(JsonObject c) => new(
        c["id"]?.GetValue<string>() ?? "", c["locality"]?.GetValue<string>() ?? "", c["name"]?.GetValue<string>() ?? "",
        Strings(c["series"]), Strings(c["levels"]), c["organiser"]?.GetValue<string>() ?? "", c["status"]?.GetValue<string>() ?? CommitteeStatuses.Draft,
        c["standardsPublishedOn"]?.GetValue<string>());

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(v => v?.GetValue<string>() ?? "").ToList() : [];
}
