using Designer.Persistence;
using Designer.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Committee;

public static class CommitteeEndpoints
{
    public static void MapCommittee(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/committee-sessions").WithTags("Committee sessions").RequireAuthorization();
        group.MapGet("/", async (HttpContext http, DesignerDbContext db) =>
        {
            var user = http.CurrentUser();
            var sessions = await db.CommitteeSessions.AsNoTracking().Include(s => s.Candidates).OrderByDescending(s => s.CreatedAt).ToListAsync();
            return Results.Ok(sessions
                .Where(s => (user.IsReviewer && user.Org == s.Org && (s.Org is not ("unit" or "county/hr") || user.Locality == s.Locality)) || user.CanOverseeLocality(s.Locality))
                .Select(s => new { id = s.Id, org = s.Org, locality = s.Locality, status = s.Status, createdAt = s.CreatedAt, closedAt = s.ClosedAt, candidates = s.Candidates.Count }));
        });
        group.MapPost("/", async (CreateSessionRequest request, HttpContext http, CommitteeService sessions) =>
        {
            var session = await sessions.CreateAsync(http.CurrentUser(), request);
            return Results.Created($"/api/committee-sessions/{session.Id}", CommitteeService.Dto(session));
        });
        group.MapGet("/{id}", async (string id, HttpContext http, CommitteeService sessions) =>
            Results.Ok(CommitteeService.Dto(await sessions.FindAsync(http.CurrentUser(), id))));
        group.MapPost("/{id}/votes", async (string id, VoteRequest vote, HttpContext http, CommitteeService sessions) =>
            Results.Ok(CommitteeService.Dto(await sessions.VoteAsync(http.CurrentUser(), id, vote))));
        group.MapPost("/{id}/close", async (string id, HttpContext http, CommitteeService sessions) =>
            Results.Ok(CommitteeService.Dto(await sessions.CloseAsync(http.CurrentUser(), id))));
    }
}
