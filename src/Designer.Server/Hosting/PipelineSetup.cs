using Designer.Server.Record;
using Designer.Server.Applications;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Catalog;
using Designer.Server.Committee;
using Designer.Server.Documents;
using Designer.Server.Forms;
using Designer.Server.Integration;
using Designer.Server.Notifications;
using Designer.Server.Operations;
using Designer.Server.Public;
using Designer.Server.Simulation;
using Designer.Server.Tasks;
using Designer.Server.Users;
using Designer.Server.Workflows;
using Designer.Server.World;
using Designer.Server.ApiDocs;

using Designer.Server.Calendar;

namespace Designer.Server.Hosting;

public static class PipelineSetup
{
    public static void UseDesigner(this WebApplication app)
    {
        app.UseDesignerEdge();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodySizeLimit>();
        // The Studio's files: an API request never is one, so it skips the file system lookups.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), studio => studio.UseDefaultFiles().UseStaticFiles());
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<PasswordChangeGate>();
        app.UseRateLimiter();
        app.UseMiddleware<JsonBodyGuard>();
        app.UseMiddleware<AntiforgeryForCookies>();

        app.MapDesignerHealth();
        app.MapOpenApi().AllowAnonymous();
        app.MapApiDocs();
        app.MapConnect();
        InternalTokenEndpoint.Build(app);

        var api = app.MapGroup("").WithProblemResponses();
        api.MapAuth();
        api.MapAccounts();
        api.MapUsers();
        api.MapCatalog();
        api.MapWorld();
        api.MapOrganisations();
        api.MapWorkflows();
        api.MapDraftMerge();
        api.MapForms();
        api.MapApplications();
        api.MapTasks();
        api.MapNotifications();
        api.MapOperations();
        api.MapImpact();
        api.MapCommittee();
        api.MapPublic();
        api.MapDocuments();
        api.MapSimulation();
        api.MapAudit();
        api.MapIntegration();
        api.MapApplicantRecord();
        api.MapEducationRegistrars();
        api.MapCalendar();
        Governance.GovernanceEndpoints.MapGovernance(api);

        // Unknown API routes are API errors; every other path belongs to the Studio's client-side router.
        // (A JSON route given another content type is not selected by routing and lands here too: that is a 415.)
        app.Map("/api/{**rest}", (HttpContext context) => context.Request.ContentLength > 0 && !context.Request.HasJsonContentType()
            ? Problems.Problem(415, "不支持的媒体类型", "请求体须为 JSON (Content-Type: application/json)")
            : Problems.NotFound("没有这个接口 (no such API route)")).ExcludeFromDescription();
        app.MapFallbackToFile("index.html");
    }
}
