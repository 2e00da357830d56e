using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Designer.Server.Hosting;

/// <summary>
/// Headers on every answer: a Content-Security-Policy, nosniff, no framing, no referrer to other sites; API answers
/// are never cached (they carry one user's data). The policy fits the Studio as built by Vite: scripts from this
/// origin only; 'unsafe-eval' because the Studio compiles form validators (Ajv) and checks script syntax with
/// `new Function`; inline styles because React Flow positions nodes with style attributes; workers for the ELK layout.
/// </summary>
public sealed partial class SecurityHeaders(RequestDelegate next)
{
    public const string StudioPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    private const string PolicyItem = "Designer.ContentSecurityPolicy";

    public async Task InvokeAsync(HttpContext context)
    {
        // When the answer starts, so that error answers (whose headers the exception handler clears) carry them too.
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        if (context.Request.Path.StartsWithSegments("/docs")) await DocsAsync(context);
        else await next(context);
    }

    /// <summary>
    /// The API docs page (/docs, Scalar) runs inline scripts of its own: the page is buffered and exactly those scripts
    /// are allowed by their hashes, nothing else inline.
    /// </summary>
    private async Task DocsAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try { await next(context); }
        finally { context.Response.Body = original; }
        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            context.Items[PolicyItem] = StudioPolicy.Replace("script-src 'self' 'unsafe-eval'", $"script-src 'self' {InlineScriptHashes(html)}");
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        var path = context.Request.Path;
        headers.ContentSecurityPolicy = context.Items[PolicyItem] as string ?? StudioPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/health"))
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
    }

    private static string InlineScriptHashes(string html) => string.Join(' ', InlineScript().Matches(html)
        .Select(m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value)))}'"));

    /// <summary>A script element without a src attribute: its text is what the browser hashes.</summary>
    [GeneratedRegex(@"<script(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
