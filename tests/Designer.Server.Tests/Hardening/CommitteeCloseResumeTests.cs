using System.Net;
using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Designer.Server.Committee;
using Designer.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Server.Tests.Hardening;

/// <summary>
/// A committee close interrupted after its decisions were saved (session "closing", no candidate moved on) finishes
/// when the session is closed again, and by itself when the server starts again (issue 13 item 5).
/// </summary>
public sealed class CommitteeCloseResumeTests : IDisposable
{
    private readonly string _folder = Folders.New();
    private readonly ManualClock _clock = ManualClock.StartingOn(new DateOnly(2024, 9, 2));

    private sealed class Server(string folder, ManualClock clock) : DesignerFactory(folder, clock)
    {
        public Server Keep() { DeleteFolderOnDispose = false; return this; }
    }

    [Fact]
    public async Task An_interrupted_close_finishes_on_the_next_close_and_when_the_server_starts()
    {
        var definitionId = "close-resume-" + Guid.NewGuid().ToString("N")[..6];
        string member, applicant, firstSession, secondSession;
        List<string> firstCandidates, secondCandidates;
        using (var before = new Server(_folder, _clock).Keep())
        {
            var admin = await before.SignInAsync("admin");
            (await admin.PostAsync("/api/workflows", TestWorkflows.Committee(definitionId, "sample-city/hr"))).Expect(HttpStatusCode.Created);
            (await admin.PostAsync($"/api/workflows/{definitionId}/publish")).Expect(HttpStatusCode.OK);
            member = await before.CreateReviewerAsync("sample-city", "sample-city/hr", "committee");
            applicant = await before.CreateApplicantAsync("sample-city");

            (firstSession, firstCandidates) = await VotedSessionAsync(before, definitionId, applicant, member, count: 3);
            await BeginClosingAsync(before, member, firstSession);
            var committee = await before.SignInAsync(member);
            Assert.Equal("closing", (await committee.GetOkAsync($"/api/committee-sessions/{firstSession}"))["status"]!.GetValue<string>());
            await AssertWaitingAtVoteAsync(admin, firstCandidates);
            (await committee.PostAsync($"/api/committee-sessions/{firstSession}/votes",
                new JsonObject { ["applicationId"] = firstCandidates[0], ["for"] = 0, ["against"] = 7, ["abstain"] = 0 })).Expect(HttpStatusCode.Conflict);

            var closed = (await committee.PostAsync($"/api/committee-sessions/{firstSession}/close")).Expect(HttpStatusCode.OK);
            Assert.Equal("closed", closed["status"]!.GetValue<string>());
            await AssertMovedOnOnceAsync(admin, firstCandidates);
            (await committee.PostAsync($"/api/committee-sessions/{firstSession}/close")).Expect(HttpStatusCode.Conflict);

            (secondSession, secondCandidates) = await VotedSessionAsync(before, definitionId, applicant, member, count: 3);
            await BeginClosingAsync(before, member, secondSession);
        }

        using var after = new Server(_folder, _clock);
        var auditor = await after.SignInAsync("auditor");
        var status = "";
        for (var attempt = 0; attempt < 100 && status != "closed"; attempt++)
        {
            status = (await auditor.GetOkAsync($"/api/committee-sessions/{secondSession}"))["status"]!.GetValue<string>();
            if (status != "closed") await Task.Delay(100);
        }
        Assert.Equal("closed", status);
        await AssertMovedOnOnceAsync(auditor, secondCandidates);
        Assert.True((await auditor.GetOkAsync("/api/audit/verify"))["intact"]!.GetValue<bool>());
    }

    private static async Task<(string Session, List<string> Candidates)> VotedSessionAsync(DesignerFactory server, string definitionId, string applicantUser, string member, int count)
    {
        var driver = new ApplicationDriver(server);
        var ids = new List<string>();
        for (var i = 0; i < count; i++) ids.Add(await driver.SubmitAsync(applicantUser, definitionId, new JsonObject { ["name"] = $"候选{i}" }));
        var committee = await server.SignInAsync(member);
        var session = (await committee.PostAsync("/api/committee-sessions", new JsonObject { ["definitionId"] = definitionId })).Expect(HttpStatusCode.Created);
        var sessionId = session["id"]!.GetValue<string>();
        Assert.Equal(ids.Order(), session["candidates"]!.AsArray().Select(c => c!["applicationId"]!.GetValue<string>()).Order());
        foreach (var id in ids)
            (await committee.PostAsync($"/api/committee-sessions/{sessionId}/votes", new JsonObject { ["applicationId"] = id, ["for"] = 6, ["against"] = 1, ["abstain"] = 0 }))
                .Expect(HttpStatusCode.OK);
        return (sessionId, ids);
    }

    /// <summary>What a crash right after the decisions were committed leaves behind.</summary>
    private static async Task BeginClosingAsync(DesignerFactory server, string member, string sessionId)
    {
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<DesignerUser>>().CreateAsync((await users.FindByNameAsync(member))!);
        await scope.ServiceProvider.GetRequiredService<CommitteeService>().BeginClosingAsync(new CurrentUser(principal), sessionId);
    }

    private static async Task AssertWaitingAtVoteAsync(ApiClient reader, IEnumerable<string> applications)
    {
        foreach (var id in applications)
            Assert.Contains((await reader.GetOkAsync($"/api/applications/{id}"))["waitingAt"]!.AsArray(), w => w!["stage"]!.GetValue<string>() == "committee-vote");
    }

    private static async Task AssertMovedOnOnceAsync(ApiClient reader, IEnumerable<string> applications)
    {
        foreach (var id in applications)
        {
            var detail = await reader.GetOkAsync($"/api/applications/{id}");
            Assert.Equal("Completed", detail["status"]!.GetValue<string>());
            Assert.Single(ApplicationDriver.Stages(detail), stage => stage == "committee-vote");
        }
    }

    public void Dispose() => DesignerFactory.TryDelete(_folder);
}
