using System.Text.Json.Nodes;
using Designer.Engine.Model;

namespace Designer.Engine.Runtime;

/// <summary>A queued activity execution. ViaBackward marks a loop's back edge (it does not count as a forward visit).</summary>
public sealed record WorkItem(string ActivityId, bool ViaBackward = false);

/// <summary>A title obtained in <paramref name="Year"/> (of <paramref name="Series"/>, or any) that the procedure decided to cancel, and why.</summary>
public sealed record TitleRevocation(int Year, string? Series, string Reason);

/// <summary>Join bookkeeping of one flowchart: how often each activity and connection was visited and followed.</summary>
public sealed class FlowScopeState
{
    public Dictionary<string, int> ActivityVisits { get; set; } = new();
    public Dictionary<string, ConnectionVisit> ConnectionVisits { get; set; } = new();
    /// <summary>WaitAny/Race joins already fired in their current round.</summary>
    public HashSet<string> FiredJoins { get; set; } = [];
}

public sealed class ConnectionVisit
{
    public int Visits { get; set; }
    public bool LastFollowed { get; set; }
}

public sealed class FaultInfo
{
    public string ActivityId { get; set; } = "";
    public string Message { get; set; } = "";
}

/// <summary>
/// Everything about one running instance. Plain data: it serialises to JSON (ToJson/FromJson) and resumes in
/// another process against the same definition version.
/// </summary>
public sealed class WorkflowInstanceState
{
    public string InstanceId { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string Locality { get; set; } = "";
    public WorkflowStatus Status { get; set; } = WorkflowStatus.Running;
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The application's data (the apply form), visible to expressions as `application`.</summary>
    public JsonObject Application { get; set; } = [];
    /// <summary>The applicant's other applications, visible as `history` (eligibility rules read it).</summary>
    public JsonArray History { get; set; } = [];
    /// <summary>
    /// The applicant's record when the application started: {titles, educationHours, integrity} (ApplicantRecord).
    /// Scripts see it merged into `applicant`.
    /// </summary>
    public JsonObject Record { get; set; } = [];
    /// <summary>The latest data submitted at each stage, visible as `forms`.</summary>
    public JsonObject Forms { get; set; } = [];
    public Dictionary<string, JsonNode?> Variables { get; set; } = new();

    public List<WorkItem> Queue { get; set; } = [];
    public List<Bookmark> Bookmarks { get; set; } = [];
    public Dictionary<string, FlowScopeState> FlowScopes { get; set; } = new();
    /// <summary>
    /// The steps recorded and not yet stored apart. The engine only appends; a host that stores the journal by rows (the
    /// server) takes the new entries after each change and keeps only their number (JournalIndex.Stored).
    /// </summary>
    public List<JournalEntry> Journal { get; set; } = [];
    /// <summary>What the engine needs of the whole journal (dates per stage), kept by ActivityContext.Record.</summary>
    public JournalIndex JournalIndex { get; set; } = new();
    public List<Notification> Notifications { get; set; } = [];
    /// <summary>The title or recognition granted, when a certificate step ran.</summary>
    public JsonObject? Granted { get; set; }
    /// <summary>A finding to write to the applicant's integrity record (a Conclude step that found fraud), else null.</summary>
    public string? IntegrityFinding { get; set; }
    /// <summary>
    /// Changes to titles the applicant holds (Titles.TitleStatus: lapsed, reevaluate), each
    /// {series, level, obtainedOn, certificateNumber, status, reason, on}; the host writes them to its register when the instance completes.
    /// </summary>
    public JsonArray TitleChanges { get; set; } = [];
    /// <summary>Titles obtained elsewhere that the procedure decided to cancel (Titles.RevokeTitle); the host revokes them when the instance ends.</summary>
    public List<TitleRevocation> Revocations { get; set; } = [];
    /// <summary>
    /// The HR bureau's approval of the applying unit for autonomous evaluation (Titles.UnitApproval), {unit,
    /// autonomousEvaluation, reference, on, registrar}, else null; the host writes it to its organisation registry when the instance completes.
    /// </summary>
    public JsonObject? UnitApproval { get; set; }
    public FaultInfo? Fault { get; set; }
    public long Sequence { get; set; }

    public string ToJson() => JsonText.Serialize(this, indented: false);
    public static WorkflowInstanceState FromJson(string json)
    {
        var state = JsonText.Deserialize<WorkflowInstanceState>(json) ?? throw new ArgumentException("empty instance state");
        if (state.JournalIndex.LastStage is null && state.Journal.Count > 0) state.JournalIndex = JournalIndex.Of(state.Journal);
        return state;
    }

    /// <summary>Takes the entries recorded since the host last stored the journal (numbered from JournalIndex.Stored on).</summary>
    public List<JournalEntry> TakeNewJournalEntries()
    {
        var taken = Journal;
        Journal = [];
        JournalIndex.Stored += taken.Count;
        return taken;
    }
    public WorkflowInstanceState Clone() => FromJson(ToJson());

    internal string NextId(string prefix) => $"{prefix}-{++Sequence}";
}
