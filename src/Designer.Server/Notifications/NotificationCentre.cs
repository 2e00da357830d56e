using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Applications;
using Designer.Server.Auth;
using Designer.Server.Operations;
using Designer.Server.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Notifications;

/// <summary>
/// Writes in-app notifications when an application changes, in the same unit of work as the change: a new task for
/// each person who may act on it, "returned for correction" and "in publicity" for the applicant, and the decision.
/// After the change is saved, <see cref="FlushAsync"/> hands them to the <see cref="INotificationSender"/> (SMS, e-mail).
/// </summary>
public sealed class NotificationCentre(DesignerDbContext db, IClock clock, INotificationSender sender, ILogger<NotificationCentre> logger,
    World.WorldVocabulary world)
{
    public const string NewTask = "task";
    public const string Returned = "returned";
    public const string Decided = "decided";
    public const string Publicity = "publicity";

    /// <summary>Written and not yet sent, with the recipient's contact as read when the recipient was found (no read after the commit).</summary>
    private readonly List<(NotificationRecord Record, string UserName, string? Email, string? Phone)> _pending = [];

    public async Task ApplicationChangedAsync(ApplicationRecord application, IReadOnlyList<TaskRecord> opened, string statusBefore)
    {
        foreach (var task in opened)
        {
            if (task.Kind == BookmarkKinds.Publicity)
            {
                await ToApplicantAsync(application, Publicity, "申报进入公示", $"您的申报（{application.WorkflowName}）进入{ApplicationDtos.StageName(task.Stage, world.Current)}，公示期至 {task.DueDate}。", task.Id);
                continue;
            }
            if (task.Kind != BookmarkKinds.Task) continue;
            if (TaskAccess.IsApplicantStep(task))
            {
                if (statusBefore is not ("" or ApplicationRunner.DraftStatus))
                    await ToApplicantAsync(application, Returned, "申报被退回补正", $"您的申报（{application.WorkflowName}）需要补正：{StepTitles.Of(task.Title, task.ActivityId, task.Stage, world.Current, task.ActivityType)}" + Due(task), task.Id);
                continue;
            }
            // All active users: a step may belong to an organisation of another locality (a regional bureau).
            foreach (var user in (await UsersAsync(task)).Where(u => TaskAccess.IsAssignedTo(u, task)))
                Add(user, application, NewTask, $"新待办：{ApplicationDtos.StageName(task.Stage, world.Current)}",
                    $"{application.ApplicantName} 的申报（{application.WorkflowName}）待您办理：{StepTitles.Of(task.Title, task.ActivityId, task.Stage, world.Current, task.ActivityType)}" + Due(task), task.Id);
        }
        var finished = Enum.TryParse<WorkflowStatus>(application.Status, out var status) && status.IsFinal() &&
                       !(Enum.TryParse<WorkflowStatus>(statusBefore, out var before) && before.IsFinal());
        if (finished && status is not WorkflowStatus.Withdrawn)
            await ToApplicantAsync(application, Decided, "申报已办结", $"您的申报（{application.WorkflowName}）已办结：{Outcome(status)}。", null);
    }

    /// <summary>A task reassigned to people who did not have it before.</summary>
    public async Task TaskReassignedAsync(ApplicationRecord application, TaskRecord task)
    {
        foreach (var user in (await UsersAsync(task)).Where(u => TaskAccess.IsAssignedTo(u, task)))
            Add(user, application, NewTask, $"改派待办：{ApplicationDtos.StageName(task.Stage, world.Current)}",
                $"{application.ApplicantName} 的申报（{application.WorkflowName}）改派给您办理：{StepTitles.Of(task.Title, task.ActivityId, task.Stage, world.Current, task.ActivityType)}" + Due(task), task.Id);
    }

    /// <summary>A completed result declared void (未按规定程序…结果无效): the applicant is told why.</summary>
    public Task ResultInvalidatedAsync(ApplicationRecord application, string reason) =>
        ToApplicantAsync(application, Decided, "评审结果无效", $"您的申报（{application.WorkflowName}）的推荐、评审结果已宣布无效，证书撤销。{reason}", null);

    /// <summary>
    /// While held (several applications saved in one transaction), nothing is sent: the transaction may still roll
    /// back. Release it after the commit and flush.
    /// </summary>
    public bool Held { get; set; }

    /// <summary>Sends what was written, once it is saved. A failing gateway loses no in-app notification.</summary>
    public async Task FlushAsync()
    {
        if (Held) return;
        var pending = _pending.ToList();
        _pending.Clear();
        foreach (var (record, userName, email, phone) in pending)
        {
            try
            {
                await sender.SendAsync(new OutgoingNotification(userName, email, phone, record.Kind, record.Title, record.Body));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sending notification {Id} to {UserName} failed", record.Id, userName);
            }
        }
    }

    private async Task ToApplicantAsync(ApplicationRecord application, string kind, string title, string body, string? taskId)
    {
        var applicant = await db.Users.AsNoTracking().Where(u => u.Id == application.ApplicantUserId)
            .Select(u => new { u.UserName, u.Email, u.PhoneNumber }).FirstOrDefaultAsync();
        if (applicant?.UserName is { } userName)
            Add(application.ApplicantUserId, userName, applicant.Email, applicant.PhoneNumber, application, kind, title, body, taskId);
    }

    private void Add(CurrentUser user, ApplicationRecord application, string kind, string title, string body, string? taskId) =>
        Add(user.Id, user.UserName, user.Email, user.Phone, application, kind, title, body, taskId);

    private void Add(string userId, string userName, string? email, string? phone, ApplicationRecord application, string kind, string title, string body, string? taskId)
    {
        var record = new NotificationRecord
        {
            UserId = userId, Kind = kind, Title = title, Body = body, ApplicationId = application.Id, TaskId = taskId, CreatedAt = clock.Now.UtcDateTime,
        };
        db.Notifications.Add(record);
        _pending.Add((record, userName, email, phone));
    }

    /// <summary>The active users who may be assigned the task (TaskAccess.IsAssignedTo decides), read by its organisation, not all of them.</summary>
    private async Task<List<CurrentUser>> UsersAsync(TaskRecord task) =>
        await ActiveUsers.LoadAsync(db, clock.Now, candidates: ActiveUsers.CandidatesFor(task));

    private static string Due(TaskRecord task) => task.DueDate is { } due ? $"（{due} 前办理）" : "";

    private static string Outcome(WorkflowStatus status) => status switch
    {
        WorkflowStatus.Completed => "通过",
        WorkflowStatus.Rejected => "未通过",
        WorkflowStatus.Cancelled => "已终止",
        _ => "流程出错，已转运行监控处理",
    };
}
