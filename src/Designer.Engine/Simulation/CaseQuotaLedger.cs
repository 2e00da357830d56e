using System.Text.Json.Nodes;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Simulation;

/// <summary>A simulation's posts: the case's `quotas` entries (`filed: false` for a number not yet filed), unlimited for anything they do not list.</summary>
internal sealed class CaseQuotaLedger : IQuotaLedger
{
    private readonly Dictionary<(string Unit, string Kind, string Level), int> _left = new();
    private readonly HashSet<(string Unit, string Kind, string Level)> _unfiled = [];

    public CaseQuotaLedger(JsonArray quotas)
    {
        foreach (var entry in quotas.OfType<JsonObject>())
            _left[(entry["unit"].AsString() ?? "", entry["postKind"].AsString() ?? "", entry["level"].AsString() ?? "")] =
                (int)(entry["posts"].AsNumber() ?? 0);
        foreach (var entry in quotas.OfType<JsonObject>().Where(e => e["filed"] is JsonValue filed && filed.GetValueKind() == System.Text.Json.JsonValueKind.False))
            _unfiled.Add((entry["unit"].AsString() ?? "", entry["postKind"].AsString() ?? "", entry["level"].AsString() ?? ""));
    }

    public bool IsFiled(string unit, string postKind, string level) => !_unfiled.Contains((unit, postKind, level));

    public bool TryReserve(string unit, string postKind, string level, string instanceId)
    {
        if (!_left.TryGetValue((unit, postKind, level), out var left)) return true;
        if (left <= 0) return false;
        _left[(unit, postKind, level)] = left - 1;
        return true;
    }

    public void Release(string unit, string postKind, string level, string instanceId)
    {
        if (_left.TryGetValue((unit, postKind, level), out var left)) _left[(unit, postKind, level)] = left + 1;
    }
}
