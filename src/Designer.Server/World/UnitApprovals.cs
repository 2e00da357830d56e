using System.Text.Json.Nodes;
using Designer.Engine.Model;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.World;

/// <summary>
/// A unit's own application for autonomous evaluation (自主评审; a procedure whose `customProperties.applicant` is
/// `unit`): the applicant is the unit's staff user, and the form's `unit` is that user's registered unit (any other is
/// refused). When such a procedure completes with the HR bureau's approval (Titles.UnitApproval), the unit's record in
/// the organisation registry is marked approved with the reference and date, in the same SaveChanges as the step, and
/// audited; the unit's staff's procedures read it from then on (`applicant.unitRecord`). A run ending otherwise changes nothing.
/// </summary>
public static class UnitApprovals
{
    public const string UnitApplicant = "unit";
    public const string AuditKind = "organisation.autonomous-evaluation";

    public static bool IsUnitProcedure(WorkflowDefinition definition) => definition.CustomProperties["applicant"].AsString() == UnitApplicant;

    /// <summary>
    /// Whether the portal lists the locality's unit procedures to the user: to staff, and to an applicant who is the staff
    /// user of a unit registered (and active) in the locality, the only applicant <see cref="RefuseOtherUnitAsync"/> admits.
    /// </summary>
    public static async Task<bool> ListsUnitProceduresAsync(DesignerDbContext db, CurrentUser user, string locality)
    {
        if (!user.IsApplicant) return true;
        if (string.IsNullOrEmpty(user.Unit)) return false;
        var (standing, unit) = await RegisteredUnits.FindAsync(db, locality, user.Unit);
        return standing == RegisteredUnits.Standing.Registered && unit!.Name == user.Unit;
    }

    /// <summary>422 on `$.unit` unless the form names the applicant's own registered unit (by name or id).</summary>
    public static async Task RefuseOtherUnitAsync(DesignerDbContext db, CurrentUser user, WorkflowDefinition definition, JsonObject data)
    {
        if (!IsUnitProcedure(definition)) return;
        if (string.IsNullOrEmpty(user.Unit))
            throw new ApiProblemException(Problems.Invalid("$.unit", "只有登记了工作单位的单位经办人可以代表单位申请 (the applicant must be a user registered at the unit)"));
        var named = data["unit"].AsString()?.Trim() ?? "";
        var (standing, unit) = await RegisteredUnits.FindAsync(db, definition.Locality, named);
        if (standing != RegisteredUnits.Standing.Registered || unit!.Name != user.Unit)
            throw new ApiProblemException(Problems.Invalid("$.unit",
                $"只能以本人登记的工作单位 {user.Unit} 申请，不能代 “{named}” 申请 (a unit applies only through its own staff)"));
        data["unit"] = unit.Name;
    }

    /// <summary>Writes a completed run's approval (if any) to the unit's registered record, with an audit entry.</summary>
    public static async Task ApplyAsync(DesignerDbContext db, AuditLog audit, ApplicationRecord application, WorkflowInstanceState state, string? actor)
    {
        if (state.Status != WorkflowStatus.Completed || state.UnitApproval is not { } approval) return;
        var named = approval["unit"].AsString();
        var unit = await db.Organisations.FirstOrDefaultAsync(o => o.Kind == OrganisationEndpoints.Kinds.Unit && o.Locality == application.Locality && (o.Name == named || o.Id == named));
        if (unit is null) return;
        var before = new JsonObject { ["autonomousEvaluation"] = unit.AutonomousEvaluation, ["reference"] = unit.AutonomousEvaluationReference, ["on"] = unit.AutonomousEvaluationOn };
        unit.AutonomousEvaluation = true;
        unit.AutonomousEvaluationReference = approval["reference"].AsString();
        unit.AutonomousEvaluationOn = approval["on"].AsString();
        audit.Record(actor ?? "system", AuditKind, $"organisation/{unit.Id}", unit.Locality,
            $"{unit.Name} 经核准开展自主评审，批复文号 {unit.AutonomousEvaluationReference}（{unit.AutonomousEvaluationOn}，申请 {application.Id}）",
            new JsonObject { ["applicationId"] = application.Id, ["approval"] = approval.DeepClone(), ["before"] = before });
    }
}
