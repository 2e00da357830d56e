using System.Text.Json.Nodes;
using Designer.Engine.Calendar;
using Designer.Engine.Model;

namespace Designer.Engine.Runtime;

/// <summary>Why a submission is refused before the procedure starts: the JSON path it concerns and the message.</summary>
public sealed record SubmissionRefusal(string Path, string Message)
{
    /// <summary>The window that is closed, when that is the reason.</summary>
    public ApplicationWindow? Window { get; init; }
}

/// <summary>
/// What the server, the portal and the simulator check alike when an application is submitted: that its data lies
/// inside the procedure's declared scope, and that a published application window is open for it.
/// </summary>
public static class SubmissionCheck
{
    public static IReadOnlyList<SubmissionRefusal> Refusals(WorkflowDefinition definition, JsonObject application, DateOnly date, CalendarInForce calendar)
    {
        var refusals = definition.Scope.Violations(application).Select(v => new SubmissionRefusal(v.Path, v.Message)).ToList();
        var verdict = calendar.Check(definition.Locality, application, date);
        if (!verdict.Open) refusals.Add(new SubmissionRefusal("$", verdict.Message) { Window = verdict.Window });
        return refusals;
    }
}
