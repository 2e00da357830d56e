using System.Linq.Expressions;
using Designer.Server.Hosting;

namespace Designer.Server.Auth;

/// <summary>The staff lists' rule: who sees everything reads every row; a locality's admins and reviewers read their locality's.</summary>
public static class StaffScope
{
    /// <exception cref="ApiProblemException">403 with <paramref name="refusal"/> for anyone else (an applicant).</exception>
    public static IQueryable<T> ForStaff<T>(this IQueryable<T> rows, CurrentUser user, Expression<Func<T, bool>> ofOwnLocality, string refusal)
    {
        if (user.SeesEverything) return rows;
        if (!user.IsLocalityAdmin && !user.IsReviewer) throw new ApiProblemException(Problems.Forbidden(refusal));
        return rows.Where(ofOwnLocality);
    }
}
