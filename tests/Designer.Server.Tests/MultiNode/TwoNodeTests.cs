#if POSTGRES
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Server.Tests.Infrastructure;
using Designer.Server.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Server.Tests.MultiNode;

/// <summary>
/// Two nodes over one PostgreSQL database: two servers (each its own services, caches, queues and connection pool)
/// over the same folder, hence the same database. What one node issues the other accepts; due timers swept by both
/// at once fire once.
/// </summary>
public sealed class TwoNodeTests : IDisposable
{
    private readonly string _folder = Folders.New();
    private readonly ManualClock _clock = ManualClock.StartingOn(new DateOnly(2024, 9, 2));

    private sealed class Node(string folder, ManualClock clock) : DesignerFactory(folder, clock)
    {
        public Node Keep() { DeleteFolderOnDispose = false; return this; }
    }

    [Fact]
    public async Task A_token_and_a_cookie_issued_by_one_node_are_accepted_by_the_other()
    {
        using var first = new Node(_folder, _clock).Keep();
        var signedIn = await first.SignInAsync("bazhou-admin");
        using var second = new Node(_folder, _clock).Keep();

        var onSecond = second.Client("bazhou-admin");
        onSecond.Http.DefaultRequestHeaders.Authorization = signedIn.Http.DefaultRequestHeaders.Authorization;
        Assert.Equal("bazhou-admin", (await onSecond.GetOkAsync("/api/auth/me"))["userName"]!.GetValue<string>());

        using var browser = first.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        using var cookieLogin = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName = "bazhou-admin", password = DesignerFactory.Password });
        cookieLogin.EnsureSuccessStatusCode();
        var cookie = cookieLogin.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var withCookie = second.Client();
        withCookie.Http.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookie));
        Assert.Equal("bazhou-admin", (await withCookie.GetOkAsync("/api/auth/me"))["userName"]!.GetValue<string>());
    }

    public static TheoryData<string> Revocations => ["logout", "disabled", "password reset by an admin"];

    /// <summary>Neither node keeps what it validated past a revocation made on the other: the next request is refused.</summary>
    [Theory]
    [MemberData(nameof(Revocations))]
    public async Task A_token_revoked_through_one_node_is_refused_by_the_other_at_once(string how)
    {
        using var first = new Node(_folder, _clock).Keep();
        var userName = await first.CreateApplicantAsync("bazhou");
        var onFirst = await first.SignInAsync(userName);
        using var second = new Node(_folder, _clock).Keep();
        var onSecond = second.Client(userName);
        onSecond.Http.DefaultRequestHeaders.Authorization = onFirst.Http.DefaultRequestHeaders.Authorization;
        // Accepted by both, twice each: each node has validated (and cached) the token before the revocation.
        for (var i = 0; i < 2; i++)
        {
            (await onFirst.GetAsync("/api/auth/me")).Expect(HttpStatusCode.OK);
            (await onSecond.GetAsync("/api/auth/me")).Expect(HttpStatusCode.OK);
        }
        var bystander = await second.SignInAsync(await second.CreateApplicantAsync("bazhou"));

        switch (how)
        {
            case "logout":
                (await onFirst.PostAsync("/api/auth/logout")).Expect(HttpStatusCode.NoContent);
                break;
            case "disabled":
                var admin = await first.SignInAsync("bazhou-admin");
                (await admin.PutAsync($"/api/users/{userName}", new JsonObject { ["disabled"] = true })).Expect(HttpStatusCode.OK);
                break;
            default:
                var policyAdmin = await first.SignInAsync("admin");
                (await policyAdmin.PostAsync($"/api/users/{userName}/reset-password", new JsonObject())).Expect(HttpStatusCode.OK);
                break;
        }

        (await onSecond.GetAsync("/api/auth/me")).Expect(HttpStatusCode.Unauthorized);
        (await onSecond.GetAsync("/api/applications")).Expect(HttpStatusCode.Unauthorized);
        (await onFirst.GetAsync("/api/auth/me")).Expect(HttpStatusCode.Unauthorized);
        (await bystander.GetAsync("/api/auth/me")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Due_timers_swept_by_both_nodes_at_once_fire_once()
    {
        using var first = new Node(_folder, _clock).Keep();
        var driver = new ApplicationDriver(first);
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var applicant = await first.CreateApplicantAsync("bazhou");
            var id = await driver.SubmitAsync(applicant, "bazhou-directed-deputy-senior", Applicant($"双节点{i}"));
            await driver.RunAsync(id, applicant, stopAt: "unit-publicity");
            ids.Add(id);
        }
        using var second = new Node(_folder, _clock).Keep();
        _ = second.Services; // started before the sweeps (a test server's lazy start is not thread-safe)
        _clock.AdvanceTo(_clock.Now.AddDays(30));

        var sweeps = Enumerable.Range(0, 3).SelectMany(_ => new[] { first, second })
            .Select(node => Task.Run(() => node.Services.GetRequiredService<TimerSweeper>().SweepAsync())).ToArray();
        var fired = (await Task.WhenAll(sweeps)).Sum();

        Assert.Equal(ids.Count, fired);
        var admin = await second.SignInAsync("admin");
        foreach (var id in ids)
        {
            var detail = await admin.GetOkAsync($"/api/applications/{id}");
            Assert.Single(ApplicationDriver.Stages(detail), stage => stage == "unit-publicity");
            Assert.Contains(detail["waitingAt"]!.AsArray(), w => w!["stage"]!.GetValue<string>() == "competent-review");
        }
    }

    private static JsonObject Applicant(string name) => new()
    {
        ["name"] = name, ["county"] = "和静县", ["unit"] = "和静县第一中学", ["employmentType"] = "public-institution",
        ["workplaceLevel"] = "county", ["series"] = "teacher", ["level"] = "deputy-senior", ["kind"] = "directed",
        ["grassrootsYears"] = 3, ["competentDepartment"] = "education",
    };

    public void Dispose()
    {
        TestDatabase.Drop(_folder);
        DesignerFactory.TryDelete(_folder);
    }
}
#endif
