#if POSTGRES
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
