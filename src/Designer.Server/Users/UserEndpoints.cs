using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace Designer.Server.Users;

/// <summary>/api/users: people managed by policy admins (everyone) and locality admins (their locality).</summary>
public static class UserEndpoints
{
    public static void MapUsers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.UserAdmins);
        group.MapGet("", async (HttpContext context, UserAdmin admin, string? q, string? locality, string? role, string? org, int? page, int? pageSize) =>
            TypedResults.Ok(await admin.ListAsync(context.CurrentUser(), q, locality, role, org, page, pageSize)));
        group.MapPost("", Create).Fails(422);
        // The file's type is checked by the handler (415 otherwise), so the route is documented, not content-matched.
        group.MapPost("/import", UserImport.ImportAsync).Fails(400, 413, 415, 422).AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [UserImport.Csv] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                    [UserImport.Xlsx] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                },
            };
            return Task.CompletedTask;
        });
        group.MapGet("/{userName}", async (string userName, HttpContext context, UserAdmin admin) =>
        {
            var (user, roles) = await admin.FindAsync(context.CurrentUser(), userName);
            return TypedResults.Ok(UserAdmin.View(user, roles));
        });
        group.MapPut("/{userName}", Update).Fails(422);
        // Optional body: routing would not match a request without one to a route that declares a body, so it is documented only.
        group.MapPost("/{userName}/reset-password", ResetPassword).Fails(400, 422).AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = false,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Properties = new Dictionary<string, IOpenApiSchema> { ["password"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null } },
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });
    }

    private static async Task<Results<Created<UserView>, ProblemHttpResult>> Create(UserWrite body, HttpContext context, UserAdmin admin)
    {
        var errors = await admin.CheckAsync(context.CurrentUser(), body, null, []);
        if (errors.Count > 0) return Problems.FormErrors(errors, errors[0].Message);
        var (user, failures) = await admin.CreateAsync(body);
        if (user is null) return Problems.FormErrors(failures, failures[0].Message);
        var (created, roles) = await admin.FindAsync(context.CurrentUser(), user.UserName!);
        return TypedResults.Created($"/api/users/{Uri.EscapeDataString(created.UserName!)}", UserAdmin.View(created, roles));
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> Update(string userName, UserWrite body, HttpContext context, UserAdmin admin)
    {
        var caller = context.CurrentUser();
        var (user, roles) = await admin.FindAsync(caller, userName);
        var errors = await admin.CheckAsync(caller, body, user, roles);
        if (errors.Count > 0) return Problems.FormErrors(errors, errors[0].Message);
        var now = await admin.UpdateAsync(user, roles, body);
        return TypedResults.Ok(UserAdmin.View(user, now));
    }

    /// <summary>The body is optional (none: a generated password), so it is read here rather than bound.</summary>
    private static async Task<Results<Ok<ResetPasswordResult>, ProblemHttpResult>> ResetPassword(string userName, HttpContext context, UserAdmin admin)
    {
        var body = context.Request.HasJsonContentType() && context.Request.ContentLength != 0
            ? await context.Request.ReadFromJsonAsync<ResetPasswordRequest>(context.RequestAborted) : null;
        var caller = context.CurrentUser();
        var (user, _) = await admin.FindAsync(caller, userName);
        if (user.Id == caller.Id) return Problems.Forbidden("请通过修改密码更改自己的密码 (change your own password at /api/auth/change-password)");
        var given = body?.Password;
        if (given is not null && PasswordPolicy.FirstProblem(user.UserName, given) is { } weak) return Problems.Invalid("$.password", weak);
        var password = given ?? UserAdmin.GeneratePassword();
        await admin.SetTemporaryPasswordAsync(user, password);
        return TypedResults.Ok(new ResetPasswordResult(user.UserName!, given is null ? password : null, true));
    }
}
