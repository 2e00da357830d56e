using System.Linq.Expressions;
using Designer.Engine.Activities.Titles;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;

namespace Designer.Server.Tasks;

/// <summary>
/// <see cref="TaskAccess.IsAssignedTo"/>, <see cref="TaskAccess.CanAct"/> and <see cref="TaskAccess.CanRead"/> as
/// database filters, exactly: lists are counted and paged by the database instead of loading every candidate task.
/// The user's organisation is known here, so only the branches that can match this user reach the SQL.
/// </summary>
public static class TaskFilters
{
    /// <summary>The tasks the user may read (their own, and those of the localities they oversee).</summary>
    public static IQueryable<TaskRecord> Readable(DesignerDbContext db, CurrentUser user)
    {
        var tasks = db.Tasks.Where(t => t.Kind == BookmarkKinds.Task);
        if (user.SeesEverything) return tasks;
        var assigned = AssignedTo(user);
        if (!user.IsLocalityAdmin) return tasks.Where(assigned);
        var locality = user.Locality;
        return tasks.Where(Or(assigned, t => t.Locality == locality));
    }

    /// <summary>
    /// The open rows, as a condition an index serves: EF Core writes `t => t.IsOpen` as the bare column on SQLite, a
    /// term no index can seek on, so every task index (IsOpen first) was scanned whole, closed rows included. Compared
    /// with a parameter it is `"IsOpen" = @open`, a seek on the index's leading column.
    /// </summary>
    public static IQueryable<TaskRecord> Open(this IQueryable<TaskRecord> tasks)
    {
        var open = true;
        return tasks.Where(t => t.IsOpen == open);
    }

    /// <summary>The inbox order: soonest due first, undated last, then oldest first.</summary>
    public static IOrderedQueryable<TaskRecord> SoonestDueFirst(this IQueryable<TaskRecord> tasks) =>
        tasks.OrderBy(t => t.DueDate ?? "9999").ThenBy(t => t.CreatedAt).ThenBy(t => t.Id);

    /// <summary>The tasks the user acts on now: assigned to them and not claimed by someone else.</summary>
    public static Expression<Func<TaskRecord, bool>> ActsOn(CurrentUser user)
    {
        var userName = user.UserName;
        return And(AssignedTo(user), t => t.ClaimedBy == null || t.ClaimedBy == userName);
    }

    /// <summary>The tasks assigned to the user, claims aside (<see cref="TaskAccess.IsAssignedTo"/>).</summary>
    public static Expression<Func<TaskRecord, bool>> AssignedTo(CurrentUser user)
    {
        var (userName, id) = (user.UserName, user.Id);
        Expression<Func<TaskRecord, bool>> filter = t => t.Kind == BookmarkKinds.Task && t.AssignedUser == userName;
        if (user.IsApplicant)
            filter = Or(filter, t => t.Kind == BookmarkKinds.Task && t.AssignedUser == null &&
                                     (t.Org == "applicant" || t.Role == "applicant") && t.ApplicantUserId == id);
        if (user.IsReviewer && OrgFilter(user) is { } org && user.TaskRoles.Count > 0)
        {
            var roles = user.TaskRoles.ToList();
            var holdsDefault = user.HoldsTaskRole(null);
            filter = Or(filter, And(org, t => t.Kind == BookmarkKinds.Task && t.AssignedUser == null &&
                                              t.Org != "applicant" && t.Role != "applicant" &&
                                              (roles.Contains(t.Role) || (t.Role == "" && holdsDefault))));
        }
        return filter;
    }

    /// <summary>TaskAccess's organisation rule for this user's organisation; null when it matches no task.</summary>
    private static Expression<Func<TaskRecord, bool>>? OrgFilter(CurrentUser user)
    {
        var (org, locality, county, unit) = (user.Org, user.Locality, user.County, user.Unit);
        if (string.IsNullOrEmpty(org)) return null;
        if (org == "unit")
        {
            if (unit is null) return t => t.Org == "unit" && t.Locality == locality;
            var resolved = $"unit:{unit}";
            return t => t.Org == "unit" && t.Locality == locality && t.ResolvedOrg == resolved;
        }
        if (PersonStep.IsCountyDepartment(org))
        {
            if (county is null) return t => t.Org == org && t.Locality == locality;
            var resolved = $"{org}:{county}";
            return t => t.Org == org && t.Locality == locality && t.ResolvedOrg == resolved;
        }
        Expression<Func<TaskRecord, bool>> own = t => t.Org == org;
        if (TaskAccess.CountyBureauDepartment(user) is not { } bureau) return own;
        var (bureauOrg, byCode, byName) = (bureau.Org, $"{bureau.Org}:{bureau.County}", $"{bureau.Org}:{county}");
        return Or(own, t => t.Org == bureauOrg && t.Locality == locality &&
                            (t.ResolvedOrg == byCode || (county != null && t.ResolvedOrg == byName)));
    }

    private static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Combine(left, right, Expression.OrElse);

    private static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Combine(left, right, Expression.AndAlso);

    private static Expression<Func<T, bool>> Combine<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right,
        Func<Expression, Expression, BinaryExpression> join)
    {
        var parameter = left.Parameters[0];
        var body = new Rebind(right.Parameters[0], parameter).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(join(left.Body, body), parameter);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
