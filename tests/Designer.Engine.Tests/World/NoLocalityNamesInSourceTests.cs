using System.Text.RegularExpressions;
using Designer.Engine.Domain;
using Designer.Engine.Tests.Support;

namespace Designer.Engine.Tests.World;

/// <summary>
/// The organisational world is data (issue 8): no locality or county of workflows/world/localities.json, and no
/// department name of vocabulary.json, is named anywhere under src/ (code, comments, Studio sources, benchmarks and
/// the load driver included). Onboarding a prefecture never needs a code change.
/// </summary>
public sealed class NoLocalityNamesInSourceTests
{
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", "wwwroot"];
    private static readonly string[] Extensions = [".cs", ".ts", ".tsx", ".json", ".css", ".html", ".md", ".props", ".targets", ".csproj", ".sh"];

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(TestEngine.Layout.Root, "src"), "*", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(TestEngine.Layout.Root, path).Split(Path.DirectorySeparatorChar).Any(SkippedFolders.Contains))
            .Where(path => Extensions.Contains(Path.GetExtension(path)));

    /// <summary>Codes match as whole codes (`aid-xinjiang`, a kind, is not the locality `xinjiang`); names as text.</summary>
    private static IEnumerable<(string Word, Regex Pattern)> Forbidden()
    {
        var world = TestEngine.Vocabulary;
        foreach (var locality in world.Localities.Values)
        {
            yield return Code(locality.Code);
            yield return Text(locality.Name);
            foreach (var county in locality.Counties)
            {
                yield return Code(county.Code);
                yield return Text(county.Name);
            }
        }
        foreach (var department in world.Departments.Values) yield return Text(department.Name);

        static (string, Regex) Code(string code) => (code, new Regex($@"(?<![A-Za-z0-9_-]){Regex.Escape(code)}(?![A-Za-z0-9_-])"));
        static (string, Regex) Text(string name) => (name, new Regex(Regex.Escape(name)));
    }

    [Fact]
    public void The_world_files_name_localities_counties_and_departments()
    {
        Assert.NotEmpty(TestEngine.Vocabulary.Localities);
        Assert.Contains(TestEngine.Vocabulary.Localities.Values, l => l.Counties.Count > 0);
        Assert.NotEmpty(TestEngine.Vocabulary.Departments);
    }

    [Fact]
    public void No_locality_county_or_department_is_named_in_src()
    {
        var forbidden = Forbidden().ToList();
        var found = new List<string>();
        foreach (var file in SourceFiles())
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
                foreach (var (word, pattern) in forbidden.Where(f => f.Pattern.IsMatch(lines[i])))
                    found.Add($"{Path.GetRelativePath(TestEngine.Layout.Root, file)}:{i + 1}: “{word}”");
        }
        Assert.True(found.Count == 0, "src/ names the organisational world (move it to workflows/world/):\n" + string.Join("\n", found.Take(50)));
    }

    [Fact]
    public void The_check_finds_a_locality_named_in_code()
    {
        var (_, pattern) = Forbidden().First();
        var code = TestEngine.Vocabulary.Localities.Values.First().Code;
        Assert.Matches(pattern, $"var org = \"{code}/hr\";");
        Assert.DoesNotMatch(pattern, $"var kind = \"aid-{code}\";");
    }
}
