using Designer.Server.Auth;
using Designer.Server.Hosting;

namespace Designer.Server.Committee;

public static class CommitteeEndpoints
{
    public static void MapCommittee(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/committee-sessions").WithTags("Committee sessions").RequireAuthorization();
        group.MapGet("/", async (HttpContext http, CommitteeService sessions) =>
            TypedResults.Ok((await sessions.ListAsync(http.CurrentUser())).Select(CommitteeDtos.Summary).ToList()));
        group.MapPost("/", async (CreateSessionRequest request, HttpContext http, CommitteeService sessions) =>
        {
            var session = await sessions.CreateAsync(http.CurrentUser(), request);
            return TypedResults.Created($"/api/committee-sessions/{session.Id}", CommitteeDtos.Session(session));
        }).Fails(422);
        group.MapGet("/{id}", async (string id, HttpContext http, CommitteeService sessions) =>
            TypedResults.Ok(CommitteeDtos.Session(await sessions.FindAsync(http.CurrentUser(), id))));
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
}
