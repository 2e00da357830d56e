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
    /// <see cref="Readable"/> as disjoint parts, each an equality on the leading columns of one inbox index (the
    /// assigned person; the organisation and one role; the applicant; the locality), so each part comes in the inbox
    /// order from its index and the database merges them (InboxPage) instead of sorting every match.
    /// </summary>
    public static IReadOnlyList<Expression<Func<TaskRecord, bool>>> ReadableParts(CurrentUser user)
    {
        if (user.SeesEverything) return [t => t.Kind == BookmarkKinds.Task];
        var assigned = AssignedParts(user);
        if (!user.IsLocalityAdmin) return assigned;
        var locality = user.Locality;
        return [t => t.Kind == BookmarkKinds.Task && t.Locality == locality, .. assigned.Select(part => And(part, t => t.Locality != locality))];
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

    /// <summary>The tasks the user acts on now: assigned to them and not claimed by someone else.</summary>
    public static Expression<Func<TaskRecord, bool>> ActsOn(CurrentUser user)
    {
        var userName = user.UserName;
        return And(AssignedTo(user), t => t.ClaimedBy == null || t.ClaimedBy == userName);
    }

    /// <summary>The tasks assigned to the user, claims aside (<see cref="TaskAccess.IsAssignedTo"/>).</summary>
    public static Expression<Func<TaskRecord, bool>> AssignedTo(CurrentUser user) => AssignedParts(user).Aggregate(Or);

    /// <summary>
    /// <see cref="AssignedTo"/> as disjoint parts: the tasks reassigned to the user by name; the applicant's steps of
    /// their own applications; per organisation and per role held, the reviewer steps of that role.
    /// </summary>
    private static List<Expression<Func<TaskRecord, bool>>> AssignedParts(CurrentUser user)
    {
        var (userName, id) = (user.UserName, user.Id);
        List<Expression<Func<TaskRecord, bool>>> parts = [t => t.Kind == BookmarkKinds.Task && t.AssignedUser == userName];
        if (user.IsApplicant)
            parts.Add(t => t.Kind == BookmarkKinds.Task && t.AssignedUser == null &&
                           (t.Org == "applicant" || t.Role == "applicant") && t.ApplicantUserId == id);
        if (user.IsReviewer && user.TaskRoles.Count > 0)
        {
            // A step without a role ("") belongs to holders of the organisation's default role.
            var roles = user.TaskRoles.Append(user.HoldsTaskRole(null) ? "" : null).OfType<string>().Where(r => r != "applicant").Distinct();
            foreach (var org in OrgParts(user))
            foreach (var role in roles)
                parts.Add(And(org, t => t.Kind == BookmarkKinds.Task && t.AssignedUser == null &&
                                        t.Org != "applicant" && t.Role != "applicant" && t.Role == role));
        }
        return parts;
    }

    /// <summary>TaskAccess's organisation rule for this user's organisation, as disjoint parts (none when it matches no task).</summary>
    private static List<Expression<Func<TaskRecord, bool>>> OrgParts(CurrentUser user)
    {
        var (org, locality, county, unit) = (user.Org, user.Locality, user.County, user.Unit);
        if (string.IsNullOrEmpty(org)) return [];
        if (org == "unit")
        {
            if (unit is null) return [t => t.Org == "unit" && t.Locality == locality];
            var resolved = $"unit:{unit}";
            return [t => t.Org == "unit" && t.Locality == locality && t.ResolvedOrg == resolved];
        }
        if (PersonStep.IsCountyDepartment(org))
        {
            if (county is null) return [t => t.Org == org && t.Locality == locality];
            var resolved = $"{org}:{county}";
            return [t => t.Org == org && t.Locality == locality && t.ResolvedOrg == resolved];
        }
        List<Expression<Func<TaskRecord, bool>>> own = [t => t.Org == org];
        if (TaskAccess.CountyBureauDepartment(user) is not { } bureau || bureau.Org == org) return own;
        var (bureauOrg, byCode, byName) = (bureau.Org, $"{bureau.Org}:{bureau.County}", $"{bureau.Org}:{county}");
        return [.. own, t => t.Org == bureauOrg && t.Locality == locality &&
                             (t.ResolvedOrg == byCode || (county != null && t.ResolvedOrg == byName))];
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
