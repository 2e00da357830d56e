using System.Text.Json.Nodes;
using Designer.Server.Applications;

namespace Designer.Server.Tasks;

/// <summary>A task opened to act on: the application, its timeline and the form the step asks for.</summary>
public sealed record TaskDetail(
    TaskSummary Task, bool CanAct, string? Instructions, ApplicationDetail Application, IReadOnlyList<TimelineEntry> Timeline, TaskForm? Form);

public sealed record TaskForm(string FormId, JsonNode? Schema, JsonNode? UiSchema);
