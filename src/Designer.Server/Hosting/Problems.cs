using Designer.Engine.Forms;
using Designer.Engine.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Designer.Engine.Validation.ValidationProblem;

namespace Designer.Server.Hosting;

/// <summary>RFC 7807 answers, one place for their titles.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string detail = "找不到该资源 (not found)") => Problem(404, "未找到", detail);
    public static ProblemHttpResult Forbidden(string detail = "无权执行该操作 (forbidden)") => Problem(403, "无权访问", detail);
    public static ProblemHttpResult BadRequest(string detail) => Problem(400, "请求无效", detail);

    public static ProblemHttpResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        Problem(409, "冲突", detail, extensions);

    public static ProblemHttpResult FormErrors(IEnumerable<FieldError> errors, string detail = "表单填写有误 (the form data is invalid)") =>
        Problem(422, "校验未通过", detail, new Dictionary<string, object?>
        {
            ["errors"] = errors.Select(e => new FieldProblem(e.Path, e.Pointer, e.Message)).ToList(),
        });

    public static ProblemHttpResult Invalid(string path, string message) => FormErrors([new FieldError(path, message)], message);

    public static ProblemHttpResult WorkflowProblems(IEnumerable<ValidationProblem> problems, string detail = "流程定义校验未通过 (the workflow is invalid)") =>
        Problem(422, "校验未通过", detail, new Dictionary<string, object?>
        {
            ["errors"] = problems.Select(ToDto).ToList(),
        });

    public static WorkflowProblem ToDto(ValidationProblem p) => new(p.ActivityId, p.Path, p.Code, p.Message);

    public static ProblemHttpResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
}

/// <summary>One field a form's data got wrong: its JSON path and the Chinese message.</summary>
public sealed record FieldProblem(string Path, string? Pointer, string Message);

/// <summary>One finding of the workflow validator: the activity, the path inside it, a stable code and the message.</summary>
public sealed record WorkflowProblem(string? ActivityId, string Path, string Code, string Message);
