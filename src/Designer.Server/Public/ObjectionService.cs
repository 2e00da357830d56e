using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Applications;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Designer.Server.Public;

public sealed record ObjectionReceipt(bool Received, string PublicityId, string? EndDate);

/// <summary>
/// Records an anonymous objection to a running publicity: the body is bounded (size, depth, no duplicate keys), only
/// the objection form's fields are kept, an objection already recorded with the same content is not stored again, and
/// concurrent objections to one application queue for it (in process) instead of refusing each other; a write that
/// still loses to another writer (a reviewer, a timer) is retried. The per-client rate limit sits on the route.
/// </summary>
public sealed class ObjectionService(DesignerDbContext db, ApplicationRunner runner, ApplicationGates gates, IOptions<ObjectionOptions> options)
{
    private const int MaxAttempts = 8;
    private static readonly string[] FieldsWithoutForm = ["objectorName", "contact", "reason"];

    public async Task<ObjectionReceipt> ObjectAsync(string publicityId, HttpRequest request)
    {
        var body = await ReadBodyAsync(request, options.Value);
        var notice = await OpenNoticeAsync(publicityId);
        using var _ = await gates.Gate.EnterAsync(notice.ApplicationId, request.HttpContext.RequestAborted);
        for (var attempt = 1; ; attempt++)
        {
            notice = await OpenNoticeAsync(publicityId);
            var application = await db.Applications.FirstAsync(a => a.Id == notice.ApplicationId);
            var loaded = await runner.LoadAsync(application.DefinitionId, application.DefinitionVersion);
            var data = FormData(body, notice.Form is { } formId && loaded.Forms.Exists(formId) ? loaded.Forms.GetSchema(formId) : null);
            if (AlreadyRecorded(application, notice.BookmarkId, data)) return Receipt(notice);
            var objector = data["objectorName"]?.ToString();
            try
            {
                await runner.ActAsync(application, notice.BookmarkId, new ResumeInput("object", data, $"public:{objector}", data["reason"]?.ToString()));
                return Receipt(notice);
            }
            catch (ApiProblemException e) when (attempt < MaxAttempts && e.Result is ProblemHttpResult { StatusCode: StatusCodes.Status409Conflict })
            {
                // Another writer saved the application first (or the publicity just ended: the next look answers 404).
                db.ChangeTracker.Clear();
                await Task.Delay(5 * attempt);
            }
        }
    }

    private static ObjectionReceipt Receipt(TaskRecord notice) => new(true, notice.Id, notice.DueDate);

    private async Task<TaskRecord> OpenNoticeAsync(string publicityId)
    {
        var notice = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == publicityId && t.Kind == BookmarkKinds.Publicity);
        if (notice is null || !notice.IsOpen) throw new ApiProblemException(Problems.NotFound("该公示不存在或已结束 (no such running publicity)"));
        return notice;
    }

    /// <summary>`name` fills the form's objectorName; then only the form's own fields are kept.</summary>
    private static JsonObject FormData(JsonObject body, JsonObject? schema)
    {
        var data = (JsonObject)body.DeepClone();
        if (data["objectorName"] is null && data["name"] is { } name) data["objectorName"] = name.DeepClone();
        data.Remove("name");
        if (schema is not null) return FormFields.Keep(schema, data);
        var kept = new JsonObject();
        foreach (var field in FieldsWithoutForm)
            if (data[field] is { } value) kept[field] = value.DeepClone();
        return kept;
    }

    /// <summary>The same objection (every field equal) is already on the publicity: sending it again records nothing new.</summary>
    private static bool AlreadyRecorded(ApplicationRecord application, string bookmarkId, JsonObject data) =>
        ApplicationRunner.StateOf(application).Bookmarks.FirstOrDefault(b => b.Id == bookmarkId)?.Payload["objections"] is JsonArray recorded &&
        recorded.Any(o => JsonNode.DeepEquals(o?["data"], data));

    /// <summary>Reads at most MaxBodyBytes (413 beyond), then parses with the depth bound and without duplicate keys (400).</summary>
    public static async Task<JsonObject> ReadBodyAsync(HttpRequest request, ObjectionOptions limits)
    {
        if (!request.HasJsonContentType())
            throw new ApiProblemException(Problems.Problem(415, "不支持的媒体类型", "请求体须为 JSON (Content-Type: application/json)"));
        var tooLarge = Problems.Problem(413, "请求体过大", $"异议内容超过 {limits.MaxBodyBytes} 字节 (objection body larger than {limits.MaxBodyBytes} bytes)");
        if (request.ContentLength > limits.MaxBodyBytes) throw new ApiProblemException(tooLarge);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limits.MaxBodyBytes) throw new ApiProblemException(tooLarge);
            buffer.Write(chunk, 0, read);
        }
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), null,
                new JsonDocumentOptions { MaxDepth = limits.MaxDepth, AllowDuplicateProperties = false });
            CheckStrings(parsed);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            throw new ApiProblemException(Problems.BadRequest($"JSON 格式错误 (malformed JSON): {e.Message}"));
        }
        return parsed as JsonObject ?? throw new ApiProblemException(Problems.Invalid("$", "异议须为 JSON 对象 (the body must be a JSON object)"));
    }

    /// <summary>Every string must decode (an escaped lone surrogate such as "\ud800" does not).</summary>
    private static void CheckStrings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, value) in o) CheckStrings(value);
                break;
            case JsonArray a:
                foreach (var value in a) CheckStrings(value);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                _ = v.GetValue<string>();
                break;
        }
    }
}
