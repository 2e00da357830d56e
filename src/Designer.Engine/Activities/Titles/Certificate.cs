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

    [Input("补换发的原证书编号", Description = "补（换）发：申报人登记册中原证书的编号（如申报表的 certificateNumber）。新证书沿用原职称的系列、级别、定向与适用范围，原证书由新证书取代。")]
    public Input<string> Replaces { get; } = new("");

    [Input("职称取得日期", Description = "默认为发证日；确认外地取得的职称时取原取得日期（如申报表的 obtainedOn），任职年限从该日算起。")]
    public Input<string> ObtainedOn { get; } = new("");

    [Input("职称来源", UiHint = UiHints.Dropdown, SupportsExpressions = false, Options = ["certificate", "other-region"],
        Description = "certificate：本地评审取得；other-region：外地取得、经本地确认。")]
    public Input<string> TitleSource { get; } = new("certificate");

    public override void Execute(ActivityContext context)
    {
        var application = context.State.Application;
        var replaces = context.Get(Replaces)?.Trim() ?? "";
        var original = replaces.Length == 0 ? null : OriginalTitle(context, replaces);
        var series = context.Get(Series) is { Length: > 0 } s ? s : original?["series"].AsString() ?? application["series"].AsString() ?? "";
        var level = context.Get(Level) is { Length: > 0 } l ? l : original?["level"].AsString() ?? application["level"].AsString() ?? "";
        var number = $"{context.Get(NumberPrefix)}-{context.Today.Year}-{context.Services.CertificateNumbers.Serial(context.State.InstanceId, Id)}";
        var validIn = original is null ? context.Get(ValidIn) : original["validIn"].AsString();
        var directed = original is null ? context.Get(Directed) : original["directed"] is JsonValue d && d.TryGetValue<bool>(out var wasDirected) && wasDirected;
        context.State.Granted = new JsonObject
        {
            ["series"] = series,
            ["level"] = level,
            ["directed"] = directed,
            ["validIn"] = string.IsNullOrEmpty(validIn) ? null : validIn,
            ["number"] = number,
            ["issuedOn"] = context.Today.ToString("yyyy-MM-dd"),
            ["holder"] = application["name"]?.DeepClone(),
        };
        if (original is not null) context.State.Granted["replaces"] = replaces;
        if (context.Get(ObtainedOn) is { Length: > 0 } obtainedOn) context.State.Granted["obtainedOn"] = obtainedOn;
        if (TitleSource.LiteralOrDefault() is { Length: > 0 } source and not "certificate") context.State.Granted["source"] = source;
        var issuer = context.ResolveLocality(context.Get(Issuer));
        context.Record("certificate", new Assignee(issuer, "system"), "approve", new ResumeInput(Data: new JsonObject { ["number"] = number }));
        context.Complete("Done");
    }

    /// <summary>The title of the register whose certificate is reissued; a number the register does not hold faults the step.</summary>
    private static JsonObject OriginalTitle(ActivityContext context, string number) =>
        Domain.ApplicantRecord.Items(context.State.Record[Domain.ApplicantRecord.Titles])
            .FirstOrDefault(t => t["certificateNumber"].AsString() == number && t["status"].AsString() is null or "valid")
        ?? throw new ActivityFaultException($"申报人的职称登记中没有有效的证书 {number}，不能补（换）发 (no valid title with this certificate number in the register)");
}
