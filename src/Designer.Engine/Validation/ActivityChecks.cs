using System.Text.Json.Nodes;
using Designer.Engine.Activities.Titles;
using Designer.Engine.Domain;
using Designer.Engine.Expressions;
using Designer.Engine.Forms;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Validation;

/// <summary>Checks of one activity's own configuration: inputs, scripts, and for person steps the vocabulary and form.</summary>
internal sealed class ActivityChecks(Activity activity, string path, IFormCatalog? forms, IScriptSandbox scripts, VocabularySet vocabulary, List<ValidationProblem> problems)
{
    private string Id => activity.Id;

    public void Run()
    {
        foreach (var (name, attribute, input) in ActivityInputs.Of(activity))
        {
            var inputPath = $"{path}.{name}";
            var expression = input.Expression;
            if (attribute.Required && IsEmpty(expression))
                Add(inputPath, ProblemCodes.MissingInput, $"缺少必填输入 “{attribute.DisplayName}” (missing required input '{name}')");
            if (expression is null) continue;
            if (ExpressionTypes.Unsupported.Contains(expression.Type) || !ExpressionTypes.Supported.Contains(expression.Type))
                Add(inputPath, ProblemCodes.UnsupportedExpression, $"“{attribute.DisplayName}” 使用了不支持的表达式类型 {expression.Type} (supported: Literal, JavaScript, Object, Json, Variable, Input)");
            else if (expression.Type == ExpressionTypes.JavaScript)
                CheckScript(inputPath, attribute.DisplayName, expression.Text ?? "");
            else if (input.LiteralError() is { } error)
                Add(inputPath, ProblemCodes.InvalidInput, $"“{attribute.DisplayName}”：{error}");
        }
        foreach (var (name, script) in activity.EmbeddedScripts())
            CheckScript($"{path}.{name}", name, script);
        foreach (var message in activity.CheckConfiguration())
            Add(path, ProblemCodes.InvalidInput, message);
        switch (activity)
        {
            case PersonStep step: CheckPersonStep(step); break;
            case Publicity publicity: CheckPublicity(publicity); break;
        }
    }

    private void CheckPersonStep(PersonStep step)
    {
        CheckStage(step.Stage);
        CheckOrganisation(step.AssigneeOrg, "assigneeOrg");
        var role = step.AssigneeRole.LiteralOrDefault();
        if (IsLiteral(step.AssigneeRole.Expression) && !vocabulary.Roles.ContainsKey(role))
            Add($"{path}.assigneeRole", ProblemCodes.UnknownRole, $"角色 “{role}” 不在词表中 (unknown role; expected one of {string.Join(", ", vocabulary.Roles.Keys)})");
        foreach (var action in step.OfferedActions().Where(a => !vocabulary.Actions.ContainsKey(a)))
            Add($"{path}.actions", ProblemCodes.UnknownAction, $"动作 “{action}” 不在词表中 (unknown action; expected one of {string.Join(", ", vocabulary.Actions.Keys)})");
        if (step.OfferedActions().Count == 0)
            Add($"{path}.actions", ProblemCodes.MissingInput, "人工步骤至少要提供一个动作 (a person's step must offer at least one action)");
        CheckForm(step.Form.LiteralOrDefault(), "form", required: true);
        CheckFormGates(step);
    }

