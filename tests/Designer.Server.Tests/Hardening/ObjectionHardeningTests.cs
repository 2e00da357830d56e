using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Server.Tests.Hardening;

/// <summary>A Bazhou server whose objection settings a test chooses (Public:Objections:*).</summary>
public class ObjectionFactory(int permitLimit, long maxBodyBytes) : DesignerFactory(Folders.New(), ManualClock.StartingOn(new DateOnly(2024, 9, 2)))
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Public:Objections:PermitLimit"] = permitLimit.ToString(),
            ["Public:Objections:WindowSeconds"] = "3600",
            ["Public:Objections:MaxBodyBytes"] = maxBodyBytes.ToString(),
        }));
    }

    /// <summary>An application of its own waiting at its unit publicity; the publicity's id.</summary>
    public async Task<(string ApplicationId, string PublicityId)> AtUnitPublicityAsync(string name, string unit)
    {
        var driver = new ApplicationDriver(this);
        var applicant = await CreateApplicantAsync("bazhou");
        var id = await driver.SubmitAsync(applicant, "bazhou-directed-deputy-senior", TaskRoleTests.Teacher(name, unit));
        await driver.RunAsync(id, applicant, stopAt: "unit-publicity");
        var notice = (await Client().GetOkAsync("/api/public/publicity?locality=bazhou"))["items"]!.AsArray().Single(n => n!["unit"]?.GetValue<string>() == unit)!;
        return (id, notice["id"]!.GetValue<string>());
    }

    /// <summary>The objections stored on the application's running publicity.</summary>
    public async Task<JsonArray> StoredObjectionsAsync(string applicationId)
    {
        using var scope = Services.CreateScope();
        var application = await scope.ServiceProvider.GetRequiredService<DesignerDbContext>().Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId);
        var state = WorkflowInstanceState.FromJson(application.StateJson!);
        return state.Bookmarks.Single(b => b.Kind == BookmarkKinds.Publicity).Payload["objections"]!.AsArray();
    }
}

public sealed class GenerousObjectionFactory() : ObjectionFactory(permitLimit: 1000, maxBodyBytes: 16 * 1024);
public sealed class StrictObjectionFactory() : ObjectionFactory(permitLimit: 3, maxBodyBytes: 16 * 1024);

/// <summary>
/// Anonymous objections (issue 13 item 4): bodies bounded, only the form's fields kept, the same objection recorded
/// once, concurrent objections all recorded (queued, not refused).
/// </summary>
public sealed class ObjectionHardeningTests(GenerousObjectionFactory factory) : IClassFixture<GenerousObjectionFactory>
{
    public static JsonObject Objection(string name, string reason) => new()
    {
        ["name"] = name, ["contact"] = "13900000000", ["reason"] = reason, ["objectionType"] = "false-materials",
    };

