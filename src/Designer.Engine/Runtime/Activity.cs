using Designer.Engine.Descriptors;
using Designer.Engine.Model;

namespace Designer.Engine.Runtime;

/// <summary>
/// Base of every activity type. A subclass declares [Activity] metadata and [Input] properties of type Input&lt;T&gt;;
/// one instance is made per activity of a definition, with its inputs bound from the definition JSON.
/// </summary>
public abstract class Activity
{
    public ActivityNode Node { get; internal set; } = null!;
    public ActivityDescriptor Descriptor { get; internal set; } = null!;
    public string Id => Node.Id;

    /// <summary>The activity's name for people: its displayText or name, else its type's name (never its bare id).</summary>
    public string Label => Node.Label is var label && label != Id ? label : Descriptor?.DisplayName ?? Id;

    public abstract void Execute(ActivityContext context);

    /// <summary>Called when a bookmark of this activity is resumed. Validate before changing any state.</summary>
    public virtual void Resume(ActivityContext context, Bookmark bookmark, ResumeInput input) =>
        context.Complete(GetPorts().FirstOrDefault() ?? "Done");

    /// <summary>The outbound ports this activity offers, as configured.</summary>
    public virtual IReadOnlyList<string> GetPorts() => Descriptor.Ports.Select(p => p.Name).ToList();

    /// <summary>Problems in this activity's configuration beyond "required input missing" (the validator adds them).</summary>
    public virtual IEnumerable<string> CheckConfiguration() => [];

    /// <summary>JavaScript held inside structured inputs (switch cases, rules), by input name, for the syntax check.</summary>
    public virtual IEnumerable<(string Input, string Script)> EmbeddedScripts() => [];
}

/// <summary>Raised by an activity to fault its workflow instance with a message that names what went wrong.</summary>
public sealed class ActivityFaultException(string message) : Exception(message);

/// <summary>A resume that must not happen (unknown action, invalid form data): nothing was changed.</summary>
public sealed class ResumeRejectedException(string message, IReadOnlyList<Forms.FieldError>? errors = null) : Exception(message)
{
    public IReadOnlyList<Forms.FieldError> Errors { get; } = errors ?? [];
}

public sealed class BookmarkNotFoundException(string bookmarkId)
    : Exception($"找不到待办 {bookmarkId}，可能已被处理 (bookmark {bookmarkId} not found: already acted on?)");
