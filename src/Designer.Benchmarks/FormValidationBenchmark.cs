using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Designer.Engine.Model;
using Designer.Engine.Forms;
using Designer.Forms;

namespace Designer.Benchmarks;

/// <summary>
/// One form validation as a person step does it: the shipped bazhou/apply form (x-extends apply, 30-odd fields),
/// once with valid data and once with data that breaks several rules (the errors translated into Chinese).
/// </summary>
[MemoryDiagnoser]
public class FormValidationBenchmark
{
    private const string FormId = "bazhou/apply";
    private string _schemas = null!;
    private FileFormCatalog _catalog = null!;
    private JsonObject _valid = null!;
    private JsonObject _invalid = null!;

    [GlobalSetup]
    public void Setup()
    {
        _schemas = (ProjectLayout.Find(AppContext.BaseDirectory) ?? ProjectLayout.Find(Directory.GetCurrentDirectory())
            ?? throw new InvalidOperationException("run from the repository")).Schemas;
        _catalog = FileFormCatalog.Load(_schemas);
        _valid = _catalog.MinimalValid(FormId);
        _invalid = (JsonObject)_valid.DeepClone();
        _invalid.Remove("name");
        _invalid["grassrootsYears"] = "八年";
        _invalid["competentDepartment"] = "culture";
        _invalid["evidence"] = JsonNode.Parse("""[{ "fileName": "学历证书.pdf" }]""");
        if (_catalog.Validate(FormId, _valid).Count != 0 || _catalog.Validate(FormId, _invalid).Count != 4)
            throw new InvalidOperationException("the benchmark data no longer has the errors it should");
    }

    [Benchmark(Description = "Validate a valid bazhou/apply")]
    public IReadOnlyList<FieldError> Valid() => _catalog.Validate(FormId, _valid);

    [Benchmark(Description = "Validate a bazhou/apply with 4 errors")]
    public IReadOnlyList<FieldError> Invalid() => _catalog.Validate(FormId, _invalid);

    [Benchmark(Description = "Load and compile every shipped form")]
    public FileFormCatalog Load() => FileFormCatalog.Load(_schemas);
}
