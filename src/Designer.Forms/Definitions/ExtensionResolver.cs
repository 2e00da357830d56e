using System.Text.Json.Nodes;
using Designer.Engine.Forms;

namespace Designer.Forms.Definitions;

/// <summary>A form with its x-extends chain merged in; Schema is null when the form cannot be resolved.</summary>
internal sealed record ResolvedForm(JsonObject? Schema, JsonObject Ui, IReadOnlyList<FieldError> Problems);

/// <summary>
/// Resolves "x-extends" chains into self-contained schemas, reporting unknown bases, cycles and bases of another
/// locality (a form extends only its own locality's forms and the shared ones, see <see cref="FormLocality"/>).
/// </summary>
internal sealed class ExtensionResolver(IReadOnlyDictionary<string, ParsedForm> forms)
{
    private static readonly string ExtendsPath = JsonPath.Property(JsonPath.Root, ParsedForm.ExtendsKeyword);
    private readonly Dictionary<string, ResolvedForm> resolved = new(StringComparer.Ordinal);

    public ResolvedForm Resolve(string id)
    {
        if (resolved.TryGetValue(id, out var done)) return done;
        var result = ResolveUncached(forms[id]);
        resolved[id] = result;
        return result;
    }

    private ResolvedForm ResolveUncached(ParsedForm form)
    {
        if (form.Schema is null) return new ResolvedForm(null, form.Ui, form.Problems);
        if (!form.DeclaresBase) return new ResolvedForm(form.Schema.DeepClone().AsObject(), form.Ui, form.Problems);

        if (BaseProblem(form) is { } problem)
            return new ResolvedForm(null, form.Ui, [.. form.Problems, new FieldError(ExtendsPath, problem)]);

        var baseForm = Resolve(form.BaseId!);
        if (baseForm.Schema is null)
        {
            var broken = $"基础表单“{form.BaseId}”的定义有误，无法合并";
            return new ResolvedForm(null, form.Ui, [.. form.Problems, new FieldError(ExtendsPath, broken)]);
        }
        return new ResolvedForm(
            SchemaMerger.Merge(baseForm.Schema, form.Schema),
            UiSchemaMerger.Merge(baseForm.Ui, form.Ui),
            form.Problems);
    }

    private string? BaseProblem(ParsedForm form)
    {
        if (form.BaseId is not { Length: > 0 } baseId) return "x-extends 必须是基础表单的 id（非空字符串）";
        // Checked before existence, so the answer never tells whether another locality has a form of that id.
        if (!FormLocality.MayUse(FormLocality.Of(form.Id), baseId))
            return $"只能扩展本地区或共享（templates/ 等）的表单，不能扩展其他地区的表单“{baseId}” (a form may extend only its own locality's or shared forms)";
        if (!forms.ContainsKey(baseId)) return $"基础表单“{baseId}”不存在";
        if (FindCycle(form.Id) is { } cycle) return $"表单扩展关系存在循环：{string.Join(" → ", cycle)}";
        return null;
    }

    /// <summary>The ids of a cycle reached by following x-extends from the form, e.g. [a, b, a]; null when there is none.</summary>
    private IReadOnlyList<string>? FindCycle(string id)
    {
        var chain = new List<string> { id };
        var current = id;
        while (forms[current].BaseId is { } next && forms.ContainsKey(next))
        {
            var seenAt = chain.IndexOf(next);
            if (seenAt >= 0) return [.. chain.Skip(seenAt), next];
            chain.Add(next);
            current = next;
        }
        return null;
    }
}
