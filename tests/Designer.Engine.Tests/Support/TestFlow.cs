using System.Text.Json.Nodes;
using Designer.Engine.Model;

namespace Designer.Engine.Tests.Support;

/// <summary>Builds small Elsa 3 definitions for tests, in the JSON form the files use.</summary>
public sealed class TestFlow(string locality = "templates")
{
    private readonly JsonArray _activities = [];
    private readonly JsonArray _connections = [];
    private readonly JsonArray _variables = [];

    public static JsonObject Literal(object? value) =>
        new() { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = JsonSerializerValue(value) } };

    public static JsonObject Js(string script) =>
        new() { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = script } };

    public TestFlow Add(string id, string type, params (string Name, JsonNode? Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["customProperties"] = new JsonObject() };
        foreach (var (name, value) in inputs) activity[name] = value?.DeepClone();
        _activities.Add(activity);
        return this;
    }

    public TestFlow Write(string id, string text) => Add(id, "Elsa.WriteLine", ("text", Literal(text)));

    public TestFlow WithMergeMode(string id, string mode)
    {
        var activity = _activities.OfType<JsonObject>().Single(a => a["id"]!.GetValue<string>() == id);
        activity["customProperties"]!["mergeMode"] = mode;
        return this;
    }

    public TestFlow Connect(string source, string target, string port = "Done")
    {
        _connections.Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
        });
        return this;
    }

    public TestFlow Variable(string name, string typeName, string value)
    {
        _variables.Add(new JsonObject { ["id"] = name, ["name"] = name, ["typeName"] = typeName, ["value"] = value });
        return this;
    }

    public JsonObject Json() => new()
    {
        ["definitionId"] = "test",
        ["name"] = "测试流程",
        ["version"] = 1,
        ["variables"] = _variables.DeepClone(),
        ["customProperties"] = new JsonObject { ["locality"] = locality },
        ["root"] = new JsonObject
        {
            ["type"] = "Elsa.Flowchart", ["id"] = "root",
            ["activities"] = _activities.DeepClone(), ["connections"] = _connections.DeepClone(),
        },
    };

    public WorkflowDefinition Definition() => WorkflowDefinitionReader.FromJson(Json());

    /// <summary>This flow as a nested flowchart activity of another flow.</summary>
    public JsonObject AsNestedFlowchart(string id)
    {
        var json = Json()["root"]!.DeepClone().AsObject();
        json["id"] = id;
        return json;
    }

    private static JsonNode? JsonSerializerValue(object? value) =>
        value is JsonNode node ? node.DeepClone() : System.Text.Json.JsonSerializer.SerializeToNode(value);
}
