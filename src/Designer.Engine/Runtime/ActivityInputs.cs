using System.Reflection;
using Designer.Engine.Descriptors;

namespace Designer.Engine.Runtime;

/// <summary>The inputs of an activity instance by their JSON names, for checks that don't care about their types.</summary>
public static class ActivityInputs
{
    public static IEnumerable<(string Name, InputAttribute Attribute, IInput Input)> Of(Activity activity) =>
        activity.GetType().GetProperties()
            .Where(p => p.GetCustomAttribute<InputAttribute>() is not null && typeof(IInput).IsAssignableFrom(p.PropertyType))
            .Select(p => (char.ToLowerInvariant(p.Name[0]) + p.Name[1..], p.GetCustomAttribute<InputAttribute>()!, (IInput)p.GetValue(activity)!));
}
