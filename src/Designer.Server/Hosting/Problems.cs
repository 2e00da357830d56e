using Designer.Engine.Forms;
using Designer.Engine.Validation;

namespace Designer.Server.Hosting;

/// <summary>RFC 7807 answers, one place for their titles.</summary>
public static class Problems
{
    public static IResult NotFound(string detail = "找不到该资源 (not found)") => Problem(404, "未找到", detail);
    public static IResult Forbidden(string detail = "无权执行该操作 (forbidden)") => Problem(403, "无权访问", detail);
    public static IResult BadRequest(string detail) => Problem(400, "请求无效", detail);

    public static IResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        Problem(409, "冲突", detail, extensions);

    public static IResult FormErrors(IEnumerable<FieldError> errors, string detail = "表单填写有误 (the form data is invalid)") =>
        Problem(422, "校验未通过", detail, new Dictionary<string, object?>
        {
            ["errors"] = errors.Select(e => new { path = e.Path, pointer = e.Pointer, message = e.Message }).ToList(),
        });

    public static IResult Invalid(string path, string message) => FormErrors([new FieldError(path, message)], message);

    public static IResult WorkflowProblems(IEnumerable<ValidationProblem> problems, string detail = "流程定义校验未通过 (the workflow is invalid)") =>
        Problem(422, "校验未通过", detail, new Dictionary<string, object?>
        {
            ["errors"] = problems.Select(ToDto).ToList(),
        });

    public static object ToDto(ValidationProblem p) => new { activityId = p.ActivityId, path = p.Path, code = p.Code, message = p.Message };

    public static IResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
}
