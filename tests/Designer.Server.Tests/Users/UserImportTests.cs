using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;
using MiniExcelLibs;

namespace Designer.Server.Tests.Users;

/// <summary>POST /api/users/import: every row checked first, then all imported or none, with a report per row.</summary>
public sealed class UserImportTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    private static async Task<ApiResponse> PostFileAsync(ApiClient client, byte[] content, string type)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        using var response = await client.Http.PostAsync("/api/users/import", body);
        return new ApiResponse(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    private static Task<ApiResponse> PostCsvAsync(ApiClient client, string csv) => PostFileAsync(client, Encoding.UTF8.GetBytes(csv), "text/csv");

    [Fact]
    public async Task A_file_with_bad_rows_imports_nobody_and_names_each_bad_row()
    {
        var admin = await factory.SignInAsync("admin");
        var t = Tag();
        var csv = $"""
            userName,displayName,password,roles,locality,org,taskRoles
            good-{t},好人,Haoren2024,reviewer,bazhou,bazhou/education,reviewer
            bad-role-{t},坏角色,Haoren2024,superuser,bazhou,,
            good-{t},重复,Haoren2024,applicant,bazhou,,
            weak-{t},弱密码,123,applicant,bazhou,,
            """;
        var response = await PostCsvAsync(admin, csv);
        var report = response.Expect((HttpStatusCode)422);
        Assert.Equal(0, report["imported"]!.GetValue<int>());
        var rows = report["rejected"]!.AsArray().Select(r => r!["row"]!.GetValue<int>()).Distinct().Order().ToList();
        Assert.Equal([3, 4, 5], rows);
        Assert.Contains("superuser", report["rejected"]!.AsArray().First(r => r!["row"]!.GetValue<int>() == 3)!["message"]!.GetValue<string>());
        (await admin.GetAsync($"/api/users/good-{t}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_good_CSV_with_Chinese_headers_imports_every_row_and_they_sign_in()
    {
        var admin = await factory.SignInAsync("bazhou-admin");
        var t = Tag();
        var csv = $"""
            用户名,姓名,密码,角色,机构,任务角色,手机
            edu-{t},教育局审核人,Shenhe2024,reviewer,bazhou/education,reviewer;committee,13800001111
            app-{t},"申报人, 王",,applicant,,,
            """;
        var result = (await PostCsvAsync(admin, csv)).Expect(HttpStatusCode.OK);
        Assert.Equal(2, result["imported"]!.GetValue<int>());
        var reviewer = await admin.GetOkAsync($"/api/users/edu-{t}");
        Assert.Equal("bazhou", reviewer["locality"]!.GetValue<string>());
        Assert.Equal(["committee", "reviewer"], reviewer["taskRoles"]!.AsArray().Select(r => r!.GetValue<string>()).Order());
        Assert.Equal("申报人, 王", (await admin.GetOkAsync($"/api/users/app-{t}"))["displayName"]!.GetValue<string>());

        var signedIn = factory.Client($"edu-{t}");
        await signedIn.SignInAsync("Shenhe2024");
        await signedIn.GetOkAsync("/api/tasks");

        // The row without a password got a one-time password, given back once, to be changed at the first sign-in.
        var issued = result["temporaryPasswords"]!.AsArray().Single();
        Assert.Equal($"app-{t}", issued!["userName"]!.GetValue<string>());
        var applicant = factory.Client($"app-{t}");
        await applicant.SignInAsync(issued["password"]!.GetValue<string>());
        Assert.True((await applicant.GetOkAsync("/api/auth/me"))["mustChangePassword"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_Excel_workbook_imports_like_a_CSV()
    {
        var admin = await factory.SignInAsync("admin");
        var t = Tag();
        using var workbook = new MemoryStream();
        workbook.SaveAs(new[]
        {
            new Dictionary<string, object> { ["用户名"] = $"xl-{t}", ["姓名"] = "表格导入", ["密码"] = "Biaoge2024", ["角色"] = "reviewer", ["地区"] = "kashgar", ["机构"] = "unit", ["任务角色"] = "reviewer", ["单位"] = "疏附县第一中学" },
        }, excelType: ExcelType.XLSX);
        var result = (await PostFileAsync(admin, workbook.ToArray(), Xlsx)).Expect(HttpStatusCode.OK);
        Assert.Equal(1, result["imported"]!.GetValue<int>());
        var user = await admin.GetOkAsync($"/api/users/xl-{t}");
        Assert.Equal("unit", user["org"]!.GetValue<string>());
        Assert.Equal("疏附县第一中学", user["unit"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_locality_admin_cannot_import_users_of_another_locality_or_privileged_ones()
    {
        var admin = await factory.SignInAsync("bazhou-admin");
        var t = Tag();
        var csv = $"""
            userName,displayName,password,roles,locality,org
            mine-{t},本地,Bendi20245,applicant,bazhou,
            theirs-{t},外地,Waidi20245,applicant,kashgar,
            boss-{t},管理员,Guanli2024,policy-admin,,
            """;
        var report = (await PostCsvAsync(admin, csv)).Expect((HttpStatusCode)422);
        Assert.Equal([3, 4], report["rejected"]!.AsArray().Select(r => r!["row"]!.GetValue<int>()).Order());
        (await admin.GetAsync($"/api/users/mine-{t}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unreadable_files_unknown_columns_and_other_media_types_are_refused_plainly()
    {
        var admin = await factory.SignInAsync("admin");
        var unknown = (await PostCsvAsync(admin, "userName,favouriteColour\nx-1,blue\n")).Expect((HttpStatusCode)422);
        Assert.Equal(1, unknown["rejected"]![0]!["row"]!.GetValue<int>());
        Assert.Contains("favouriteColour", unknown["rejected"]![0]!["message"]!.GetValue<string>());
        (await PostFileAsync(admin, Encoding.UTF8.GetBytes("not a workbook"), Xlsx)).Expect((HttpStatusCode)422);
        (await PostCsvAsync(admin, "")).Expect((HttpStatusCode)422);
        var json = await admin.PostAsync("/api/users/import", new JsonObject { ["userName"] = "x" });
        Assert.Equal(415, (int)json.Status);
        (await PostCsvAsync(await factory.SignInAsync("bazhou-reviewer-education"), "userName\nx\n")).Expect(HttpStatusCode.Forbidden);
    }
}
