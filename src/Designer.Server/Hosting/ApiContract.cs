using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Designer.Server.Hosting;

/// <summary>
/// The problem answers (RFC 7807) each operation declares in the OpenAPI document. Those a route gives because of what it
/// is come from <see cref="WithProblemResponses"/>; those of its own logic (409, 422) it names with <see cref="Fails"/>.
/// </summary>
public static class ApiContract
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>
    /// For every route of the group: 401/403 when it needs a signed-in user, 404 when its path names something, and
    /// 400/413/415 when it reads a JSON body (malformed, too large, not JSON).
    /// </summary>
    public static RouteGroupBuilder WithProblemResponses(this RouteGroupBuilder group)
    {
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            var metadata = endpoint.Metadata;
            var declared = metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();
            void Add(int status)
            {
                if (declared.Add(status)) metadata.Add(ProblemMetadata(status));
            }
            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                Add(401);
                Add(403);
            }
            if (endpoint is RouteEndpointBuilder { RoutePattern.Parameters.Count: > 0 }) Add(404);
            if (TakesPageSize(metadata)) Add(422);
            if (metadata.OfType<IAcceptsMetadata>().Any())
            {
                Add(400);
                Add(413);
                Add(415);
            }
        });
        return group;
    }

    /// <summary>A list route (it reads `?pageSize=`) answers 422 to a size outside 1…200 (<see cref="Paging.Checked"/>).</summary>
    private static bool TakesPageSize(IList<object> metadata) =>
        metadata.OfType<System.Reflection.MethodInfo>().Any(handler => handler.GetParameters().Any(p => p.Name == "pageSize"));

    /// <summary>Declares the problem answers of the route's own logic: 409 (conflict), 422 (with errors by JSON path), …</summary>
    public static RouteHandlerBuilder Fails(this RouteHandlerBuilder builder, params int[] statuses) =>
        builder.WithMetadata(statuses.Select(ProblemMetadata).ToArray<object>());

    private static ProducesResponseTypeMetadata ProblemMetadata(int status) =>
        new(status, status == 422 ? typeof(InvalidProblemDetails) : typeof(ProblemDetails), [ProblemJson]);
}

/// <summary>The shape of a 422 answer (written by <see cref="Problems"/>): the problem and what was wrong, each by its path.</summary>
public sealed class InvalidProblemDetails : ProblemDetails
{
    public required IReadOnlyList<ProblemError> Errors { get; init; }
}

/// <summary>One error of a 422: a form field (path, its JSON pointer, message), or a workflow finding (with activityId and code).</summary>
public sealed record ProblemError(string Path, string Message, string? Pointer, string? ActivityId, string? Code);
