using Designer.Persistence;
using Designer.Server.Auth;
using Designer.Server.Hosting;
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
            return TypedResults.Ok(sessions
                .Where(s => (user.IsReviewer && user.Org == s.Org && (s.Org is not ("unit" or "county/hr") || user.Locality == s.Locality)) || user.CanOverseeLocality(s.Locality))
                .Select(CommitteeDtos.Summary)
                .ToList());
        });
        group.MapPost("/", async (CreateSessionRequest request, HttpContext http, CommitteeService sessions) =>
        {
            var session = await sessions.CreateAsync(http.CurrentUser(), request);
            return TypedResults.Created($"/api/committee-sessions/{session.Id}", CommitteeDtos.Session(session));
        }).Fails(422);
        group.MapGet("/{id}", async (string id, HttpContext http, CommitteeService sessions) =>
            TypedResults.Ok(CommitteeDtos.Session(await sessions.FindAsync(http.CurrentUser(), id))));
        group.MapPost("/{id}/votes", async (string id, VoteRequest vote, HttpContext http, CommitteeService sessions) =>
            TypedResults.Ok(CommitteeDtos.Session(await sessions.VoteAsync(http.CurrentUser(), id, vote)))).Fails(409, 422);
        group.MapPost("/{id}/close", async (string id, HttpContext http, CommitteeService sessions) =>
            TypedResults.Ok(CommitteeDtos.Session(await sessions.CloseAsync(http.CurrentUser(), id)))).Fails(409, 422);
    }
}
