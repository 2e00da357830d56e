using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;
using MiniExcelLibs;
using UglyToad.PdfPig;

namespace Designer.Server.Tests;

/// <summary>
/// The documents people print and file: the certificate PDF with its Chinese text and verification address, and the Excel
/// exports of a publicity list, a committee session and the application list, each only for those who may read it.
/// </summary>
public sealed class DocumentTests(BazhouFactory factory) : IClassFixture<BazhouFactory>
{
    private static JsonObject Teacher(string name, string unit = "和静县第五中学") => new()
    {
        ["name"] = name, ["county"] = "和静县", ["unit"] = unit, ["employmentType"] = "public-institution",
        ["workplaceLevel"] = "prefecture", ["series"] = "teacher", ["level"] = "deputy-senior", ["kind"] = "directed",
        ["grassrootsYears"] = 8, ["competentDepartment"] = "education",
    };

    private static JsonObject Answers() => new()
    {
        ["scoring"] = new JsonObject { ["action"] = "approve", ["data"] = new JsonObject { ["morality"] = 9, ["performance"] = 25, ["achievements"] = 22, ["ability"] = 16 } },
    };

    [Fact]
    public async Task The_certificate_PDF_prints_the_holder_series_level_and_verification_address_in_Chinese()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("bazhou");
        var id = await driver.SubmitAsync(applicant, "bazhou-directed-deputy-senior", Teacher("周文华"));
        var done = await driver.RunAsync(id, applicant, Answers());
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        var number = done["granted"]!["number"]!.GetValue<string>();

        var (status, type, pdf) = await DownloadAsync(await driver.As(applicant), $"/api/applications/{id}/certificate.pdf");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/pdf", type);
        var text = PdfText(pdf);
        foreach (var expected in new[] { "专业技术资格证书", "周文华", number, "中小学（含幼儿园）教师", "副高级", "定向评价", "南疆",
                     "巴音郭楞蒙古自治州", $"/public/certificates/{number}" })
            Assert.True(text.Contains(expected), $"the certificate should print '{expected}'; it reads: {text}");

