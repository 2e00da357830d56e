namespace Designer.Engine.Domain;

/// <summary>
/// The engine's own labels: the names of ports that are not actions and the organisation placeholders. The domain's
/// codes (localities, departments, stages, actions, roles, series...) are data: see <see cref="VocabularySet"/>.
/// </summary>
public static class Vocabulary
{
    /// <summary>Chinese names of the ports that are not actions.</summary>
    public static readonly IReadOnlyDictionary<string, string> PortLabels = new Dictionary<string, string>
    {
        ["Done"] = "完成",
        ["True"] = "是",
        ["False"] = "否",
        ["Default"] = "默认",
        ["Overdue"] = "逾期",
        ["Eligible"] = "符合条件",
        ["Ineligible"] = "不符合条件",
        ["Passed"] = "表决通过",
        ["Failed"] = "未通过",
        ["Matched"] = "命中规则",
        ["NoMatch"] = "无规则命中",
        ["Reserved"] = "已占用职数",
        ["Exhausted"] = "职数已满",
        ["Released"] = "已释放职数",
        ["Objection"] = "有异议",
        ["NoObjection"] = "无异议",
        // The publicity's own ports.
        ["object"] = "有异议",
        ["no-objection"] = "无异议",
        ["Pass"] = "达到分数线",
        ["Fail"] = "未达分数线",
        // Options of the committee vote's elimination rounding (input options are labelled from this table too).
        ["up"] = "向上取整",
        ["down"] = "向下取整",
        ["nearest"] = "四舍五入",
    };

    /// <summary>Organisations a step may name directly, besides `&lt;locality&gt;/&lt;department&gt;`.</summary>
    public static readonly IReadOnlyList<string> OrganisationPlaceholders = ["unit", "county/hr", "applicant", "system"];

    /// <summary>`county/&lt;department&gt;`: the department of the applicant's county.</summary>
    public const string CountyPrefix = "county";

    /// <summary>The engine's label of a port (an action's label comes from the vocabulary).</summary>
    public static string PortLabel(string port) => PortLabels.TryGetValue(port, out var label) ? label : port;
}
