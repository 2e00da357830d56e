using Microsoft.Extensions.Options;

namespace Designer.Server.Hosting;

/// <summary>
/// Checks every JSON request body at the door, before an endpoint binds it (JsonBodyCheck: well-formed, at most
/// Limits:MaxJsonDepth deep, no duplicate keys, no lone surrogates or NULs), and answers 400 with the problem's path
/// in errors[]. The body is buffered (it is at most Limits:MaxBodyBytes) and rewound for the endpoint.
/// </summary>
public sealed class JsonBodyGuard(RequestDelegate next, IOptions<LimitOptions> limits)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (!hasBody || !request.HasJsonContentType())
        {
            await next(context);
            return;
        }

        var max = limits.Value.MaxBodyBytes;
        request.EnableBuffering(bufferThreshold: 64 * 1024);
        using var copy = new MemoryStream();
        if (!await CopyAtMostAsync(request.Body, copy, max, context.RequestAborted))
        {
            await Problems.Problem(413, "请求体过大", $"请求体超过 {max} 字节 (body larger than {max} bytes)").ExecuteAsync(context);
            return;
        }
        request.Body.Position = 0;

        if (JsonBodyCheck.FirstProblem(copy.GetBuffer().AsSpan(0, (int)copy.Length), limits.Value.MaxJsonDepth) is { } problem)
        {
            await Problems.Problem(400, "请求无效", $"{problem.Message} (at {problem.Path})", new Dictionary<string, object?>
            {
                ["errors"] = new[] { new { path = problem.Path, message = problem.Message } },
            }).ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    /// <summary>False when the body is longer than max (a chunked body declares no length).</summary>
    private static async Task<bool> CopyAtMostAsync(Stream body, MemoryStream copy, long max, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > max) return false;
            copy.Write(buffer, 0, read);
        }
        return true;
    }
}