    /// <summary>Each form gate names a field of the step's form, a value it can hold (or blank/filled), and actions the step offers.</summary>
    private void CheckFormGates(PersonStep step)
    {
        var gates = step.FormGates.LiteralOrDefault();
        var formId = step.Form.LiteralOrDefault();
        var schema = forms is not null && !string.IsNullOrEmpty(formId) && forms.Exists(formId) ? forms.GetSchema(formId) : null;
        for (var i = 0; i < gates.Count; i++)
        {
            var gate = gates[i];
            var gatePath = $"{path}.formGates[{i}]";
            if (gate.Segments.Count == 0)
            {
                Add(gatePath, ProblemCodes.InvalidInput, "表单结论约束缺少字段 field (a form gate needs a field)");
                continue;
            }
            var field = gate.SchemaIn(schema);
            if (schema is not null && field is null)
                Add(gatePath, ProblemCodes.InvalidInput, $"表单 “{formId}” 没有字段 {gate.Pointer} (the form has no field {gate.Pointer})");
            if (gate.Empty is null && gate.Values is not { Count: > 0 })
                Add(gatePath, ProblemCodes.InvalidInput, $"表单结论约束 {gate.Pointer} 须给出 values 或 empty (a form gate needs values or empty)");
            if (field?["enum"] is JsonArray options)
                foreach (var value in gate.Values ?? [])
                    if (!options.Any(o => JsonNode.DeepEquals(o, value)))
                        Add(gatePath, ProblemCodes.InvalidInput, $"{gate.Pointer} 的取值 {value?.ToJsonString() ?? "null"} 不在表单选项中 (not one of the form's options)");
            if (gate.AllowedActions.Count == 0)
                Add(gatePath, ProblemCodes.InvalidInput, $"表单结论约束 {gate.Pointer} 须列出允许的动作 actions (a form gate needs actions)");
            foreach (var action in gate.AllowedActions.Where(a => !step.OfferedActions().Contains(a)))
                Add(gatePath, ProblemCodes.InvalidInput, $"表单结论约束 {gate.Pointer} 允许的动作 “{action}” 不是本步骤的动作 (action '{action}' is not offered by the step)");
        }
    }

    private void CheckPublicity(Publicity publicity)
    {
        CheckStage(publicity.Stage);
        CheckOrganisation(publicity.Org, "org");
        CheckForm(publicity.ObjectionForm.LiteralOrDefault(), "objectionForm", required: false);
        // Caught here, a 0-day publicity never reaches a live application (where it would fault the instance).
        if (IsLiteral(publicity.WorkingDays.Expression) && publicity.WorkingDays.LiteralError() is null && publicity.WorkingDays.LiteralOrDefault() < 1)
            Add($"{path}.workingDays", ProblemCodes.InvalidInput,
                $"公示期必须至少 1 个工作日 (workingDays must be at least 1, got {publicity.WorkingDays.LiteralOrDefault()})");
    }

    private void CheckStage(Input<string> stage)
    {
        var code = stage.LiteralOrDefault();
        if (!string.IsNullOrEmpty(code) && !vocabulary.Stages.ContainsKey(code))
            Add($"{path}.stage", ProblemCodes.UnknownStage, $"阶段 “{code}” 不在词表中 (unknown stage; expected one of {string.Join(", ", vocabulary.Stages.Keys)})");
    }

    private void CheckOrganisation(Input<string> org, string name)
    {
        if (!IsLiteral(org.Expression)) return;
        var code = org.LiteralOrDefault();
        if (!string.IsNullOrEmpty(code) && !vocabulary.IsOrganisation(code))
            Add($"{path}.{name}", ProblemCodes.UnknownOrganisation,
                $"机构 “{code}” 无效：应为 unit、county/<部门>、applicant、<地区>/<部门> 或 <地区>/<县>/<部门> (unknown organisation)");
    }

    private void CheckForm(string formId, string name, bool required)
    {
        if (forms is null) return;
        if (string.IsNullOrEmpty(formId))
        {
            if (required) Add($"{path}.{name}", ProblemCodes.MissingForm, "人工步骤缺少表单 (a person's step needs a form)");
            return;
        }
        if (!forms.Exists(formId))
        {
            Add($"{path}.{name}", ProblemCodes.MissingForm, $"表单 “{formId}” 不存在 (no form '{formId}')");
            return;
        }
        foreach (var error in forms.CheckDefinition(formId))
            Add($"{path}.{name}", ProblemCodes.InvalidForm, $"表单 “{formId}” 无效 {error.Path}: {error.Message}");
    }

    private void CheckScript(string inputPath, string displayName, string script)
    {
        if (scripts.CheckSyntax(script) is { } error)
            Add(inputPath, ProblemCodes.ScriptSyntax, $"“{displayName}” 脚本语法错误，第 {error.Line} 行第 {error.Column} 列：{error.Message}");
    }

    private static bool IsLiteral(ExpressionModel? expression) => expression is null || expression.Type == ExpressionTypes.Literal;

    private static bool IsEmpty(ExpressionModel? expression) =>
        expression is null || expression.Value is null ||
        (expression.Value is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s)) ||
        (expression.Value is System.Text.Json.Nodes.JsonArray a && a.Count == 0);

    private void Add(string problemPath, string code, string message) => problems.Add(new(Id, problemPath, code, message));
}
