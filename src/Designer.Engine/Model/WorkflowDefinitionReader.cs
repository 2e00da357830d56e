using System.Text.Json;
using System.Text.Json.Nodes;

namespace Designer.Engine.Model;

public sealed class DefinitionFormatException(string source, IReadOnlyList<string> problems)
    : Exception($"{source}: {string.Join("; ", problems)}")
{
    public string Source_ { get; } = source;
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>Reads Elsa 3 workflow-definition JSON. Also accepts a bare Elsa.Flowchart as the document.</summary>
public static class WorkflowDefinitionReader
{
    public static WorkflowDefinition Parse(string json, string? sourcePath = null)
    {
        var source = sourcePath ?? "definition";
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new DefinitionFormatException(source, [$"JSON 格式错误 (invalid JSON) at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {e.Message.Split(" Path:")[0]}"]);
        }
        return FromJson(document as JsonObject ?? throw new DefinitionFormatException(source, ["根元素必须是 JSON 对象 (the document must be a JSON object)"]), sourcePath);
    }

    public static WorkflowDefinition FromJson(JsonObject json, string? sourcePath = null)
    {
        var source = sourcePath ?? "definition";
        if (json["type"].AsString() == FlowchartNode.TypeName && json["root"] is null)
            json = new JsonObject { ["root"] = json.DeepClone() };

        if (json["root"] is not JsonObject rootJson)
            throw new DefinitionFormatException(source, ["缺少 root 流程图 (missing root: an Elsa.Flowchart)"]);
        if (rootJson["type"].AsString() != FlowchartNode.TypeName)
            throw new DefinitionFormatException(source, [$"root 的类型必须是 Elsa.Flowchart (root.type is '{rootJson["type"].AsString()}')"]);

        var problems = new List<string>();
        var root = new FlowchartNode(rootJson, problems);
        if (problems.Count > 0) throw new DefinitionFormatException(source, problems);
        return new WorkflowDefinition(json, root, sourcePath);
    }

    public static WorkflowDefinition Load(string path) => Parse(File.ReadAllText(path), path);
}
