using System.Text.Json.Nodes;
using Designer.Engine.Descriptors;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Titles;

/// <summary>
/// 核准备案自主评审: the HR bureau's decision that the applying unit (the application's `unit`) may evaluate its own
/// staff. The engine only records the decision (<see cref="WorkflowInstanceState.UnitApproval"/>: unit, reference,
/// date, registrar); when the instance completes the host writes it to the unit's record in its organisation registry,
/// which the unit's staff's procedures read (`applicant.unitRecord.autonomousEvaluation`). A run that ends otherwise
/// changes nothing.
/// </summary>
[Activity("Titles.UnitApproval", "核准单位自主评审", Category = ActivityCategories.Titles,
    Description = "人社部门核准备案申请单位开展自主评审：办结通过后在机构登记中记为“经核准自主评审”，写明批复文号和日期；本单位人员此后的申报按自主评审办理。")]
public sealed class UnitApproval : Activity
{
    [Input("批复文号", Required = true, Description = "核准备案的文件编号，如核准表单的 documentNumber；记入机构登记。")]
    public Input<string> Reference { get; } = new("");

    [Input("核准机构", UiHint = UiHints.OrganisationPicker, Required = true)]
    public Input<string> Registrar { get; } = new("{locality}/hr");

    public override void Execute(ActivityContext context)
    {
        var unit = context.State.Application["unit"].AsString()?.Trim();
        if (string.IsNullOrEmpty(unit)) throw new ActivityFaultException("申请单位未填写，无从核准 (the application names no unit)");
        var reference = context.Get(Reference)?.Trim();
        if (string.IsNullOrEmpty(reference)) throw new ActivityFaultException("核准自主评审须写明批复文号 (the approval needs its reference)");
        var registrar = context.ResolveLocality(context.Get(Registrar));
        var today = context.Today.ToString("yyyy-MM-dd");
        context.State.UnitApproval = new JsonObject
        {
            ["unit"] = unit, ["autonomousEvaluation"] = true, ["reference"] = reference, ["on"] = today, ["registrar"] = registrar,
        };
        context.Record("unit-approval", new Assignee(registrar, "system"), "approve", reasons: [$"{unit} 经核准开展自主评审，批复文号 {reference}（{today}）"]);
        context.Complete("Done");
    }
}
