using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Server.Applications;
using Designer.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Server.Tests;

/// <summary>Timers live in the database: a publicity that ends while the server is down ends when it is back, once.</summary>
public sealed class TimerRestartTests : IDisposable
{
    private readonly string _folder = Folders.New();

    private sealed class Server(string folder, ManualClock clock, double pollSeconds) : DesignerFactory(folder, clock, pollSeconds)
    {
        public Server Keep() { DeleteFolderOnDispose = false; return this; }
    }

    private static JsonObject Applicant(string name) => new()
    {
        ["name"] = name, ["county"] = "和静县", ["unit"] = "和静县第一中学", ["employmentType"] = "public-institution",
        ["workplaceLevel"] = "county", ["series"] = "teacher", ["level"] = "deputy-senior", ["kind"] = "directed",
        ["grassrootsYears"] = 3, ["competentDepartment"] = "education",
    };

    [Fact]
    public async Task A_publicity_that_ended_during_downtime_ends_after_the_restart_exactly_once()
    {
        var clock = ManualClock.StartingOn(new DateOnly(2024, 9, 2));
        string id;
        string endDate;
        using (var before = new Server(_folder, clock, pollSeconds: 3600).Keep())
        {
            var driver = new ApplicationDriver(before);
            var applicant = await before.CreateApplicantAsync("bazhou");
            id = await driver.SubmitAsync(applicant, "bazhou-directed-deputy-senior", Applicant("周强"));
            var waiting = await driver.RunAsync(id, applicant, stopAt: "unit-publicity");
            endDate = waiting["waitingAt"]!.AsArray().Single(w => w!["stage"]!.GetValue<string>() == "unit-publicity")!["dueDate"]!.GetValue<string>();
        }

        clock.AdvanceTo(ChinaTime.EndOf(DateOnly.ParseExact(endDate, "yyyy-MM-dd")).AddHours(1));
        using var after = new Server(_folder, clock, pollSeconds: 0.1);
        var admin = await after.SignInAsync("admin");
        JsonNode detail = new JsonObject();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            detail = await admin.GetOkAsync($"/api/applications/{id}");
            if (ApplicationDriver.Stages(detail).Contains("unit-publicity")) break;
            await Task.Delay(100);
        }
        Assert.Single(ApplicationDriver.Stages(detail), stage => stage == "unit-publicity");
        Assert.Equal("no-objection", detail["timeline"]!.AsArray().Single(e => e!["stage"]!.GetValue<string>() == "unit-publicity")!["action"]!.GetValue<string>());
        Assert.Contains(detail["waitingAt"]!.AsArray(), w => w!["stage"]!.GetValue<string>() == "competent-review");
    }

    [Fact]
    public async Task Two_writers_firing_the_same_timer_fire_it_once()
    {
        var clock = ManualClock.StartingOn(new DateOnly(2024, 9, 2));
        using var server = new Server(Folders.New(), clock, pollSeconds: 3600);
        var driver = new ApplicationDriver(server);
        var applicant = await server.CreateApplicantAsync("bazhou");
        var id = await driver.SubmitAsync(applicant, "bazhou-directed-deputy-senior", Applicant("吴敏"));
        await driver.RunAsync(id, applicant, stopAt: "unit-publicity");
        clock.AdvanceTo(clock.Now.AddDays(30));

        // Two writers are two requests: each one's scope (and its connection) ends when it is done.
        using (var first = server.Services.CreateScope())
        using (var second = server.Services.CreateScope())
        {
            var firstRecord = await first.ServiceProvider.GetRequiredService<DesignerDbContext>().Applications.SingleAsync(a => a.Id == id);
            var secondRecord = await second.ServiceProvider.GetRequiredService<DesignerDbContext>().Applications.SingleAsync(a => a.Id == id);
            Assert.True(await first.ServiceProvider.GetRequiredService<ApplicationRunner>().FireDueTimersAsync(firstRecord));
            Assert.False(await second.ServiceProvider.GetRequiredService<ApplicationRunner>().FireDueTimersAsync(secondRecord));
        }

        var detail = await (await server.SignInAsync("admin")).GetOkAsync($"/api/applications/{id}");
        Assert.Single(ApplicationDriver.Stages(detail), stage => stage == "unit-publicity");
    }

    public void Dispose() => DesignerFactory.TryDelete(_folder);
}