    [Fact]
    public async Task Only_the_forms_fields_are_stored_and_the_same_objection_is_stored_once()
    {
        var (id, publicity) = await factory.AtUnitPublicityAsync("褚明", "和静县第七中学");
        var visitor = factory.Client();
        var body = Objection("李四", "论文与他人雷同，请核查相关材料");
        body["padding"] = new string('x', 4000);
        body["nested"] = new JsonObject { ["deep"] = new JsonArray(1, 2, 3) };
        body["evidence"] = new JsonArray(new JsonObject { ["fileName"] = "a.txt", ["dataUrl"] = "data:text/plain;base64,SGVsbG8=", ["extra"] = "丢弃" });
        for (var i = 0; i < 3; i++)
        {
            var answer = await visitor.PostAsync($"/api/public/publicity/{publicity}/objections", body);
            Assert.True(answer.Status == HttpStatusCode.Accepted, answer.Text);
        }

        var stored = await factory.StoredObjectionsAsync(id);
        var data = Assert.Single(stored)!["data"]!.AsObject();
        Assert.Equal(["contact", "evidence", "objectionType", "objectorName", "reason"], data.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["dataUrl", "fileName"], data["evidence"]![0]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("李四", data["objectorName"]!.GetValue<string>());

        // Another objection is another record.
        (await visitor.PostAsync($"/api/public/publicity/{publicity}/objections", Objection("王五", "推荐程序不规范，未按规定公示")))
            .Expect(HttpStatusCode.Accepted);
        Assert.Equal(2, (await factory.StoredObjectionsAsync(id)).Count);
    }

    [Fact]
    public async Task Concurrent_objections_to_one_application_are_all_recorded()
    {
        var (id, publicity) = await factory.AtUnitPublicityAsync("卫东", "和静县第八中学");
        const int count = 24;
        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() =>
            factory.Client().PostAsync($"/api/public/publicity/{publicity}/objections", Objection($"反映人{i:00}", $"第 {i} 条异议：材料与事实不符，请核查")))));
        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.Accepted, $"{(int)a.Status} {a.Text}"));
        var stored = await factory.StoredObjectionsAsync(id);
        Assert.Equal(count, stored.Count);
        Assert.Equal(count, stored.Select(o => o!["data"]!["objectorName"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task Oversized_deep_or_duplicate_keyed_bodies_are_refused_and_nothing_is_stored()
    {
        var (id, publicity) = await factory.AtUnitPublicityAsync("蒋华", "和静县第九中学");
        var visitor = factory.Client();
        var path = $"/api/public/publicity/{publicity}/objections";

        var huge = Objection("李四", "论文与他人雷同，请核查" + new string('长', 20_000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await visitor.PostAsync(path, huge)).Status);

        var deep = new StringBuilder("{\"name\":\"李四\",\"contact\":\"13900000000\",\"reason\":\"层层嵌套的异议内容\",\"x\":");
        for (var i = 0; i < 40; i++) deep.Append('[');
        for (var i = 0; i < 40; i++) deep.Append(']');
        deep.Append('}');
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.SendRawAsync(HttpMethod.Post, path, deep.ToString())).Status);

        var duplicate = "{\"name\":\"李四\",\"contact\":\"13900000000\",\"reason\":\"重复键的异议内容一\",\"reason\":\"重复键的异议内容二\"}";
        var refused = await visitor.SendRawAsync(HttpMethod.Post, path, duplicate);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("application/problem+json", refused.MediaType);

        var surrogate = "{\"name\":\"李四\",\"contact\":\"13900000000\",\"reason\":\"孤立代理项 \\ud800 的异议\"}";
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.SendRawAsync(HttpMethod.Post, path, surrogate)).Status);

        Assert.Empty(await factory.StoredObjectionsAsync(id));
    }
}

/// <summary>Objections are rate-limited per client: over Public:Objections:PermitLimit in the window the answer is 429.</summary>
public sealed class ObjectionRateLimitTests(StrictObjectionFactory factory) : IClassFixture<StrictObjectionFactory>
{
    [Fact]
    public async Task A_client_over_its_objection_limit_gets_429_and_nothing_more_is_stored()
    {
        var (id, publicity) = await factory.AtUnitPublicityAsync("沈阳", "和静县第十中学");
        var visitor = factory.Client();
        var path = $"/api/public/publicity/{publicity}/objections";
        for (var i = 0; i < 3; i++)
            (await visitor.PostAsync(path, ObjectionHardeningTests.Objection($"反映人{i}", $"第 {i} 条异议：材料与事实不符"))).Expect(HttpStatusCode.Accepted);

        var limited = await visitor.PostAsync(path, ObjectionHardeningTests.Objection("反映人九", "第九条异议：材料与事实不符"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("application/problem+json", limited.MediaType);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", limited.Json!["detail"]!.GetValue<string>());
        Assert.Equal(3, (await factory.StoredObjectionsAsync(id)).Count);

        // Other anonymous routes are not limited by it.
        (await visitor.GetAsync("/api/public/publicity?locality=bazhou")).Expect(HttpStatusCode.OK);
    }
}
