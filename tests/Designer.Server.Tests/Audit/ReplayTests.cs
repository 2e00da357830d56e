using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;
using static Designer.Server.Tests.Audit.AuditTestKit;

namespace Designer.Server.Tests.Audit;

/// <summary>POST /api/replay: one case against two versions, where the paths part and how the outcome changes.</summary>
public sealed class ReplayTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    private const string Workflow = "kashgar-replay";

    [Fact]
    public async Task A_version_that_adds_a_rejecting_branch_diverges_after_eligibility_and_rejects()
    {
        var kashgar = await factory.SignInAsync("kashgar-admin");
        (await kashgar.PostAsync("/api/workflows/standard-evaluation/clone", new JsonObject { ["locality"] = "kashgar", ["definitionId"] = Workflow }))
            .Expect(HttpStatusCode.Created);
        (await kashgar.PostAsync($"/api/workflows/{Workflow}/publish")).Expect(HttpStatusCode.OK);
        var v2 = await SaveDraftAsync(kashgar, Workflow, AddGrassrootsYearsCheck);
        Assert.Equal(2, v2["version"]!.GetValue<int>());
        var applicationsBefore = (await kashgar.GetOkAsync("/api/applications"))["total"]!.GetValue<int>();

        var replay = (await kashgar.PostAsync("/api/replay", new JsonObject
        {
            ["definitionId"] = Workflow, ["fromVersion"] = 1, ["toVersion"] = 2,
            ["case"] = new JsonObject
            {
                ["workflow"] = "ignored", ["startDate"] = "2024-09-02",
                ["applicant"] = new JsonObject
                {
                    ["name"] = "回放甲", ["county"] = "疏附县", ["unit"] = "疏附县第一中学", ["employmentType"] = "public-institution",
                    ["workplaceLevel"] = "township", ["series"] = "teacher", ["level"] = "intermediate", ["kind"] = "general", ["grassrootsYears"] = 3,
                },
            },
        })).Expect(HttpStatusCode.OK);

        Assert.Equal("Completed", replay["from"]!["status"]!.GetValue<string>());
        Assert.Equal("Rejected", replay["to"]!["status"]!.GetValue<string>());
        Assert.True(replay["outcomeChanged"]!.GetValue<bool>());
        var divergence = replay["divergence"]!;
        Assert.Equal("unit-recommend", divergence["from"]!["stage"]!.GetValue<string>());
        Assert.Equal(divergence["index"]!.GetValue<int>(), replay["from"]!["path"]!.AsArray()
            .Select(s => s!["stage"]!.GetValue<string>()).ToList().IndexOf("unit-recommend"));
        Assert.Contains("Rejected", replay["summary"]!.GetValue<string>());
        Assert.Equal(applicationsBefore, (await kashgar.GetOkAsync("/api/applications"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_case_or_an_application_is_needed()
    {
        var auditor = await factory.SignInAsync("auditor");
        var refused = await auditor.PostAsync("/api/replay", new JsonObject { ["definitionId"] = "bazhou-directed-deputy-senior", ["fromVersion"] = 1 });
        Assert.Equal("$.case", refused.Expect((HttpStatusCode)422)["errors"]![0]!["path"]!.GetValue<string>());
        (await auditor.PostAsync("/api/replay", new JsonObject { ["applicationId"] = "no-such-application" })).Expect(HttpStatusCode.NotFound);
    }

    /// <summary>Eligible applicants with fewer than 10 grassroots years now end rejected instead of going to their unit.</summary>
    private static void AddGrassrootsYearsCheck(JsonObject definition)
    {
        var root = definition["root"]!.AsObject();
        root["activities"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "years-check", ["type"] = "Elsa.FlowDecision", ["version"] = 1,
            ["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 700, ["y"] = 200 } }, ["displayText"] = "基层年限满 10 年？" },
            ["condition"] = new JsonObject
            {
                ["typeName"] = "Boolean",
                ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "return (application.grassrootsYears || 0) >= 10;" },
            },
        });
        root["activities"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "years-rejected", ["type"] = "Titles.Conclude", ["version"] = 1,
            ["result"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "Rejected" } },
            ["reason"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "基层工作年限不足 10 年" } },
        });
        var connections = root["connections"]!.AsArray();
        var eligible = connections.OfType<JsonObject>().Single(c => c["source"]!["activity"]!.GetValue<string>() == "eligibility" && c["source"]!["port"]!.GetValue<string>() == "Eligible");
        eligible["target"] = Endpoint("years-check", "In");
        connections.Add(new JsonObject { ["source"] = Endpoint("years-check", "True"), ["target"] = Endpoint("unit-recommend", "In"), ["vertices"] = new JsonArray() });
        connections.Add(new JsonObject { ["source"] = Endpoint("years-check", "False"), ["target"] = Endpoint("years-rejected", "In"), ["vertices"] = new JsonArray() });
    }

    private static JsonObject Endpoint(string activity, string port) => new() { ["activity"] = activity, ["port"] = port };
}
