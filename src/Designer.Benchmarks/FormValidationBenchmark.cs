using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Designer.Engine.Model;
using Designer.Engine.Forms;
using Designer.Forms;

namespace Designer.Benchmarks;

/// <summary>
/// One form validation as a person step does it: a locality's shipped apply form (docs/benchmark-subjects.json;
/// x-extends apply, 30-odd fields), once with valid data and once with data that breaks several rules (the errors
/// translated into Chinese).
/// </summary>
[MemoryDiagnoser]
public class FormValidationBenchmark
{
    private string FormId = "";
    private string _schemas = null!;
    private FileFormCatalog _catalog = null!;
    private JsonObject _valid = null!;
    private JsonObject _invalid = null!;

    [GlobalSetup]
    public void Setup()
    {
        _schemas = BenchmarkSubjects.Layout.Schemas;
        var subject = BenchmarkSubjects.Section("form");
        FormId = subject["id"]!.GetValue<string>();
        _catalog = FileFormCatalog.Load(_schemas);
        _valid = _catalog.MinimalValid(FormId);
        _invalid = (JsonObject)_valid.DeepClone();
        var breaking = subject["invalid"]!.AsObject();
        foreach (var field in breaking["remove"]!.AsArray()) _invalid.Remove(field!.GetValue<string>());
        foreach (var (field, value) in breaking["set"]!.AsObject()) _invalid[field] = value?.DeepClone();
        if (_catalog.Validate(FormId, _valid).Count != 0 || _catalog.Validate(FormId, _invalid).Count != breaking["errors"]!.GetValue<int>())
            throw new InvalidOperationException("the benchmark data no longer has the errors it should");
    }

    [Benchmark(Description = "Validate a valid locality apply form")]
    public IReadOnlyList<FieldError> Valid() => _catalog.Validate(FormId, _valid);

    [Benchmark(Description = "Validate a locality apply form with 4 errors")]
    public IReadOnlyList<FieldError> Invalid() => _catalog.Validate(FormId, _invalid);

    [Benchmark(Description = "Load and compile every shipped form")]
    public FileFormCatalog Load() => FileFormCatalog.Load(_schemas);
}
