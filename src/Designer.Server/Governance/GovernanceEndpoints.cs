using Designer.Persistence;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Designer.Server.Public;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Designer.Server.Governance;

/// <summary>
/// Governance routes: the quota ledger, committee suspension and withdrawal, expert violations, invalidated results,
/// the complaints ledger, and what the public pages publish (plan, standards, quotas, reports).
/// </summary>
public static class GovernanceEndpoints
{
    public static IServiceCollection AddGovernance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<QuotaLedger>();
        services.AddScoped<CommitteeGovernance>();
        services.AddScoped<ExpertViolations>();
        services.AddScoped<ResultInvalidation>();
        services.AddScoped<ComplaintLedger>();
        services.Configure<ComplaintOptions>(configuration.GetSection(ComplaintOptions.Section));
        return services;
    }

    public static void MapGovernance(this IEndpointRouteBuilder app)
    {
        var quotas = app.MapGroup("/api/quotas").WithTags("Quotas").RequireAuthorization();
        quotas.MapGet("/", async (string? locality, string? unit, string? status, int? page, int? pageSize, HttpContext http, QuotaLedger ledger) =>
            TypedResults.Ok(await ledger.ListAsync(http.CurrentUser(), locality, unit, status, page, pageSize))).Fails(403, 422);
        quotas.MapPost("/", async (QuotaRequest request, HttpContext http, QuotaLedger ledger) =>
            TypedResults.Ok(await ledger.SetAsync(http.CurrentUser(), request))).Fails(403, 422);
        quotas.MapPost("/{id:long}/file", async (long id, QuotaFilingRequest request, HttpContext http, QuotaLedger ledger) =>
            TypedResults.Ok(await ledger.FileAsync(http.CurrentUser(), id, request))).Fails(403, 404, 409, 422);

        app.MapPost("/api/committees/governance", async (CommitteeGovernanceRequest request, HttpContext http, CommitteeGovernance governance) =>
            TypedResults.Ok(await governance.ActAsync(http.CurrentUser(), request))).WithTags("Committees").RequireAuthorization().Fails(403, 404, 409, 422);
        app.MapPost("/api/experts/violations", async (ExpertViolationRequest request, HttpContext http, ExpertViolations violations) =>
            TypedResults.Ok(await violations.RecordAsync(http.CurrentUser(), request))).WithTags("Expert pool").RequireAuthorization().Fails(403, 404, 422);
        app.MapPost("/api/operations/instances/{id}/invalidate", async (string id, InvalidationRequest request, HttpContext http, ResultInvalidation invalidation) =>
            TypedResults.Ok(await invalidation.InvalidateAsync(http.CurrentUser(), id, request))).WithTags("Operations").RequireAuthorization(Policies.Operate).Fails(404, 409, 422);

        var complaints = app.MapGroup("/api/complaints").WithTags("Complaints").RequireAuthorization();
        complaints.MapGet("/", async (string? locality, string? status, bool? overdue, int? page, int? pageSize, HttpContext http, ComplaintLedger ledger) =>
            TypedResults.Ok(await ledger.ListAsync(http.CurrentUser(), locality, status, overdue, page, pageSize))).Fails(403, 422);
        complaints.MapPost("/{id}/close", async (string id, ComplaintCloseRequest request, HttpContext http, ComplaintLedger ledger) =>
            TypedResults.Ok(await ledger.CloseAsync(http.CurrentUser(), id, request))).Fails(403, 404, 409, 422);

        var open = app.MapGroup("/api/public").WithTags("Public").AllowAnonymous();
        open.MapGet("/plan", async Task<Results<Ok<PublicPlanDto>, ProblemHttpResult>> (string? locality, EngineHost.EngineHost host, DesignerDbContext db, World.WorldVocabulary world) =>
            !new Committee.WorldCodes(world.Current).LocalityExists(locality ?? "")
                ? Problems.Invalid("$.locality", $"地区 “{locality}” 不存在 (unknown locality)")
                : TypedResults.Ok(await PublicPlan.OfAsync(locality!, host, db))).Fails(422);
        open.MapGet("/quotas", async (string? locality, int? page, int? pageSize, QuotaLedger ledger) =>
            TypedResults.Ok(await ledger.PublishedAsync(locality, page, pageSize))).Fails(422);
        open.MapPost("/complaints", async (ComplaintRequest request, ComplaintLedger ledger) =>
        {
            var receipt = await ledger.ReceiveAsync(request);
            return TypedResults.Created($"/api/complaints/{receipt.Id}", receipt);
        }).RequireRateLimiting(ObjectionOptions.RateLimitPolicy).Fails(422);
    }
}
