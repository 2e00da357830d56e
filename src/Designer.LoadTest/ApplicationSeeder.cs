using Designer.Persistence;
using Designer.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Designer.LoadTest;

/// <summary>
/// Writes many applications straight into the server's database through the persistence layer, each a copy of one
/// the server itself ran (its instance state, journal and task rows, ids rewritten): a share waiting at the HR review (an open
/// task in the reviewer's inbox, due dates spread over the coming weeks) and the rest decided (their tasks closed),
/// created and updated over the past year. The server keeps running meanwhile: nothing of these rows is cached.
/// </summary>
public static class ApplicationSeeder
{
    private const int Batch = 2_000;

    public static async Task<int> SeedAsync(DbContextOptions<DesignerDbContext> options, string waitingTemplate, string decidedTemplate,
        int count, double waitingShare, DateTime now)
    {
        ApplicationRecord waiting, decided;
        List<TaskRecord> waitingTasks, decidedTasks;
        List<JournalEntryRecord> waitingJournal, decidedJournal;
        await using (var db = new DesignerDbContext(options))
        {
            waiting = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == waitingTemplate);
            decided = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == decidedTemplate);
            waitingTasks = await db.Tasks.AsNoTracking().Where(t => t.ApplicationId == waitingTemplate).ToListAsync();
            decidedTasks = await db.Tasks.AsNoTracking().Where(t => t.ApplicationId == decidedTemplate).ToListAsync();
            waitingJournal = await db.JournalEntries.AsNoTracking().Where(j => j.ApplicationId == waitingTemplate).ToListAsync();
            decidedJournal = await db.JournalEntries.AsNoTracking().Where(j => j.ApplicationId == decidedTemplate).ToListAsync();
        }
        var random = new Random(20241202);
        var written = 0;
        while (written < count)
        {
            await using var db = new DesignerDbContext(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var size = Math.Min(Batch, count - written);
            for (var i = 0; i < size; i++)
            {
                var number = written + i;
                var isWaiting = random.NextDouble() < waitingShare;
                var (template, tasks, journal) = isWaiting ? (waiting, waitingTasks, waitingJournal) : (decided, decidedTasks, decidedJournal);
                var id = $"seed{number:D7}{Guid.NewGuid().ToString("N")[..5]}";
                var created = now.AddDays(-random.Next(1, 365)).AddMinutes(-random.Next(0, 1440));
                var updated = created.AddDays(random.Next(0, Math.Max(1, (int)(now - created).TotalDays)));
                var name = $"种子申报人{number:D6}";
                db.Applications.Add(new ApplicationRecord
                {
                    Id = id, ApplicantUserId = $"seed-applicant-{number}", ApplicantName = name, Locality = template.Locality,
                    DefinitionId = template.DefinitionId, DefinitionVersion = template.DefinitionVersion, WorkflowName = template.WorkflowName,
                    Status = template.Status, DataJson = template.DataJson.Replace(template.ApplicantName, name),
                    StateJson = template.StateJson?.Replace(template.Id, id), Year = template.Year, Kind = template.Kind,
                    Series = template.Series, Level = template.Level, NextDueAt = null, CreatedAt = created, UpdatedAt = updated,
                    Revision = template.Revision,
                });
                foreach (var entry in journal)
                    db.JournalEntries.Add(new JournalEntryRecord
                    {
                        ApplicationId = id, Sequence = entry.Sequence, Stage = entry.Stage, Action = entry.Action, Date = entry.Date,
                        Json = entry.Json.Replace(template.ApplicantName, name),
                    });
                foreach (var task in tasks)
                {
                    var copy = Copy(task, template.Id, id, $"seed-applicant-{number}", name, created);
                    if (copy.IsOpen) copy.DueDate = random.Next(5) == 0 ? null : DateOnly.FromDateTime(now).AddDays(random.Next(-10, 60)).ToString("yyyy-MM-dd");
                    else copy.ClosedAt = updated;
                    db.Tasks.Add(copy);
                }
            }
            await db.SaveChangesAsync();
            written += size;
        }
        return written;
    }

    private static TaskRecord Copy(TaskRecord task, string fromId, string toId, string applicantUserId, string applicantName, DateTime created) => new()
    {
        Id = task.Id.Replace(fromId, toId), ApplicationId = toId, DefinitionId = task.DefinitionId, BookmarkId = task.BookmarkId,
        ActivityId = task.ActivityId, ActivityType = task.ActivityType, Kind = task.Kind, Locality = task.Locality, Stage = task.Stage,
        Title = task.Title, Org = task.Org, ResolvedOrg = task.ResolvedOrg, Role = task.Role, Committee = task.Committee,
        ActionsJson = task.ActionsJson, Form = task.Form, DueDate = task.DueDate, StartDate = task.StartDate, Subject = task.Subject,
        ApplicantUserId = applicantUserId, ApplicantName = applicantName, WorkflowName = task.WorkflowName, CreatedAt = created,
        IsOpen = task.IsOpen, ClosedBy = task.ClosedBy, ClosedAction = task.ClosedAction,
    };
}
