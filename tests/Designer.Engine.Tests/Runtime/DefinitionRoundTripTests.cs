using Designer.Engine.Model;

namespace Designer.Engine.Tests.Runtime;

/// <summary>A definition saved by Elsa Studio survives a round trip through us.</summary>
public class DefinitionRoundTripTests
{
    private const string ElsaStudioFile = """
        {
          "$schema": "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json",
          "id": "v-1", "definitionId": "hello", "name": "Hello", "version": 3, "isLatest": true, "isPublished": false,
          "toolVersion": "3.2.0", "options": {"autoUpdateConsumingWorkflows": false, "usableAsActivity": false},
          "variables": [{"id": "x", "name": "x", "typeName": "Int32", "value": "1", "storageDriverTypeName": "Elsa.Workflows.WorkflowInstanceStorageDriver"}],
          "customProperties": {"locality": "templates", "elsaOnly": {"keep": [1, 2]}},
          "root": {
            "type": "Elsa.Flowchart", "version": 1, "id": "root", "nodeId": "Workflow1:root",
            "metadata": {}, "customProperties": {"notFoundConnections": []},
            "activities": [
              {"id": "w1", "nodeId": "Workflow1:root:w1", "type": "Elsa.WriteLine", "version": 1, "name": "WriteLine1",
               "text": {"typeName": "String", "expression": {"type": "Literal", "value": "Hi"}},
               "metadata": {"designer": {"position": {"x": 10.5, "y": 20}, "size": {"width": 120, "height": 50}}, "displayText": "问候"},
               "customProperties": {"canStartWorkflow": false, "runAsynchronously": false}},
              {"id": "w2", "type": "Elsa.WriteLine", "text": {"typeName": "String", "expression": {"type": "Literal", "value": "Bye"}}}
            ],
            "connections": [{"source": "w1", "target": "w2", "sourcePort": "Done", "targetPort": "In"}]
          }
        }
        """;

    [Fact]
    public void Unknown_properties_survive_and_legacy_connections_are_read()
    {
        var definition = WorkflowDefinitionReader.Parse(ElsaStudioFile);
        Assert.Equal(("hello", 3, "templates"), (definition.DefinitionId, definition.Version, definition.Locality));
        Assert.Equal("w2", definition.Root.Connections.Single().Target.Activity);
        Assert.Equal("问候", definition.ActivitiesById["w1"].Label);

        var reread = WorkflowDefinitionReader.Parse(definition.ToJson());
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(ElsaStudioFile), reread.Json));
    }

    [Fact]
    public void A_document_that_is_not_json_names_the_line()
    {
        var error = Assert.Throws<DefinitionFormatException>(() => WorkflowDefinitionReader.Parse("{\n \"root\": ,\n}", "broken.json"));
        Assert.Contains("line 2", error.Message);
    }
}
