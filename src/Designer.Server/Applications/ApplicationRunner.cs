using System.Text.Json.Nodes;
using Designer.Engine.Forms;
using Designer.Engine.Model;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Forms;
using Designer.Server.Hosting;
using Designer.Server.Record;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Applications;

/// <summary>
/// Runs applications' workflow instances: start, resume a bookmark, fire due timers. Every change is saved in one
/// SaveChanges with the application's Revision checked, so two writers of the same application never both win;
/// on SQLite concurrent saves are committed together (GroupCommit), each answered once durable.
/// </summary>
public sealed class ApplicationRunner(DesignerDbContext db, EngineHost.EngineHost host, FormCatalogs forms, IClock clock, ApplicationAudit audit,
    Notifications.NotificationCentre notifications, GroupCommit commits, AuditLog log)
{
    public const string DraftStatus = "Draft";
    private static readonly string[] ApplyActions = ["approve", "submit", "pass"];

    private DateTime Now => clock.Now.UtcDateTime;

    public sealed record Loaded(WorkflowDefinition Definition, IFormCatalog Forms, WorkflowVersionRecord Version);

    /// <summary>
    /// The pinned definition and forms of a version, from caches keyed by the version's token (a saved version's JSON
    /// changes only with it): the version's JSON is read only the first time. The record's Json is empty when cached.
    /// </summary>
    public async Task<Loaded> LoadAsync(string definitionId, int version)
    {
        var record = await ActionQueries.VersionPins(db, definitionId, version)
            ?? throw new ApiProblemException(Problems.NotFound($"流程 {definitionId} 版本 {version} 不存在"));
        var definition = host.CachedDefinition(record.DefinitionId, record.Version, record.ConcurrencyToken);
        if (definition is null)
        {
            var json = await db.WorkflowVersions.AsNoTracking().Where(v => v.Id == record.Id).Select(v => v.Json).FirstAsync();
            definition = host.Definition(record.DefinitionId, record.Version, record.ConcurrencyToken, json);
        }
        return new Loaded(definition, await forms.PinnedAsync(db, record.FormPins), record);
    }

    /// <summary>
    /// Starts the workflow with the application data and completes its "apply" step with the same data, so the
    /// step's form validates it. Nothing is saved when the data is rejected (422).
    /// </summary>
    public async Task<ApplicationRecord> SubmitAsync(CurrentUser user, WorkflowVersionRecord version, JsonObject data, ApplicationRecord? draft)
    {
        var loaded = await LoadAsync(version.DefinitionId, version.Version);
        var engine = host.Engine(loaded.Forms, new DbQuotaLedger(db));
        var id = draft?.Id ?? NewId();
        if (FormCatalogs.ApplyForm(loaded.Definition) is { } applyForm && loaded.Forms.Exists(applyForm) &&
            loaded.Forms.Validate(applyForm, data) is { Count: > 0 } formErrors)
            throw new ApiProblemException(Problems.FormErrors(formErrors));

        RefuseOutsideScopeOrWindow(loaded.Definition, data);
        await World.UnitApprovals.RefuseOtherUnitAsync(db, user, loaded.Definition, data);
        await World.RegisteredUnits.RefuseUnregisteredAsync(db, host.Vocabulary, loaded.Definition.Locality, data, loaded.Definition.AcceptsUnitsElsewhere);
        var state = engine.Start(loaded.Definition,
            new StartRequest(id, data, await HistoryAsync(user.Id, id), Record: await RecordService.ForEngineAsync(db, user.UserName, data["unit"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? data["unit"]!.GetValue<string>() : null, loaded.Definition.Locality)));
        var apply = state.Bookmarks.FirstOrDefault(b => b.Kind == BookmarkKinds.Task && b.Stage == "apply");
        if (apply is not null)
        {
            var action = ApplyActions.FirstOrDefault(apply.Actions.Contains) ?? apply.Actions.FirstOrDefault() ?? "approve";
            state = Resume(engine, loaded.Definition, state, apply.Id, new ResumeInput(action, data.DeepClone(), user.UserName));
        }

        var application = draft ?? new ApplicationRecord { Id = id, ApplicantUserId = user.Id, CreatedAt = Now };
        application.DefinitionId = version.DefinitionId;
        application.DefinitionVersion = version.Version;
        application.WorkflowName = loaded.Definition.Name;
        application.Locality = loaded.Definition.Locality;
        if (draft is null) db.Applications.Add(application);
        await PersistAsync(application, loaded.Definition, state, user.UserName, apply?.Id, apply is null ? null : "submit");
        return application;
    }

    /// <summary>422 naming each field outside the procedure's scope, or the closed window with its dates (as the simulator refuses).</summary>
    private void RefuseOutsideScopeOrWindow(WorkflowDefinition definition, JsonObject data)
    {
        var refusals = SubmissionCheck.Refusals(definition, data, ChinaTime.DateOf(clock.Now), host.CalendarInForce);
        if (refusals.Count == 0) return;
        var window = refusals.FirstOrDefault(r => r.Window is not null)?.Window;
        var detail = window is not null && refusals.Count == 1
            ? refusals[0].Message
            : $"申报不在本流程的适用范围或申报时间内 (the application is outside the procedure's scope or window): {string.Join("；", refusals.Select(r => r.Message))}";
        var problem = Problems.FormErrors(refusals.Select(r => new FieldError(r.Path, r.Message)), detail);
        if (window is not null && problem.ProblemDetails.Extensions is { } extensions)
            extensions["window"] = new { window.Id, window.Name, Opens = window.Opens.ToString("yyyy-MM-dd"), Closes = window.Closes.ToString("yyyy-MM-dd") };
        throw new ApiProblemException(problem);
    }

    public async Task<ApplicationRecord> SaveDraftAsync(CurrentUser user, WorkflowVersionRecord version, JsonObject data, ApplicationRecord? draft)
    {
        var definition = (await LoadAsync(version.DefinitionId, version.Version)).Definition;
        var application = draft ?? new ApplicationRecord
        {
            Id = NewId(), ApplicantUserId = user.Id, CreatedAt = Now, Status = DraftStatus, DefinitionId = version.DefinitionId,
            DefinitionVersion = version.Version, Locality = definition.Locality, WorkflowName = definition.Name,
        };
        if (draft is null) db.Applications.Add(application);
        Describe(application, data);
        application.UpdatedAt = Now;
        application.Revision++;
        await SaveAsync();
        return application;
    }

    /// <summary>Acts on a bookmark. 409 when it is gone (acted on already) or someone else wrote first; 422 when rejected.</summary>
    /// auditDetails: what the audit entry keeps besides the step (a batch recommendation's batch and rank).
    public async Task<WorkflowInstanceState> ActAsync(ApplicationRecord application, string bookmarkId, ResumeInput input, JsonObject? auditDetails = null)
    {
        var loaded = await LoadAsync(application.DefinitionId, application.DefinitionVersion);
        var engine = host.Engine(loaded.Forms, new DbQuotaLedger(db));
        var state = Resume(engine, loaded.Definition, StateOf(application), bookmarkId, input);
        await PersistAsync(application, loaded.Definition, state, input.Actor, bookmarkId, input.Action, auditDetails: auditDetails);
        return state;
    }

    /// <summary>
    /// Fires the application's due timers. False when none was due or another writer saved the application first
    /// (then the sweep looks at it again next time, against the state that writer left).
    /// </summary>
    public async Task<bool> FireDueTimersAsync(ApplicationRecord application)
    {
        var loaded = await LoadAsync(application.DefinitionId, application.DefinitionVersion);
        var engine = host.Engine(loaded.Forms, new DbQuotaLedger(db));
        var state = StateOf(application);
        var waitingBefore = state.Bookmarks.Select(b => b.Id).ToList();
        state = engine.FireDueTimers(loaded.Definition, state);
        if (waitingBefore.All(id => state.Bookmarks.Any(after => after.Id == id))) return false;
        try
        {
            await PersistAsync(application, loaded.Definition, state, "system", null, "timer");
            return true;
        }
        catch (ApiProblemException)
        {
            return false;
        }
    }

    /// <summary>
    /// An operator's (or the applicant's) change to the instance outside its own steps: retry, move, cancel, withdraw.
    /// Saved like any step (revision checked, task rows synced) but audited as the given operation with its reason.
    /// </summary>
    public async Task<WorkflowInstanceState> OperateAsync(ApplicationRecord application, CurrentUser user, Operation operation,
        Func<WorkflowEngine, WorkflowDefinition, WorkflowInstanceState, WorkflowInstanceState> change)
    {
        var loaded = await LoadAsync(application.DefinitionId, application.DefinitionVersion);
        var engine = host.Engine(loaded.Forms, new DbQuotaLedger(db));
        var state = change(engine, loaded.Definition, StateOf(application));
        await PersistAsync(application, loaded.Definition, state, user.UserName, null, operation.ClosesTasksAs, operation);
        return state;
    }

    /// <summary>What an operation is recorded as: its audit kind, the reason given, details for the entry, how open tasks close.</summary>
    public sealed record Operation(string Kind, string Reason, string Summary, JsonObject Details, string ClosesTasksAs);

    public static WorkflowInstanceState StateOf(ApplicationRecord application) =>
        WorkflowInstanceState.FromJson(application.StateJson ?? throw new ApiProblemException(Problems.Conflict("申报尚未提交 (the application is a draft)")));

    private static WorkflowInstanceState Resume(WorkflowEngine engine, WorkflowDefinition definition, WorkflowInstanceState state, string bookmarkId, ResumeInput input)
    {
        try { return engine.Resume(definition, state, bookmarkId, input); }
        catch (BookmarkNotFoundException e) { throw new ApiProblemException(Problems.Conflict(e.Message)); }
        catch (ResumeRejectedException e)
        {
            throw new ApiProblemException(e.Errors.Count > 0 ? Problems.FormErrors(e.Errors, e.Message) : Problems.Invalid("$.action", e.Message));
        }
    }

    /// <summary>
    /// The applicant's other submitted applications, as the engine's `history`, each with its status and, when
    /// rejected, the stage that rejected it (`rejectedAt`): the Eligibility step decides which count towards one
    /// qualification per year (withdrawn ones and those rejected at the automatic check do not, by default).
    /// </summary>
    private async Task<JsonArray> HistoryAsync(string applicantUserId, string exceptId)
    {
        var others = await db.Applications.AsNoTracking()
            .Where(a => a.ApplicantUserId == applicantUserId && a.Id != exceptId && a.Status != DraftStatus && a.Status != nameof(WorkflowStatus.Faulted))
            .Select(a => new { a.Year, a.Kind, a.Series, a.Level, a.Status, a.DefinitionId, StateJson = a.Status == nameof(WorkflowStatus.Rejected) ? a.StateJson : null })
            .ToListAsync();
        return new JsonArray([.. others.Select(a => (JsonNode)new JsonObject
        {
            ["year"] = a.Year, ["kind"] = a.Kind, ["series"] = a.Series, ["level"] = a.Level, ["status"] = a.Status, ["definitionId"] = a.DefinitionId,
            ["rejectedAt"] = a.StateJson is null ? null : RecordHooks.RejectedAt(WorkflowInstanceState.FromJson(a.StateJson)),
        })]);
    }

    private async Task PersistAsync(ApplicationRecord application, WorkflowDefinition definition, WorkflowInstanceState state, string? actor, string? actedBookmarkId, string? action,
        Operation? operation = null, JsonObject? auditDetails = null)
    {
        var statusBefore = application.Status;
        application.Status = state.Status == WorkflowStatus.Running ? nameof(WorkflowStatus.Waiting) : state.Status.ToString();
        Describe(application, state.Application);
        application.NextDueAt = state.Status.IsFinal() ? null : WorkflowEngine.NextDueTimer(state)?.DueAt?.UtcDateTime;
        application.UpdatedAt = Now;
        application.Revision++;
        var opened = await SyncTasksAsync(application, definition, state, actor, actedBookmarkId, operation is null ? action : operation.ClosesTasksAs);
        if (operation is null) audit.Changed(application, state, actor, actedBookmarkId, action, auditDetails);
        else audit.Operated(application, actor ?? "system", operation.Kind, operation.Reason, operation.Summary, operation.Details);
        await notifications.ApplicationChangedAsync(application, opened, statusBefore);
        CertificateRecord? issued = null;
        if (state.Granted?["number"].AsString() is { Length: > 0 } number && !await db.Certificates.AnyAsync(c => c.Number == number))
            db.Certificates.Add(issued = CertificateOf(application, state.Granted, number));
        await RecordHooks.AfterChangeAsync(db, application, state, issued, Now);
        await World.UnitApprovals.ApplyAsync(db, log, application, state, actor);
        // Last, once the audit has read the steps this change recorded: they become rows, the state keeps their index.
        StoredJournal.AppendNew(db, application.Id, state);
        application.StateJson = state.ToJson();
        await SaveAsync();
        await notifications.FlushAsync();
    }

    /// <summary>Closes the rows of bookmarks that are gone, adds rows for new ones (returned: the rows added).</summary>
    private async Task<List<TaskRecord>> SyncTasksAsync(ApplicationRecord application, WorkflowDefinition definition, WorkflowInstanceState state, string? actor, string? actedBookmarkId, string? action)
    {
        var rows = await ActionQueries.OpenTasks(db, application.Id).ToListAsync();
        foreach (var row in rows.Where(r => state.Bookmarks.All(b => b.Id != r.BookmarkId)))
        {
            row.IsOpen = false;
            row.ClosedAt = Now;
            row.ClosedBy = row.BookmarkId == actedBookmarkId ? actor : "system";
            row.ClosedAction = row.BookmarkId == actedBookmarkId ? action
                : actedBookmarkId is null && action is "moved" or "cancelled" or "withdrawn" ? action
                : state.Status.IsFinal() ? "cancelled" : "timer";
        }
        var opened = state.Bookmarks.Where(b => rows.All(r => r.BookmarkId != b.Id))
            .Select(bookmark => TaskRows.From(application, bookmark, Now,
                definition.ActivitiesById.TryGetValue(bookmark.ActivityId, out var node) ? node.Type : ""))
            .ToList();
        db.Tasks.AddRange(opened);
        return opened;
    }

    /// <summary>The application's open task rows as the last save left them (tracked by this request: no read).</summary>
    public IEnumerable<TaskRecord> OpenTasks(ApplicationRecord application) =>
        db.Tasks.Local.Where(t => t.ApplicationId == application.Id && t.IsOpen);

    /// <summary>Saves changes made to the application's task rows and state by an operator (reassign, claim).</summary>
    public async Task SaveTaskChangeAsync(ApplicationRecord application)
    {
        application.UpdatedAt = Now;
        application.Revision++;
        await SaveAsync();
        await notifications.FlushAsync();
    }

    private async Task SaveAsync()
    {
        try { await commits.SaveAsync(db); }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.IsUniqueViolation() && e.Entries.Any(x => x.Entity is JournalEntryRecord))
        {
            // A journal row of the same number means another writer saved the same application first, as a stale Revision does.
            throw new ApiProblemException(Problems.Conflict("该申报刚被他人处理，请刷新后重试 (the application changed concurrently)"));
        }
    }

    private void Describe(ApplicationRecord application, JsonObject data)
    {
        application.DataJson = data.ToJsonString();
        application.ApplicantName = data["name"].AsString() ?? application.ApplicantName;
        application.Kind = data["kind"].AsString();
        application.Series = data["series"].AsString();
        application.Level = data["level"].AsString();
        application.Year = ChinaTime.DateOf(clock.Now).Year;
    }

    private static CertificateRecord CertificateOf(ApplicationRecord application, JsonObject granted, string number) => new()
    {
        Number = number, ApplicationId = application.Id, Locality = application.Locality,
        Holder = granted["holder"].AsString() ?? application.ApplicantName, Series = granted["series"].AsString() ?? "",
        Level = granted["level"].AsString() ?? "", Directed = granted["directed"] is JsonValue d && d.TryGetValue<bool>(out var directed) && directed,
        ValidIn = granted["validIn"].AsString(), IssuedOn = granted["issuedOn"].AsString() ?? "",
        Replaces = granted["replaces"].AsString(),
        ReplacementReason = granted["replaces"] is null ? null : $"补（换）发：申请 {application.Id}",
    };

    private static string NewId() => Guid.NewGuid().ToString("N")[..16];
}
