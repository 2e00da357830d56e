using Designer.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

/// <summary>
/// The reads of a task action (POST /api/tasks/{id}/act), compiled once (EF.CompileAsyncQuery): every action ran them
/// through EF's query pipeline again (the expression's parameters extracted, the query cache looked up), a few percent
/// of an action's CPU (issue 14). A compiled query is rebuilt by EF for another model (SQLite or PostgreSQL), so one
/// serves both providers.
/// </summary>
public static class ActionQueries
{
    /// <summary>A task by id, not tracked (what the caller may do with it is decided before anything is written).</summary>
    public static readonly Func<DesignerDbContext, string, Task<TaskRecord?>> Task =
        EF.CompileAsyncQuery((DesignerDbContext db, string id) => db.Tasks.AsNoTracking().FirstOrDefault(t => t.Id == id));

    /// <summary>An application by id, tracked for the save (its Revision is the concurrency check).</summary>
    public static readonly Func<DesignerDbContext, string, Task<ApplicationRecord?>> Application =
        EF.CompileAsyncQuery((DesignerDbContext db, string id) => db.Applications.FirstOrDefault(a => a.Id == id));

    /// <summary>The application's open task rows, tracked: the save closes those whose bookmark is gone.</summary>
    public static readonly Func<DesignerDbContext, string, IAsyncEnumerable<TaskRecord>> OpenTasks =
        EF.CompileAsyncQuery((DesignerDbContext db, string applicationId) => db.Tasks.Where(t => t.ApplicationId == applicationId && t.IsOpen));

    /// <summary>An application's stored journal entries in order, not tracked (timelines read them whole).</summary>
    public static readonly Func<DesignerDbContext, string, int, IAsyncEnumerable<string>> JournalJson =
        EF.CompileAsyncQuery((DesignerDbContext db, string applicationId, int before) => db.JournalEntries.AsNoTracking()
            .Where(j => j.ApplicationId == applicationId && j.Sequence < before).OrderBy(j => j.Sequence).Select(j => j.Json));

    /// <summary>A workflow version without its JSON (the definition comes from a cache keyed by the version's token).</summary>
    public static readonly Func<DesignerDbContext, string, int, Task<WorkflowVersionRecord?>> VersionPins =
        EF.CompileAsyncQuery((DesignerDbContext db, string definitionId, int version) => db.WorkflowVersions.AsNoTracking()
            .Where(v => v.DefinitionId == definitionId && v.Version == version)
            .Select(v => new WorkflowVersionRecord
            {
                Id = v.Id, DefinitionId = v.DefinitionId, Version = v.Version, ConcurrencyToken = v.ConcurrencyToken, FormPins = v.FormPins,
                IsLatest = v.IsLatest, IsPublished = v.IsPublished, Frozen = v.Frozen, CreatedBy = v.CreatedBy, CreatedAt = v.CreatedAt,
                UpdatedBy = v.UpdatedBy, UpdatedAt = v.UpdatedAt,
            })
            .FirstOrDefault());
}
