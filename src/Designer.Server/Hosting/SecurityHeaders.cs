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

    /// <summary>The API docs page (/docs) runs one inline script: allowed by its hash, nothing else inline.</summary>
    public static readonly string DocsPolicy = StudioPolicy.Replace("script-src 'self' 'unsafe-eval'", $"script-src 'self' {InlineScriptHashes(ApiDocsPage.Html)}");

    public Task InvokeAsync(HttpContext context)
    {
        // When the answer starts, so that error answers (whose headers the exception handler clears) carry them too.
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        var path = context.Request.Path;
        headers.ContentSecurityPolicy = path.StartsWithSegments("/docs") ? DocsPolicy : StudioPolicy;
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

    [GeneratedRegex(@"<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
