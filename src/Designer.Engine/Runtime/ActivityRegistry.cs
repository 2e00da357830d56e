using System.Collections.Concurrent;
using System.Reflection;
using Designer.Engine.Descriptors;
using Designer.Engine.Domain;
using Designer.Engine.Expressions;
using Designer.Engine.Model;

namespace Designer.Engine.Runtime;

/// <summary>Knows every activity type: makes instances bound to definition JSON, and describes them for the Studio.</summary>
public sealed class ActivityRegistry
{
    public static readonly ActivityRegistry Default = FromAssembly(typeof(ActivityRegistry).Assembly);

    private readonly Dictionary<string, Type> _types;
    private readonly ConcurrentDictionary<Type, (ActivityDescriptor Descriptor, List<BoundInput> Inputs)> _metadata = new();

    private ActivityRegistry(Dictionary<string, Type> types) => _types = types;

    public static ActivityRegistry FromAssembly(Assembly assembly) => FromAssemblies(assembly);

    /// <summary>The activity types of several assemblies, e.g. the engine's and a host's own (one type name each).</summary>
    public static ActivityRegistry FromAssemblies(params Assembly[] assemblies) => new(
        assemblies.Distinct().SelectMany(assembly => assembly.GetTypes())
            .Where(t => !t.IsAbstract && typeof(Activity).IsAssignableFrom(t) && t.GetCustomAttribute<ActivityAttribute>() is not null)
            .ToDictionary(t => t.GetCustomAttribute<ActivityAttribute>()!.TypeName));

    public IEnumerable<string> TypeNames => _types.Keys;
    public bool IsKnown(string typeName) => _types.ContainsKey(typeName);

    public IReadOnlyList<ActivityDescriptor> DescribeAll() =>
        _types.Values.Select(t => Metadata(t).Descriptor).OrderBy(d => d.Category).ThenBy(d => d.TypeName).ToList();

    /// <summary>The descriptors with action ports and stage/action options named from the vocabulary.</summary>
    public IReadOnlyList<ActivityDescriptor> DescribeAll(VocabularySet vocabulary) =>
        DescribeAll().Select(d => d with
        {
            Ports = d.Ports.Select(p => p with { DisplayName = vocabulary.PortLabel(p.Name) }).ToList(),
            Inputs = d.Inputs.Select(i => i.Options is null ? i : i with
            {
                Options = i.Options.Select(o => o with { Label = OptionLabel(vocabulary, o.Value) }).ToList(),
            }).ToList(),
        }).ToList();

    private static string OptionLabel(VocabularySet vocabulary, string code) =>
        vocabulary.Stages.TryGetValue(code, out var stage) ? stage.Name
        : vocabulary.EmploymentTypes.TryGetValue(code, out var employment) ? employment.Name
        : vocabulary.PortLabel(code);

    public ActivityDescriptor? Describe(string typeName) => _types.TryGetValue(typeName, out var t) ? Metadata(t).Descriptor : null;

    /// <summary>An instance for the activity, its inputs bound; null for an unknown type.</summary>
    public Activity? Create(ActivityNode node)
    {
        if (!_types.TryGetValue(node.Type, out var type)) return null;
        var (descriptor, inputs) = Metadata(type);
        var activity = (Activity)Activator.CreateInstance(type)!;
        activity.Node = node;
        activity.Descriptor = descriptor;
        foreach (var input in inputs)
            input.Bind(activity, ExpressionModel.FromInputJson(node.Json[input.Name]));
        return activity;
    }

    /// <summary>Names of the inputs the definition gives for the activity, with their expressions (for the validator).</summary>
    public IEnumerable<(InputDescriptor Input, ExpressionModel? Expression)> InputsOf(ActivityNode node)
    {
        if (!_types.TryGetValue(node.Type, out var type)) yield break;
        foreach (var input in Metadata(type).Descriptor.Inputs)
            yield return (input, ExpressionModel.FromInputJson(node.Json[input.Name]));
    }

    private (ActivityDescriptor Descriptor, List<BoundInput> Inputs) Metadata(Type type) => _metadata.GetOrAdd(type, t =>
    {
        var attribute = t.GetCustomAttribute<ActivityAttribute>()!;
        var prototype = (Activity)Activator.CreateInstance(t)!;
        var inputs = t.GetProperties()
            .Where(p => p.GetCustomAttribute<InputAttribute>() is not null && p.PropertyType.IsGenericType &&
                        p.PropertyType.GetGenericTypeDefinition() == typeof(Input<>))
            .Select(p => new BoundInput(p, CamelCase(p.Name)))
            .ToList();
        var descriptor = new ActivityDescriptor(
            attribute.TypeName, attribute.DisplayName, attribute.Category, attribute.Description,
            attribute.Ports.Select(port => new PortDescriptor(port, Vocabulary.PortLabel(port))).ToList(),
            attribute.PortsFromInput,
            inputs.Select(i => i.Describe(prototype)).ToList(),
            attribute.IsTerminal, attribute.IsPersonStep);
        return (Descriptor: descriptor, Inputs: inputs);
    });

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private sealed class BoundInput(PropertyInfo property, string name)
    {
        public string Name { get; } = name;
        private Type ValueType => property.PropertyType.GetGenericArguments()[0];

        public void Bind(Activity activity, ExpressionModel? expression)
        {
            if (expression is null) return;
            var input = property.GetValue(activity)!;
            property.PropertyType.GetProperty(nameof(Input<int>.Expression))!.SetValue(input, expression);
        }

        public InputDescriptor Describe(Activity prototype)
        {
            var attribute = property.GetCustomAttribute<InputAttribute>()!;
            var input = property.GetValue(prototype)!;
            var defaultValue = property.PropertyType.GetProperty(nameof(Input<int>.DefaultValue))!.GetValue(input);
            var options = attribute.Options?.Select(o => new OptionDescriptor(o, Vocabulary.PortLabel(o))).ToList();
            return new InputDescriptor(Name, attribute.DisplayName, TypeNameOf(ValueType), attribute.UiHint, attribute.Required,
                defaultValue, options, attribute.Category, attribute.Description, attribute.SupportsExpressions);
        }

        private static string TypeNameOf(Type type) => type switch
        {
            _ when type == typeof(string) => "String",
            _ when type == typeof(int) => "Int32",
            _ when type == typeof(double) => "Double",
            _ when type == typeof(bool) => "Boolean",
            _ when type == typeof(TimeSpan) => "TimeSpan",
            _ when type == typeof(IReadOnlyList<string>) => "String[]",
            _ when type == typeof(Fraction) => "String",
            _ => "Object",
        };
    }
}
