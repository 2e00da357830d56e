using Designer.Server.Auth;

namespace Designer.Server.Committee;

public static class CommitteeEndpoints
{
    public static void MapCommittee(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/committee-sessions").WithTags("Committee sessions").RequireAuthorization();
        group.MapGet("/", async (HttpContext http, CommitteeService sessions) =>
            Results.Ok((await sessions.ListAsync(http.CurrentUser())).Select(CommitteeService.Summary)));
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
