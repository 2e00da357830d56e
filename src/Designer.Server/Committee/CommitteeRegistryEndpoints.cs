using Designer.Server.Auth;
using Designer.Server.Hosting;

namespace Designer.Server.Committee;

public static class CommitteeRegistryEndpoints
{
    public static void MapCommitteeRegistry(this IEndpointRouteBuilder app)
    {
        var experts = app.MapGroup("/api/experts").WithTags("Expert pool").RequireAuthorization();
        experts.MapGet("/", async ([AsParameters] ExpertQuery query, HttpContext http, ExpertPool pool) =>
            TypedResults.Ok(await pool.ListAsync(http.CurrentUser(), query)));
        experts.MapPost("/", async (ExpertRequest request, HttpContext http, ExpertPool pool) =>
        {
            var expert = await pool.CreateAsync(http.CurrentUser(), request);
            return TypedResults.Created($"/api/experts/{expert.Id}", CommitteeRegistryDtos.Expert(expert));
        }).Fails(422);
        experts.MapGet("/{**id}", async (string id, HttpContext http, ExpertPool pool) =>
            TypedResults.Ok(CommitteeRegistryDtos.Expert(await pool.FindAsync(http.CurrentUser(), id))));
        experts.MapPut("/{**id}", async (string id, ExpertRequest request, HttpContext http, ExpertPool pool) =>
            TypedResults.Ok(CommitteeRegistryDtos.Expert(await pool.UpdateAsync(http.CurrentUser(), id, request)))).Fails(422);

        var committees = app.MapGroup("/api/committees").WithTags("Committees").RequireAuthorization();
        committees.MapGet("/", async (string? locality, string? series, string? status, int? page, int? pageSize, HttpContext http, CommitteeRegistry registry) =>
            TypedResults.Ok(await registry.ListAsync(http.CurrentUser(), locality, series, status, page, pageSize)));
        committees.MapPost("/", async (CommitteeRequest request, HttpContext http, CommitteeRegistry registry) =>
        {
            var committee = await registry.CreateAsync(http.CurrentUser(), request);
            return TypedResults.Created($"/api/committees/{committee.Id}", CommitteeRegistryDtos.Committee(committee));
        }).Fails(422);
        committees.MapGet("/{**id}", async (string id, HttpContext http, CommitteeRegistry registry) =>
            TypedResults.Ok(CommitteeRegistryDtos.Committee(await registry.FindAsync(http.CurrentUser(), id))));
        committees.MapPut("/{**id}", async (string id, CommitteeRequest request, HttpContext http, CommitteeRegistry registry) =>
            TypedResults.Ok(CommitteeRegistryDtos.Committee(await registry.UpdateAsync(http.CurrentUser(), id, request)))).Fails(422);
    }
}
