using System.Net;
using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Forms;
using Designer.Server.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Server.Tests.Infrastructure;

/// <summary>
/// Drives an application over HTTP the way people would: the applicant submits, then each open step is acted on by
/// the demo user of its organisation (form data made minimal-valid from the step's schema, overlaid with the test's
/// answers), and publicity periods end by moving the server's clock and sweeping its timers.
/// </summary>
public sealed class ApplicationDriver(DesignerFactory factory)
{
    private readonly Dictionary<string, ApiClient> _clients = new();

    public async Task<ApiClient> As(string userName)
    {
        if (!_clients.TryGetValue(userName, out var client)) _clients[userName] = client = await factory.SignInAsync(userName);
        return client;
    }

    /// <summary>The demo user who acts on a task: the applicant, the unit / county HR reviewer of the locality, or the organisation's reviewer.</summary>
    public static string UserFor(JsonNode task, string locality, string applicantUser)
    {
        var org = task["org"]!.GetValue<string>();
        var role = task["role"]?.GetValue<string>();
        if (org == "applicant" || role == "applicant") return applicantUser;
        if (org == "unit") return $"unit-reviewer-{locality}";
        if (org.StartsWith("county/", StringComparison.Ordinal)) return $"{locality}-reviewer-county-{org["county/".Length..]}";
        var parts = org.Split('/');
        return $"{parts[0]}-reviewer-{string.Join("-", parts.Skip(1))}";
    }

    public async Task<JsonObject> ApplyDataAsync(ApiClient applicant, string definitionId, JsonObject fields)
    {
        var procedures = (await applicant.GetOkAsync("/api/procedures"))["items"]!.AsArray();
        var procedure = procedures.Single(p => p!["definitionId"]!.GetValue<string>() == definitionId)!;
        var formId = procedure["applyForm"]!.GetValue<string>();
        // The form's conditions are decided on the given fields (a teacher must state the teaching post).
        var data = await MinimalValidAsync(applicant, formId, fields);
        await NameRegisteredUnitAsync(applicant, procedure["locality"]!.GetValue<string>(), data, fields);
        return data;
    }

    /// <summary>
    /// The application names a registered active unit of the procedure's locality, as the server requires once the
    /// locality has units: the test's unit, or when it names none the first unit of the given employment type. The
    /// unit's county and employment type fill the fields the test leaves open (the server checks they agree).
    /// </summary>
    public static async Task NameRegisteredUnitAsync(ApiClient applicant, string locality, JsonObject data, JsonObject? given = null)
    {
        if (!data.ContainsKey("unit")) return;
        var units = (await applicant.GetOkAsync($"/api/organisations/units?locality={Uri.EscapeDataString(locality)}&pageSize=200"))["items"]!.AsArray()
            .Select(u => u!.AsObject()).ToList();
        if (units.Count == 0) return;
        string? Given(string field) => (given?[field] as JsonValue)?.GetValue<string>();
        string? Of(JsonObject unit, string field) => unit[field]?.GetValue<string>();
        var employment = Given("employmentType");
        var unit = Given("unit") is { } named ? units.FirstOrDefault(u => Of(u, "name") == named)
            : units.FirstOrDefault(u => Of(u, "employmentType") is not { } type || type == (employment ?? "public-institution")) ?? units[0];
        if (unit is null) return; // the test names an unregistered unit on purpose
        data["unit"] = Of(unit, "name");
        if (employment is null && Of(unit, "employmentType") is { } registered && data.ContainsKey("employmentType")) data["employmentType"] = registered;
        if (Of(unit, "county") is { } county && Given("county") is null && data.ContainsKey("county"))
        {
            var localities = (await applicant.GetOkAsync("/api/localities?pageSize=200"))["items"]!.AsArray();
            var counties = localities.Single(l => l!["code"]!.GetValue<string>() == locality)!["counties"]!.AsArray();
            data["county"] = counties.Single(c => c!["code"]!.GetValue<string>() == county)!["name"]!.GetValue<string>();
        }
    }

    public static async Task<JsonObject> MinimalValidAsync(ApiClient client, string formId, JsonObject? given = null)
    {
        var form = await client.GetOkAsync($"/api/forms/{formId}");
        var schema = form["resolvedSchema"] ?? form["schema"];
        return given is null ? MinimalValid(formId, schema!.AsObject())
            : FileFormCatalog.FromJson([new(formId, (schema!.ToJsonString(), (string?)null))]).MinimalValid(formId, given);
    }

