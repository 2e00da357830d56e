using System.Text.Json.Nodes;
using Designer.Engine.Descriptors;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Titles;

/// <summary>Grants the title (or recognition) and issues its electronic certificate with a number.</summary>
[Activity("Titles.Certificate", "发证", Category = ActivityCategories.Titles,
    Description = "授予职称并生成电子证书编号：系列、级别、是否定向及适用范围。")]
public sealed class Certificate : Activity
{
    [Input("发证机构", UiHint = UiHints.OrganisationPicker, Required = true)]
    public Input<string> Issuer { get; } = new("{locality}/hr");

    [Input("系列", Description = "默认取申报系列。")]
    public Input<string> Series { get; } = new("");

    [Input("级别", Description = "默认取申报级别；初次认定可用规则表的输出。")]
    public Input<string> Level { get; } = new("");

    [Input("定向", UiHint = UiHints.Checkbox)]
    public Input<bool> Directed { get; } = new(false);

    [Input("适用范围", Description = "如 southern Xinjiang（南疆）；空为通用。")]
    public Input<string> ValidIn { get; } = new("");

    [Input("证书编号前缀")]
    public Input<string> NumberPrefix { get; } = new("ZC");

    public override void Execute(ActivityContext context)
    {
        var application = context.State.Application;
        var series = context.Get(Series) is { Length: > 0 } s ? s : application["series"].AsString() ?? "";
        var level = context.Get(Level) is { Length: > 0 } l ? l : application["level"].AsString() ?? "";
        var number = $"{context.Get(NumberPrefix)}-{context.Today.Year}-{context.Services.CertificateNumbers.Serial(context.State.InstanceId, Id)}";
        var validIn = context.Get(ValidIn);
        context.State.Granted = new JsonObject
        {
            ["series"] = series,
            ["level"] = level,
            ["directed"] = context.Get(Directed),
            ["validIn"] = string.IsNullOrEmpty(validIn) ? null : validIn,
            ["number"] = number,
            ["issuedOn"] = context.Today.ToString("yyyy-MM-dd"),
            ["holder"] = application["name"]?.DeepClone(),
        };
        var issuer = context.ResolveLocality(context.Get(Issuer));
        context.Record("certificate", new Assignee(issuer, "system"), "approve", new ResumeInput(Data: new JsonObject { ["number"] = number }));
        context.Complete("Done");
    }
}
