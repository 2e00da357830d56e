using Designer.Engine.Descriptors;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Titles;

[Activity("Titles.Notify", "通知", Category = ActivityCategories.Titles, Description = "向申报人或某机构发送通知。")]
public sealed class Notify : Activity
{
    [Input("接收方", UiHint = UiHints.OrganisationPicker, Required = true)]
    public Input<string> To { get; } = new("applicant");

    [Input("内容", UiHint = UiHints.MultiLine, Required = true)]
    public Input<string> Message { get; } = new("");

    public override void Execute(ActivityContext context)
    {
        context.Notify(context.ResolveLocality(context.Get(To)), context.Get(Message));
        context.Complete("Done");
    }
}
