using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Designer.Server.Tests.Infrastructure;

/// <summary>An HTTP client signed in as one user (bearer token), with JSON helpers that keep the status code.</summary>
public sealed class ApiClient(HttpClient http, string? userName)
{
    public HttpClient Http { get; } = http;
    public string? UserName { get; } = userName;

    public async Task SignInAsync(string password)
    {
        var response = await PostAsync("/api/auth/login", new JsonObject { ["userName"] = UserName, ["password"] = password });
        Assert.True(response.Status == HttpStatusCode.OK, $"login of {UserName} failed: {response.Status} {response.Text}");
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", response.Json!["accessToken"]!.GetValue<string>());
    }

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);
    public Task<ApiResponse> PostAsync(string path, JsonNode? body = null) => SendAsync(HttpMethod.Post, path, body);
    public Task<ApiResponse> PutAsync(string path, JsonNode? body) => SendAsync(HttpMethod.Put, path, body);
    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await SendAsync(request);
    }

    public async Task<ApiResponse> SendRawAsync(HttpMethod method, string path, string body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await SendAsync(request);
    }

    private async Task<ApiResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, text, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>GET that must succeed; the JSON body.</summary>
    public async Task<JsonNode> GetOkAsync(string path)
    {
        var response = await GetAsync(path);
        return response.Expect(HttpStatusCode.OK);
    }
}

public sealed record ApiResponse(HttpStatusCode Status, string Text, string? MediaType)
{
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>What a person reads in a problem answer: status, title, detail (its traceId differs every time).</summary>
    public string Words => $"{(int)Status} {Json?["title"]} {Json?["detail"]}";

    public JsonNode? Json => Text.Length == 0 ? null : TryParse(Text);

    public JsonNode Expect(HttpStatusCode status)
    {
        Assert.True(Status == status, $"expected {(int)status} but got {(int)Status}: {Text}");
        return Json ?? new JsonObject();
    }

    private static JsonNode? TryParse(string text)
    {
        try { return JsonNode.Parse(text); }
        catch (System.Text.Json.JsonException) { return null; }
    }
}
