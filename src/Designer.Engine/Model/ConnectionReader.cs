using System.Text.Json.Nodes;

namespace Designer.Engine.Model;

internal static class ConnectionReader
{
    public static Connection? Read(JsonNode? node)
    {
        if (node is not JsonObject json) return null;
        var source = ReadEndpoint(json["source"], json["sourcePort"], "Done");
        var target = ReadEndpoint(json["target"], json["targetPort"], "In");
        return source is null || target is null ? null : new Connection(source, target);
    }

    private static Endpoint? ReadEndpoint(JsonNode? endpoint, JsonNode? legacyPort, string defaultPort)
    {
        if (endpoint is JsonObject current)
        {
            var activity = current["activity"].AsString();
            return string.IsNullOrEmpty(activity) ? null : new Endpoint(activity, current["port"].AsString() ?? defaultPort);
        }
        var legacyActivity = endpoint.AsString();
        return string.IsNullOrEmpty(legacyActivity) ? null : new Endpoint(legacyActivity, legacyPort.AsString() ?? defaultPort);
    }
}
