namespace Designer.Engine.Domain;

/// <summary>
/// The shared vocabulary of contract.md: localities, departments, stages, actions and roles, with Chinese labels.
/// Workflow files, forms and the Studio use these codes as written.
/// </summary>
public static class Vocabulary
{
    public static readonly IReadOnlyDictionary<string, string> Localities = new Dictionary<string, string>
    {
        ["templates"] = "通用模板",
        ["xj-prefecture"] = "自治州（基层定向 2022）",
        ["bazhou"] = "巴音郭楞蒙古自治州",
        ["kashgar"] = "喀什地区",
        ["qiaocheng"] = "亳州市谯城区",
        ["sample-city"] = "示例市（2021 年职称工作安排）",
        ["xinjiang"] = "新疆维吾尔自治区人社厅",
        ["bozhou"] = "亳州市人社局",
    };

    public static readonly IReadOnlyDictionary<string, string> Departments = new Dictionary<string, string>
    {
        ["hr"] = "人力资源和社会保障部门",
        ["education"] = "教育局",
        ["health"] = "卫生健康委",
        ["agriculture"] = "农业农村局",
        ["animal-husbandry"] = "畜牧局",
        ["veterinary"] = "兽医局",
        ["water"] = "水利局",
        ["forestry"] = "林业和草原局",
        ["evaluation-center"] = "职称社会化评价中心",
        ["enterprise"] = "企业评委会",
    };

    public static readonly IReadOnlyDictionary<string, string> Stages = new Dictionary<string, string>
    {
        ["apply"] = "个人申报",
        ["eligibility"] = "资格审查",
        ["unit-recommend"] = "单位推荐",
        ["unit-publicity"] = "单位公示",
        ["political-review"] = "政治审查",
        ["competent-review"] = "主管部门审核",
        ["hr-review"] = "人社部门审核",
        ["correction"] = "补正",
        ["language-test"] = "国语水平测试",
        ["scoring"] = "量化赋分",
        ["defence"] = "答辩/试讲",
        ["committee-vote"] = "评委会评审表决",
        ["result-publicity"] = "结果公示",
        ["approval"] = "核准",
        ["filing"] = "备案",
        ["certificate"] = "发证",
        ["recognition"] = "初次认定审批",
    };

    public static readonly IReadOnlyDictionary<string, string> Actions = new Dictionary<string, string>
    {
        ["approve"] = "通过",
        ["reject"] = "不通过",
        ["return"] = "退回补正",
        ["pass"] = "合格",
        ["fail"] = "不合格",
        ["vote"] = "表决",
        ["object"] = "有异议",
        ["no-objection"] = "无异议",
    };

    public static readonly IReadOnlyDictionary<string, string> Roles = new Dictionary<string, string>
    {
        ["applicant"] = "申报人",
        ["reviewer"] = "审核人",
        ["leader"] = "负责人",
        ["committee"] = "评委会",
        ["examiner"] = "考官",
        ["party-organisation"] = "党组织",
        ["publisher"] = "公示发布人",
        ["system"] = "系统",
    };

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
        ["Pass"] = "达到分数线",
        ["Fail"] = "未达分数线",
        // Options of the committee vote's elimination rounding (input options are labelled from this table too).
        ["up"] = "向上取整",
        ["down"] = "向下取整",
        ["nearest"] = "四舍五入",
    };

    /// <summary>Organisations a step may name directly, besides `&lt;locality&gt;/&lt;department&gt;`.</summary>
    public static readonly IReadOnlyList<string> OrganisationPlaceholders = ["unit", "county/hr", "applicant", "system"];

    public static string PortLabel(string port) =>
        Actions.TryGetValue(port, out var action) ? action : PortLabels.TryGetValue(port, out var label) ? label : port;

    /// <summary>
    /// True for `unit`, `county/hr`, `applicant`, `&lt;locality&gt;/&lt;department&gt;`, `&lt;locality&gt;/enterprise/&lt;id&gt;`,
    /// and `{locality}/&lt;department&gt;` (templates: replaced by the workflow's locality).
    /// </summary>
    public static bool IsOrganisation(string org)
    {
        if (OrganisationPlaceholders.Contains(org)) return true;
        var parts = org.Split('/');
        if (parts.Length < 2) return false;
        var localityKnown = parts[0] == "{locality}" || Localities.ContainsKey(parts[0]);
        if (!localityKnown) return false;
        if (parts[1] == "enterprise") return parts.Length == 3 && parts[2].Length > 0;
        return parts.Length == 2 && Departments.ContainsKey(parts[1]);
    }
}