        // The locality's admin may print it; another applicant of the locality and another locality's admin may not.
        Assert.Equal(HttpStatusCode.OK, (await DownloadAsync(await driver.As("bazhou-admin"), $"/api/applications/{id}/certificate.pdf")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync(await driver.As("bazhou-applicant"), $"/api/applications/{id}/certificate.pdf")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync(await driver.As("kashgar-admin"), $"/api/applications/{id}/certificate.pdf")).Status);
    }

    [Fact]
    public async Task An_application_without_a_certificate_answers_a_Chinese_404()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("bazhou");
        var id = await driver.SubmitAsync(applicant, "bazhou-directed-deputy-senior", Teacher("吴未发"));
        var response = await (await driver.As(applicant)).GetAsync($"/api/applications/{id}/certificate.pdf");
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Contains("尚未发证", response.Text);
    }

    [Fact]
    public async Task The_publicity_export_lists_every_name_of_the_units_notice_masked_with_its_objections()
    {
        var driver = new ApplicationDriver(factory);
        var first = await factory.CreateApplicantAsync("bazhou");
        var second = await factory.CreateApplicantAsync("bazhou");
        var firstId = await driver.SubmitAsync(first, "bazhou-directed-deputy-senior", Teacher("欧阳小明", "和静县第六中学"));
        var secondId = await driver.SubmitAsync(second, "bazhou-directed-deputy-senior", Teacher("郑大海", "和静县第六中学"));
        await driver.RunAsync(firstId, first, stopAt: "unit-publicity");
        await driver.RunAsync(secondId, second, stopAt: "unit-publicity");

        var notices = (await factory.Client().GetOkAsync("/api/public/publicity?locality=bazhou"))["items"]!.AsArray()
            .Where(n => n!["unit"]?.GetValue<string>() == "和静县第六中学").ToList();
        Assert.Equal(2, notices.Count);
        var objected = notices.Single(n => n!["name"]!.GetValue<string>() == "欧**明")!["id"]!.GetValue<string>();
        (await factory.Client().PostAsync($"/api/public/publicity/{objected}/objections", new JsonObject
        {
            ["name"] = "李四", ["contact"] = "13900000000", ["reason"] = "任职年限不符，请核查",
        })).Expect(HttpStatusCode.Accepted);

        var path = $"/api/publicity/{objected}/export.xlsx";
        var (status, type, xlsx) = await DownloadAsync(await driver.As("unit-reviewer-bazhou"), path);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", type);
        var rows = Rows(xlsx);
        Assert.Equal(["欧**明", "郑*海"], rows.Select(r => (string)r["姓名"]).Order().ToArray());
        Assert.All(rows, r => Assert.Equal("单位公示", (string)r["公示环节"]));
        Assert.Equal(1, Convert.ToInt32(rows.Single(r => (string)r["姓名"] == "欧**明")["异议数"]));
        Assert.Equal(0, Convert.ToInt32(rows.Single(r => (string)r["姓名"] == "郑*海")["异议数"]));
        Assert.DoesNotContain(rows, r => r.Values.Any(v => v?.ToString()?.Contains("欧阳小明") == true));

        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync(await driver.As(first), path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync(await driver.As("kashgar-admin"), path)).Status);
        Assert.Equal(HttpStatusCode.OK, (await DownloadAsync(await driver.As("bazhou-admin"), path)).Status);
    }

    [Fact]
    public async Task The_session_export_names_committee_and_date_and_gives_votes_ranks_and_decisions_in_Chinese()
    {
        var driver = new ApplicationDriver(factory);
        var names = new[] { "冯一", "陈二" };
        var ids = new List<string>();
        foreach (var name in names)
        {
            var applicant = await factory.CreateApplicantAsync("bazhou");
            var id = await driver.SubmitAsync(applicant, "bazhou-directed-deputy-senior", Teacher(name));
            await driver.RunAsync(id, applicant, Answers(), stopAt: "committee-vote");
            ids.Add(id);
        }
        var education = await driver.As("bazhou-reviewer-education");
        var session = (await education.PostAsync("/api/committee-sessions", new JsonObject())).Expect(HttpStatusCode.Created);
        var sessionId = session["id"]!.GetValue<string>();
        foreach (var candidate in session["candidates"]!.AsArray())
        {
            var mine = ids.Contains(candidate!["applicationId"]!.GetValue<string>());
            (await education.PostAsync($"/api/committee-sessions/{sessionId}/votes", new JsonObject
            {
                ["applicationId"] = candidate["applicationId"]!.GetValue<string>(), ["for"] = mine && candidate["applicantName"]!.GetValue<string>() == "陈二" ? 2 : 6,
                ["against"] = mine && candidate["applicantName"]!.GetValue<string>() == "陈二" ? 5 : 1, ["abstain"] = 0,
            })).Expect(HttpStatusCode.OK);
        }
        (await education.PostAsync($"/api/committee-sessions/{sessionId}/close")).Expect(HttpStatusCode.OK);

        var path = $"/api/committee-sessions/{sessionId}/export.xlsx";
        var (status, _, xlsx) = await DownloadAsync(education, path);
        Assert.Equal(HttpStatusCode.OK, status);
        var about = Rows(xlsx, "评审会").ToDictionary(r => (string)r["项目"], r => (string)r["内容"]);
        Assert.Equal("bazhou/education", about["评审委员会"]);
        Assert.Equal("2024", about["评审会日期"][..4]);
        Assert.Equal("已结束", about["状态"]);
        var results = Rows(xlsx, "表决结果");
        var passed = results.Single(r => (string)r["姓名"] == "冯一");
        Assert.Equal("通过", (string)passed["决定"]);
        Assert.Equal("6", passed["赞成"]?.ToString());
        var failed = results.Single(r => (string)r["姓名"] == "陈二");
        Assert.Equal("表决未通过", (string)failed["决定"]);
        Assert.NotEqual("", passed["排名"]?.ToString());

        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync(await driver.As("kashgar-admin"), path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync(await driver.As("bazhou-reviewer-health"), path)).Status);
    }

    [Fact]
    public async Task The_application_export_holds_what_the_caller_may_list_with_the_same_filters()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("bazhou");
        var id = await driver.SubmitAsync(applicant, "bazhou-directed-deputy-senior", Teacher("褚导出"));
        var other = await factory.CreateApplicantAsync("bazhou");
        var otherId = await driver.SubmitAsync(other, "bazhou-directed-deputy-senior", Teacher("卫别人"));

        var own = Rows((await DownloadAsync(await driver.As(applicant), "/api/applications/export.xlsx")).Body);
        var row = Assert.Single(own);
        Assert.Equal(id, (string)row["申报编号"]);
        Assert.Equal("褚导出", (string)row["姓名"]);
        Assert.Equal("办理中", (string)row["状态"]);
        Assert.Equal("副高级", (string)row["资格级别"]);
        Assert.Equal("政治审查", (string)row["当前环节"]);

        var admin = Rows((await DownloadAsync(await driver.As("bazhou-admin"), "/api/applications/export.xlsx?status=Waiting")).Body);
        Assert.Contains(admin, r => (string)r["申报编号"] == otherId);
        Assert.All(admin, r => Assert.Equal("办理中", (string)r["状态"]));
        Assert.Empty(Rows((await DownloadAsync(await driver.As("bazhou-admin"), "/api/applications/export.xlsx?status=Completed&definitionId=none")).Body));
        var outsider = Rows((await DownloadAsync(await driver.As("kashgar-admin"), "/api/applications/export.xlsx")).Body);
        Assert.DoesNotContain(outsider, r => (string)r["申报编号"] == id || (string)r["申报编号"] == otherId);
    }

    private static async Task<(HttpStatusCode Status, string? Type, byte[] Body)> DownloadAsync(ApiClient client, string path)
    {
        using var response = await client.Http.GetAsync(path);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The PDF's text as a reader extracts it, without the spaces extraction puts between glyphs.</summary>
    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", "");
    }

    private static List<IDictionary<string, object>> Rows(byte[] xlsx, string? sheet = null)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object>>().ToList();
    }
}
