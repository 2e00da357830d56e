using System.Net;

namespace Designer.Server.Auth;

/// <summary>The server-rendered sign-in page behind /connect/authorize (Chinese, keyboard and screen-reader friendly).</summary>
public static class SignInPage
{
    public sealed record Model(string ReturnUrl, string AntiforgeryField, string AntiforgeryToken, string? UserName = null, string? Error = null,
        string? UpstreamName = null);

    public static IResult Render(Model model, int status = 200) =>
        Results.Content(Html(model), "text/html; charset=utf-8", statusCode: status);

    /// <summary>A page that only says what went wrong (upstream sign-in refused, account not linked…).</summary>
    public static IResult Message(string title, string message, int status) =>
        Results.Content(Layout(title, $"""
            <h1>{E(title)}</h1>
            <p role="alert" class="error">{E(message)}</p>
            <p><a href="/connect/login">返回登录</a></p>
            """), "text/html; charset=utf-8", statusCode: status);

    private static string Html(Model m)
    {
        var error = m.Error is null ? "" : $"""<p id="signin-error" class="error" role="alert">{E(m.Error)}</p>""";
        var described = m.Error is null ? "" : """ aria-describedby="signin-error" aria-invalid="true" """;
        var upstream = m.UpstreamName is null ? "" : $"""
            <p class="or">或</p>
            <a class="button secondary" id="signin-upstream" href="/connect/upstream?returnUrl={E(Uri.EscapeDataString(m.ReturnUrl))}">使用{E(m.UpstreamName)}登录</a>
            """;
        return Layout("登录", $"""
            <h1>登录职称评审系统</h1>
            <p class="lead">请使用本系统账户登录，登录后返回正在访问的应用。</p>
            {error}
            <form method="post" action="/connect/login" novalidate>
              <input type="hidden" name="{E(m.AntiforgeryField)}" value="{E(m.AntiforgeryToken)}">
              <input type="hidden" name="returnUrl" value="{E(m.ReturnUrl)}">
              <label for="signin-user">用户名</label>
              <input id="signin-user" name="userName" autocomplete="username" required value="{E(m.UserName ?? "")}"{described} autofocus>
              <label for="signin-password">密码</label>
              <input id="signin-password" name="password" type="password" autocomplete="current-password" required{described}>
              <button type="submit" class="button">登录</button>
            </form>
            {upstream}
            <p class="links"><a href="/#/register">注册申报人账户</a></p>
            """);
    }

    private static string Layout(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}} - 职称评审系统</title>
        <style>
          body { font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; background: #f3f5f8; color: #1f2933; margin: 0; }
          main { max-width: 24rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
          h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
          .lead { color: #475467; margin: 0 0 1.25rem; }
          label { display: block; font-weight: 600; margin: 1rem 0 .35rem; }
          input { width: 100%; box-sizing: border-box; padding: .6rem; border: 1px solid #667085; border-radius: 4px; font-size: 1rem; }
          input:focus, .button:focus, a:focus { outline: 3px solid #1d4ed8; outline-offset: 2px; }
          .button { display: block; width: 100%; box-sizing: border-box; margin-top: 1.5rem; padding: .7rem; border: 0; border-radius: 4px;
                    background: #1d4ed8; color: #fff; font-size: 1rem; text-align: center; text-decoration: none; cursor: pointer; }
          .button.secondary { background: #fff; color: #1d4ed8; border: 1px solid #1d4ed8; margin-top: .5rem; }
          .or { text-align: center; color: #475467; margin: 1.25rem 0 0; }
          .links { text-align: center; margin: 1.25rem 0 0; }
          .error { background: #fdecec; color: #9b1c1c; border: 1px solid #f5b5b5; padding: .6rem; border-radius: 4px; }
        </style>
        </head>
        <body>
        <main>
        {{body}}
        </main>
        </body>
        </html>
        """;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
