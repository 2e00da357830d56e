using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Server.Hosting;

namespace Designer.Server.Audit;

/// <summary>The HTTP API's JSON settings (camelCase, nulls kept, Chinese unescaped), for values built into JSON nodes.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ServiceSetup.Configure(options);
        return options;
    }
}
