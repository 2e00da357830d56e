using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Committee;

public static class CommitteeEndpoints
{
    public static void MapCommittee(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/committee-sessions").WithTags("Committee sessions").RequireAuthorization();
        group.MapGet("/", async (int? page, int? pageSize, HttpContext http, CommitteeService sessions, DesignerDbContext db) =>
        {
            var listed = (await sessions.ListAsync(http.CurrentUser())).Page(page, pageSize, s => s);
            var names = await NamesAsync(db, listed.Items);
            return TypedResults.Ok(new Paged<CommitteeSessionSummary>(listed.Items.Select(s => CommitteeDtos.Summary(s, names)).ToList(), listed.Total, listed.Page, listed.PageSize));
        }).Fails(422);
        group.MapPost("/", async (CreateSessionRequest request, HttpContext http, CommitteeService sessions, DesignerDbContext db) =>
        {
            var session = await sessions.CreateAsync(http.CurrentUser(), request);
            return TypedResults.Created($"/api/committee-sessions/{session.Id}", CommitteeDtos.Session(session, await NamesAsync(db, [session])));
        }).Fails(409, 422);
        group.MapGet("/{id}", async (string id, HttpContext http, CommitteeService sessions, DesignerDbContext db) =>
        {
            var session = await sessions.FindAsync(http.CurrentUser(), id);
            return TypedResults.Ok(CommitteeDtos.Session(session, await NamesAsync(db, [session])));
        });
        group.MapPost("/{id}/votes", async (string id, VoteRequest vote, HttpContext http, CommitteeService sessions) =>
            TypedResults.Ok(CommitteeDtos.Session(await sessions.VoteAsync(http.CurrentUser(), id, vote)))).Fails(409, 422);
        group.MapPost("/{id}/draw", async (string id, DrawRequest request, HttpContext http, CommitteeDraws draws) =>
            TypedResults.Ok(await draws.DrawAsync(http.CurrentUser(), id, request))).Fails(409, 422);
        group.MapGet("/{id}/draw", async (string id, HttpContext http, CommitteeDraws draws) =>
            TypedResults.Ok(await draws.FindAsync(http.CurrentUser(), id)));
        group.MapPost("/{id}/close", async (string id, HttpContext http, CommitteeService sessions) =>
            TypedResults.Ok(CommitteeDtos.Session(await sessions.CloseAsync(http.CurrentUser(), id)))).Fails(409, 422);
        app.MapCommitteeRegistry();
    }

    /// <summary>The registered names of the committees the sessions name.</summary>
    private static async Task<Dictionary<string, string>> NamesAsync(DesignerDbContext db, IEnumerable<CommitteeSessionRecord> sessions)
    {
        var ids = sessions.Select(s => s.CommitteeId).OfType<string>().Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Committees.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name);
    }
}