    public static JsonObject MinimalValid(string formId, JsonObject schema) =>
        FileFormCatalog.FromJson([new(formId, (schema.ToJsonString(), (string?)null))]).MinimalValid(formId);

    public async Task<string> SubmitAsync(string applicantUser, string definitionId, JsonObject fields)
    {
        var applicant = await As(applicantUser);
        var data = await ApplyDataAsync(applicant, definitionId, fields);
        var created = (await applicant.PostAsync("/api/applications", new JsonObject { ["definitionId"] = definitionId, ["data"] = data }))
            .Expect(HttpStatusCode.Created);
        return created["id"]!.GetValue<string>();
    }

    /// <summary>Runs the application until it ends or waits at a stage named in stopAt. Answers: stage → {action, data}.</summary>
    public async Task<JsonNode> RunAsync(string applicationId, string applicantUser, JsonObject? answers = null, string? stopAt = null, int maxSteps = 80)
    {
        var admin = await As("admin");
        var reached = new Dictionary<string, int>();
        for (var step = 0; step < maxSteps; step++)
        {
            var detail = await admin.GetOkAsync($"/api/applications/{applicationId}");
            if (detail["status"]!.GetValue<string>() != "Waiting") return detail;
            var locality = detail["locality"]!.GetValue<string>();
            var tasks = (await admin.GetOkAsync("/api/tasks?pageSize=200"))["items"]!.AsArray().Where(t => t!["applicationId"]!.GetValue<string>() == applicationId).ToList();
            var task = tasks.FirstOrDefault();
            if (stopAt is not null && (task?["stage"]?.GetValue<string>() == stopAt ||
                detail["waitingAt"]!.AsArray().Any(w => w!["stage"]?.GetValue<string>() == stopAt))) return detail;
            if (task is null)
            {
                await PassTimeAsync(detail);
                continue;
            }
            var stage = task["stage"]!.GetValue<string>();
            // An answer list gives one answer per time the stage is reached (the last one repeats).
            var answer = answers?[stage] is JsonArray list ? list[Math.Min(reached.GetValueOrDefault(stage), list.Count - 1)] : answers?[stage];
            reached[stage] = reached.GetValueOrDefault(stage) + 1;
            if (answer?["action"]?.GetValue<string>() == "overdue")
            {
                await PassTimeAsync(detail);
                continue;
            }
            var actor = await As(UserFor(task, locality, applicantUser));
            await ActAsync(actor, task, answer).ContinueWith(t => t.Result.Expect(HttpStatusCode.OK));
        }
        throw new InvalidOperationException($"application {applicationId} did not finish in {maxSteps} steps");
    }

    /// <summary>Acts on a task with its form's minimal-valid data overlaid with the answer.</summary>
    public static async Task<ApiResponse> ActAsync(ApiClient actor, JsonNode task, JsonNode? answer)
    {
        var id = task["id"]!.GetValue<string>();
        var opened = await actor.GetOkAsync($"/api/tasks/{id}");
        var data = opened["form"] is JsonObject form ? MinimalValid(form["formId"]!.GetValue<string>(), form["schema"]!.AsObject()) : new JsonObject();
        var actions = task["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        var action = answer?["action"]?.GetValue<string>() ?? new[] { "approve", "pass", "vote" }.First(actions.Contains);
        if (action == "vote") { data["for"] = 7; data["against"] = 0; data["abstain"] = 0; }
        if (answer?["data"] is JsonObject given)
            foreach (var (key, value) in given) data[key] = value?.DeepClone();
        return await actor.PostAsync($"/api/tasks/{id}/act", new JsonObject { ["action"] = action, ["data"] = data, ["comment"] = "同意" });
    }

    /// <summary>Moves the server's clock past the earliest due date it waits for and fires the timers.</summary>
    public async Task PassTimeAsync(JsonNode detail)
    {
        var due = detail["waitingAt"]!.AsArray().Select(w => w!["dueDate"]?.GetValue<string>()).Where(d => d is not null).Min()
            ?? throw new InvalidOperationException($"nothing to do and no timer: {detail.ToJsonString()}");
        factory.Clock.AdvanceTo(ChinaTime.EndOf(DateOnly.ParseExact(due, "yyyy-MM-dd")).AddMinutes(1));
        await factory.Services.GetRequiredService<TimerSweeper>().SweepAsync();
    }

    public static List<string> Stages(JsonNode detail) =>
        detail["timeline"]!.AsArray().Select(e => e!["stage"]!.GetValue<string>()).ToList();
}
