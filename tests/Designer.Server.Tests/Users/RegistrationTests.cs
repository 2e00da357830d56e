using System.Net;
using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Server.Tests.Users;

/// <summary>实名 self-registration: ID number checked and never kept in clear, one account per ID number and locality.</summary>
public sealed class RegistrationTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    /// <summary>A valid 18-character ID number (GB 11643 check character) for a birth date and sequence.</summary>
    public static string IdNumber(string region, DateOnly born, int sequence)
    {
        var body = $"{region}{born:yyyyMMdd}{sequence:000}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    private static int _sequence = Random.Shared.Next(100, 900);
    public static string NextIdNumber() => IdNumber("652801", new DateOnly(1988, 3, 14), Interlocked.Increment(ref _sequence) % 1000);

    public static JsonObject Registration(string userName, string idNumber, string locality = "bazhou") => new()
    {
        ["userName"] = userName, ["password"] = "Shenbao2024", ["displayName"] = "王小明", ["idNumber"] = idNumber,
        ["phone"] = "13912345678", ["locality"] = locality, ["county"] = "和静县", ["unit"] = "和静县第三中学",
    };

    [Fact]
    public void The_check_character_of_the_standards_examples_is_accepted()
    {
        Assert.Null(Designer.Server.Users.IdNumber.Problem("11010519491231002X"));
        Assert.Null(Designer.Server.Users.IdNumber.Problem("440524188001010014"));
        Assert.NotNull(Designer.Server.Users.IdNumber.Problem("110105194912310021"));
        Assert.Equal("11010519491231002X", IdNumber("110105", new DateOnly(1949, 12, 31), 2));
    }

    [Fact]
    public async Task A_visitor_registers_signs_in_as_an_applicant_and_the_ID_number_is_never_shown_or_stored_in_clear()
    {
        var id = NextIdNumber();
        var name = $"wang-{Guid.NewGuid().ToString("N")[..6]}";
        var created = await factory.Client().PostAsync("/api/auth/register", Registration(name, id));
        var account = created.Expect(HttpStatusCode.Created);
        Assert.Equal(["applicant"], account["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal($"{id[..6]}********{id[^4..]}", account["idNumber"]!.GetValue<string>());
        Assert.DoesNotContain(id, created.Text);

        var applicant = factory.Client(name);
        await applicant.SignInAsync("Shenbao2024");
        var me = await applicant.GetOkAsync("/api/auth/me");
        Assert.Equal("bazhou", me["locality"]!.GetValue<string>());
        Assert.Contains("applicant", me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        await applicant.GetOkAsync("/api/applications");

        var admin = await factory.SignInAsync("bazhou-admin");
        var seen = await admin.GetAsync($"/api/users/{name}");
        Assert.DoesNotContain(id, seen.Expect(HttpStatusCode.OK).ToJsonString());
        Assert.Equal("13912345678", seen.Json!["phone"]!.GetValue<string>());
        Assert.DoesNotContain(id, (await admin.GetAsync($"/api/users?q={name}")).Text);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DesignerDbContext>();
        var row = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == name);
        Assert.DoesNotContain(id, System.Text.Json.JsonSerializer.Serialize(row));
        Assert.DoesNotContain(id[6..14], row.IdNumberMasked);
    }

    [Fact]
    public async Task One_account_per_ID_number_and_locality()
    {
        var id = NextIdNumber();
        var visitor = factory.Client();
        (await visitor.PostAsync("/api/auth/register", Registration($"first-{Guid.NewGuid():N}"[..12], id))).Expect(HttpStatusCode.Created);
        var again = (await visitor.PostAsync("/api/auth/register", Registration($"second-{Guid.NewGuid():N}"[..13], id.ToLowerInvariant())))
            .Expect((HttpStatusCode)422);
        Assert.Equal("$.idNumber", again["errors"]![0]!["path"]!.GetValue<string>());
        (await visitor.PostAsync("/api/auth/register", Registration($"third-{Guid.NewGuid():N}"[..12], id, "kashgar"))).Expect(HttpStatusCode.Created);
    }

    public static TheoryData<string, string, string> BadFields => new()
    {
        { "idNumber", "\"110105194912310021\"", "$.idNumber" },
        { "idNumber", "\"65280119880314\"", "$.idNumber" },
        { "idNumber", "\"652801198813411230\"", "$.idNumber" },
        { "idNumber", "null", "$.idNumber" },
        { "phone", "\"0991-1234567\"", "$.phone" },
        { "phone", "null", "$.phone" },
        { "password", "\"shenbao\"", "$.password" },
        { "password", "\"shenbaomima\"", "$.password" },
        { "locality", "\"atlantis\"", "$.locality" },
        { "locality", "\"templates\"", "$.locality" },
        { "county", "\"\"", "$.county" },
        { "displayName", "\"\"", "$.displayName" },
        { "userName", "\"bazhou-applicant\"", "$.userName" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_bad_field_gets_422_naming_it(string field, string value, string path)
    {
        var body = Registration($"bad-{Guid.NewGuid():N}"[..10], NextIdNumber());
        body[field] = JsonNode.Parse(value);
        var problem = (await factory.Client().PostAsync("/api/auth/register", body)).Expect((HttpStatusCode)422);
        Assert.Contains(path, problem["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Registration_switched_off_in_settings_is_refused()
    {
        using var closed = new ConfiguredFactory("Development", new Dictionary<string, string?> { ["Registration:Enabled"] = "false", ["Seed:Definitions"] = "false" });
        var response = await closed.Client().PostAsync("/api/auth/register", Registration("closed-door", NextIdNumber()));
        response.Expect(HttpStatusCode.Forbidden);
        Assert.Contains("注册", response.Text);
    }
}
