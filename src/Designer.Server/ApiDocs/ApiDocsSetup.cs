using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Designer.Server.ApiDocs;

/// <summary>
/// The OpenAPI document (/openapi/v1.json) and its reference page (/docs, Scalar). The page and its script are served by
/// this server: nothing is fetched from a CDN or a font service, so it works on a machine without a network.
/// </summary>
public static class ApiDocsSetup
{
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>
    /// The same document wherever the server runs (no server URL in it): the Studio's API types are generated from a
    /// committed copy and a test compares that copy with what the server describes.
    /// </summary>
    public static void ConfigureDocument(OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Designer API",
                Version = "v1",
                Description = "职称评审流程配置服务的 HTTP 接口 (the Designer's HTTP API). 错误按 RFC 7807 返回 (problems are RFC 7807).",
            };
            document.Servers = [];
            return Task.CompletedTask;
        });

    public static void MapApiDocs(this IEndpointRouteBuilder app) =>
        app.MapScalarApiReference("/docs", options => options
                .WithTitle("Designer API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .DisableTelemetry())
            .AllowAnonymous();
}
