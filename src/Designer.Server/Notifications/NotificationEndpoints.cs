using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Notifications;

public sealed record NotificationItem(long Id, string Kind, string Title, string Body, string? ApplicationId, string? TaskId, DateTime CreatedAt, DateTime? ReadAt);

/// <summary>A page of the caller's notifications, newest first, and how many are unread in all.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationItem> Items, int Total, int Page, int PageSize, int Unread);

public sealed record MarkReadRequest(IReadOnlyList<long>? Ids, bool All = false);

/// <summary>The caller's own notifications: nobody reads another's.</summary>
public static class NotificationEndpoints
{
    public static void MapNotifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization();
        group.MapGet("/", List);
        group.MapPost("/read", MarkRead).Fails(422);
    }

    private static async Task<Ok<NotificationPage>> List(bool? unread, int? page, int? pageSize, HttpContext http, DesignerDbContext db)
    {
        var userId = http.CurrentUser().Id;
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var unreadCount = await mine.CountAsync(n => n.ReadAt == null);
        var query = unread == true ? mine.Where(n => n.ReadAt == null) : mine;
        var paged = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).PageAsync(page, pageSize, Item);
        return TypedResults.Ok(new NotificationPage(paged.Items, paged.Total, paged.Page, paged.PageSize, unreadCount));
    }

    private static async Task<Results<Ok<NotificationPage>, ProblemHttpResult>> MarkRead(MarkReadRequest request, HttpContext http, DesignerDbContext db, Engine.Runtime.IClock clock)
    {
        if (!request.All && (request.Ids is null || request.Ids.Count == 0))
            return Problems.Invalid("$.ids", "请指定要标为已读的通知 ids，或 all: true (ids or all is required)");
        var userId = http.CurrentUser().Id;
        var ids = request.Ids ?? [];
        var rows = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null && (request.All || ids.Contains(n.Id))).ToListAsync();
        foreach (var row in rows) row.ReadAt = clock.Now.UtcDateTime;
        await db.SaveChangesAsync();
        var first = await List(null, 1, null, http, db);
        return TypedResults.Ok(first.Value!);
    }

    private static NotificationItem Item(NotificationRecord n) => new(n.Id, n.Kind, n.Title, n.Body, n.ApplicationId, n.TaskId, n.CreatedAt, n.ReadAt);
}
