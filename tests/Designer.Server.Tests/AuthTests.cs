using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Designer.Server.Tests;

public sealed class AuthTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    [Fact]
    public async Task Login_returns_an_OpenIddict_access_token_a_refresh_token_and_the_user()
    {
        var response = await factory.Client().PostAsync("/api/auth/login", new JsonObject { ["userName"] = "bazhou-reviewer-education", ["password"] = DesignerFactory.Password });
        var body = response.Expect(HttpStatusCode.OK);
        Assert.Equal("Bearer", body["tokenType"]!.GetValue<string>());
        Assert.InRange(body["expiresIn"]!.GetValue<long>(), 3000, 3600); // Auth:TokenMinutes = 60, counted from when it was issued
        // A JWT (encrypted: five parts) issued by the server's OpenID Connect provider, not an Identity bearer token.
        Assert.Equal(5, body["accessToken"]!.GetValue<string>().Split('.').Length);
        var refreshed = await factory.Client().Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = "designer-studio", ["refresh_token"] = body["refreshToken"]!.GetValue<string>(),
        }));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal("bazhou/education", body["user"]!["org"]!.GetValue<string>());
        Assert.Contains("reviewer", body["user"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));

        var me = await (await factory.SignInAsync("bazhou-reviewer-education")).GetOkAsync("/api/auth/me");
        Assert.Equal("bazhou", me["locality"]!.GetValue<string>());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_that_client_with_the_wrong_password_answer()
    {
        var client = factory.Client();
        ApiResponse? wrong = null;
        for (var i = 0; i < 5; i++)
            wrong = await client.PostAsync("/api/auth/login", new JsonObject { ["userName"] = "sample-city-applicant", ["password"] = "wrong" });
        var locked = await client.PostAsync("/api/auth/login", new JsonObject { ["userName"] = "sample-city-applicant", ["password"] = DesignerFactory.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.Status);
        Assert.Equal(wrong!.Words, locked.Words);
    }

    [Fact]
    public async Task Cookie_sessions_need_the_antiforgery_header_for_writes()
    {
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        (await http.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName = "kashgar-admin", password = DesignerFactory.Password })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/auth/me")).StatusCode);

        var validate = new { root = new { type = "Elsa.Flowchart", id = "root", activities = Array.Empty<object>() } };
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/api/workflows/validate", validate)).StatusCode);

        var token = (await http.GetFromJsonAsync<JsonObject>("/api/auth/antiforgery"))!["token"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workflows/validate") { Content = JsonContent.Create(validate) };
        request.Headers.Add("X-XSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        logout.Headers.Add("X-XSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.NoContent, (await http.SendAsync(logout)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_ticket_grant_is_of_no_use_from_outside()
    {
        var response = await factory.Client().Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:designer:params:oauth:grant-type:sign-in-ticket", ["client_id"] = "designer-studio", ["ticket"] = "made-up",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_grant", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("access_token", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_openapi_and_docs_answer_anonymously()
    {
        var client = factory.Client();
        (await client.GetAsync("/health")).Expect(HttpStatusCode.OK);
        var openApi = (await client.GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK);
        Assert.NotNull(openApi["paths"]!["/api/tasks/{id}/act"]);
        var docs = await client.Http.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("openapi/v1.json", await docs.Content.ReadAsStringAsync()); // Scalar names it relative to the site root
    }
}
