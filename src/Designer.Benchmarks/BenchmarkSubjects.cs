using System.Text.Json.Nodes;
using Designer.Engine.Model;

namespace Designer.Benchmarks;

/// <summary>
/// What the benchmarks measure, read from docs/benchmark-subjects.json (or the file named by DESIGNER_BENCH_SUBJECTS):
/// which locality's workflow and case, which form and how to break it, which locality the diff's steps belong to.
/// </summary>
internal static class BenchmarkSubjects
{
    public static ProjectLayout Layout { get; } = ProjectLayout.Find(AppContext.BaseDirectory) ?? ProjectLayout.Find(Directory.GetCurrentDirectory())
        ?? throw new InvalidOperationException("run from the repository");

    private static readonly Lazy<JsonObject> Subjects = new(() =>
    {
        var file = Environment.GetEnvironmentVariable("DESIGNER_BENCH_SUBJECTS") is { Length: > 0 } given ? given
            : Path.Combine(Layout.Root, "docs", "benchmark-subjects.json");
        return JsonNode.Parse(File.ReadAllText(file))!.AsObject();
    });

    public static JsonObject Section(string name) =>
        Subjects.Value[name] as JsonObject ?? throw new InvalidOperationException($"benchmark subjects: no '{name}'");

    public static string PathOf(string relative) => Path.Combine(Layout.Root, relative);
}
