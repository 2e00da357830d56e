using System.Text.Json.Serialization;
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
    public static void ConfigureDocument(OpenApiOptions options)
    {
        options.AddSchemaTransformer(DescribeAsWritten);
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
    }

    /// <summary>
    /// Schemas say what the server writes: numbers are numbers (the API also reads "12" for 12, which the generator would
    /// otherwise describe as number-or-string), and a property left out when null is not required.
    /// </summary>
    private static Task DescribeAsWritten(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        if (context.JsonPropertyInfo is null && schema.Required is { Count: > 0 } required)
            foreach (var property in context.JsonTypeInfo.Properties)
                if (property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), true)
                    is [JsonIgnoreAttribute { Condition: JsonIgnoreCondition.WhenWritingNull }, ..])
                    required.Remove(property.Name);
        return Task.CompletedTask;
    }

    /// <summary>A route whose 200 is one of two shapes (the form routes read the operation from the path).</summary>
    public static RouteHandlerBuilder ProducesOneOf(this RouteHandlerBuilder builder, string schemaName, string otherSchemaName) =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            if (operation.Responses?["200"].Content?["application/json"] is { } content)
                content.Schema = new OpenApiSchema
                {
                    OneOf =
                    [
                        new OpenApiSchemaReference(schemaName, context.Document),
                        new OpenApiSchemaReference(otherSchemaName, context.Document),
                    ],
                };
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
