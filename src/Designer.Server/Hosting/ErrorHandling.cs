using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Designer.Server.Hosting;

/// <summary>
/// Turns bad requests (malformed JSON, wrong types, oversized bodies) into 400/413 problem details; anything else
/// unexpected into a 500 problem without internals.
/// </summary>
public sealed class DesignerExceptionHandler(IProblemDetailsService problems, ILogger<DesignerExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is ApiProblemException problem)
        {
            await problem.Result.ExecuteAsync(context);
            return true;
        }
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == 413 ? "请求体过大" : "请求无效", Describe(bad)),
            JsonException json => (400, "请求无效", $"JSON 格式错误 (malformed JSON): {json.Message}"),
            _ => (500, "服务器内部错误", "服务器处理请求时出错 (internal error)"),
        };
        if (status >= 500) log.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private static string Describe(BadHttpRequestException bad) =>
        bad.InnerException is JsonException json ? $"JSON 无效或类型不符 (invalid JSON or wrong type): {json.Message}" : bad.Message;
}

/// <summary>Rejects a body whose declared length is over Limits:MaxBodyBytes before anything reads it.</summary>
public sealed class BodySizeLimit(RequestDelegate next, IOptions<LimitOptions> limits)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var max = limits.Value.MaxBodyBytes;
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = max;
        if (context.Request.ContentLength > max)
        {
            await Problems.Problem(413, "请求体过大", $"请求体超过 {max} 字节 (body larger than {max} bytes)").ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
