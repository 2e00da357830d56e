using System.Diagnostics;
using System.Text.Json.Nodes;
using Designer.Server.Hosting;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests.Contract;

/// <summary>
/// The Studio's API types are generated from a committed copy of the OpenAPI document
/// (src/Designer.Studio/src/api/openapi.json → openapi.ts). This fails when either copy is stale, and says how to
/// refresh them; with DESIGNER_UPDATE_API_CONTRACT=1 it writes both instead.
/// </summary>
public sealed class ApiContractStalenessTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    public const string UpdateVariable = "DESIGNER_UPDATE_API_CONTRACT";
    private const string Regenerate =
        "Regenerate with: src/Designer.Studio/scripts/update-api-contract.sh (or DESIGNER_UPDATE_API_CONTRACT=1 dotnet test tests/Designer.Server.Tests " +
        "--filter FullyQualifiedName~ApiContractStalenessTests), then commit src/Designer.Studio/src/api/openapi.json and openapi.ts.";

    private static readonly string Studio = Path.Combine(RepositoryRoot.Find(null, AppContext.BaseDirectory), "src", "Designer.Studio");
    private static readonly string DocumentFile = Path.Combine(Studio, "src", "api", "openapi.json");
    private static readonly string TypesFile = Path.Combine(Studio, "src", "api", "openapi.ts");

    private static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    [Fact]
    public async Task The_committed_OpenAPI_document_is_the_servers()
    {
        var served = await factory.Client().Http.GetStringAsync("/openapi/v1.json");
        if (Updating) await File.WriteAllTextAsync(DocumentFile, served.ReplaceLineEndings("\n"));

        Assert.True(File.Exists(DocumentFile), $"{DocumentFile} is missing. {Regenerate}");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(DocumentFile));
        Assert.True(JsonNode.DeepEquals(committed, JsonNode.Parse(served)),
            $"src/Designer.Studio/src/api/openapi.json differs from what the server describes at /openapi/v1.json. {Regenerate}");
    }

    [Fact]
    public async Task The_committed_TypeScript_types_are_generated_from_the_committed_document()
    {
        if (Updating) await The_committed_OpenAPI_document_is_the_servers();
        var generated = await GenerateAsync();
        if (Updating) await File.WriteAllTextAsync(TypesFile, generated);

        Assert.True(File.Exists(TypesFile), $"{TypesFile} is missing. {Regenerate}");
        Assert.True(generated.ReplaceLineEndings("\n") == (await File.ReadAllTextAsync(TypesFile)).ReplaceLineEndings("\n"),
            $"src/Designer.Studio/src/api/openapi.ts is not what openapi-typescript makes of openapi.json. {Regenerate}");
    }

    /// <summary>What `npm run api:types` writes, on stdout (the package is installed by the server's build of the Studio).</summary>
    private static async Task<string> GenerateAsync()
    {
        var cli = Path.Combine(Studio, "node_modules", "openapi-typescript", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"{cli} is missing: run `npm ci` in src/Designer.Studio (the server's build does).");
        var start = new ProcessStartInfo("node") { WorkingDirectory = Studio, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { cli, "src/api/openapi.json", "--empty-objects-unknown" }) start.ArgumentList.Add(argument);
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, $"openapi-typescript failed: {await errors}");
        return await output;
    }
}
