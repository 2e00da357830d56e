using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;
using MiniExcelLibs;

namespace Designer.Server.Tests;

/// <summary>
/// The applicant's record over HTTP (administration.md): a certificate issued here enters the titles register; its
/// revocation shows on the public check and writes an integrity record that the next eligibility check names;
/// imports are all or none with a report per row; the person reads their own, HR of the locality and admins write.
/// </summary>
public sealed class ApplicantRecordTests(BazhouFactory factory) : IClassFixture<BazhouFactory>
{
    private const string HrReviewer = "bazhou-reviewer-hr";

    [Fact]
    public async Task A_granted_certificate_enters_the_titles_register_and_once_revoked_verifies_as_revoked_and_blocks_eligibility()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("bazhou");
        var number = await BazhouGrants.DirectedDeputySeniorAsync(driver, applicant, "周记录");

        var hr = await factory.SignInAsync(HrReviewer);
        var titles = (await hr.GetOkAsync($"/api/people/{applicant}/titles"))["items"]!.AsArray();
        var title = Assert.Single(titles)!;
        Assert.Equal("certificate", title["source"]!.GetValue<string>());
        Assert.Equal(number, title["certificateNumber"]!.GetValue<string>());
        Assert.True(title["directed"]!.GetValue<bool>());
        Assert.Equal("deputy-senior", title["level"]!.GetValue<string>());

        (await hr.PostAsync($"/api/certificates/{number}/revoke", new JsonObject { ["reason"] = " " })).Expect((HttpStatusCode)422);
        var revoked = (await hr.PostAsync($"/api/certificates/{number}/revoke", new JsonObject { ["reason"] = "经查实业绩材料弄虚作假" })).Expect(HttpStatusCode.OK);
        Assert.Equal("revoked", revoked["status"]!.GetValue<string>());
        (await hr.PostAsync($"/api/certificates/{number}/revoke", new JsonObject { ["reason"] = "再次" })).Expect(HttpStatusCode.Conflict);

        var check = await factory.Client().GetOkAsync($"/api/public/certificates/{number}");
        Assert.Equal("revoked", check["status"]!.GetValue<string>());
        Assert.False(check["valid"]!.GetValue<bool>());
        Assert.Equal(revoked["revokedOn"]!.GetValue<string>(), check["revokedOn"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", check["revokedOn"]!.GetValue<string>());
        Assert.Equal("经查实业绩材料弄虚作假", check["revocationReason"]!.GetValue<string>());

        // The title is no longer held; the integrity record says why, for three years.
        var own = await (await driver.As(applicant)).GetOkAsync($"/api/people/{applicant}/record");
        Assert.Empty(own["titles"]!.AsArray());
        var finding = Assert.Single(own["integrity"]!.AsArray())!;
        Assert.Contains("弄虚作假", finding["finding"]!.GetValue<string>());
        Assert.True(finding["active"]!.GetValue<bool>());
        Assert.Equal(int.Parse(finding["from"]!.GetValue<string>()[..4]) + 3, int.Parse(finding["until"]!.GetValue<string>()[..4]));

        // The next application is refused at eligibility, naming the finding.
        var next = await driver.SubmitAsync(applicant, "bazhou-directed-deputy-senior", BazhouGrants.Teacher("周记录"));
        var detail = await (await driver.As(applicant)).GetOkAsync($"/api/applications/{next}");
        Assert.Equal("Rejected", detail["status"]!.GetValue<string>());
        Assert.Contains("诚信档案记录期内不得申报", detail["reason"]!.GetValue<string>());
        Assert.Contains("弄虚作假", detail["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reissue_issues_a_new_number_linked_to_the_old_which_verifies_as_replaced()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("bazhou");
        var number = await BazhouGrants.DirectedDeputySeniorAsync(driver, applicant, "吴补发");
        var hr = await factory.SignInAsync(HrReviewer);
        var fresh = (await hr.PostAsync($"/api/certificates/{number}/reissue", new JsonObject { ["reason"] = "证书遗失，申请补发" })).Expect(HttpStatusCode.OK);
        var freshNumber = fresh["number"]!.GetValue<string>();
        Assert.Equal($"{number}-R1", freshNumber);
        Assert.Equal(number, fresh["replaces"]!.GetValue<string>());

        var old = await factory.Client().GetOkAsync($"/api/public/certificates/{number}");
        Assert.Equal("replaced", old["status"]!.GetValue<string>());
        Assert.Equal(freshNumber, old["replacedBy"]!.GetValue<string>());
        Assert.True((await factory.Client().GetOkAsync($"/api/public/certificates/{freshNumber}"))["valid"]!.GetValue<bool>());
        var title = Assert.Single((await hr.GetOkAsync($"/api/people/{applicant}/titles"))["items"]!.AsArray())!;
        Assert.Equal(freshNumber, title["certificateNumber"]!.GetValue<string>());
        var audit = await (await factory.SignInAsync("admin")).GetOkAsync($"/api/audit?subject=certificate/{number}");
        Assert.Contains("certificate.reissue", audit.ToJsonString());
    }

    [Fact]
    public async Task An_imported_title_finds_its_person_by_ID_number()
    {
        var idNumber = Users.RegistrationTests.NextIdNumber();
        var userName = $"id-import-{Guid.NewGuid().ToString("N")[..6]}";
        (await factory.Client().PostAsync("/api/auth/register", Users.RegistrationTests.Registration(userName, idNumber))).Expect(HttpStatusCode.Created);
        var hr = await factory.SignInAsync(HrReviewer);

        var unknown = Users.RegistrationTests.NextIdNumber();
        var csv = "idNumber,series,level,directed,validIn,obtainedOn\n" +
                  $"{idNumber},teacher,intermediate,false,,2017-12-20\n" +
                  $"{unknown},teacher,junior,false,,2012-07-01\n";
        var refused = (await hr.SendRawAsync(HttpMethod.Post, "/api/titles/import", csv, "text/csv")).Expect((HttpStatusCode)422);
        var problem = Assert.Single(refused["rejected"]!.AsArray())!;
        Assert.Equal(3, problem["row"]!.GetValue<int>());
        Assert.Contains("身份证号", problem["message"]!.GetValue<string>());
        Assert.Empty((await hr.GetOkAsync($"/api/people/{userName}/titles"))["items"]!.AsArray());

        var good = "身份证号,series,level,directed,validIn,obtainedOn\n" + $"{idNumber.ToLowerInvariant()},teacher,intermediate,false,,2017-12-20\n";
        (await hr.SendRawAsync(HttpMethod.Post, "/api/titles/import", good, "text/csv")).Expect(HttpStatusCode.OK);
        var title = Assert.Single((await hr.GetOkAsync($"/api/people/{userName}/titles"))["items"]!.AsArray())!;
        Assert.Equal("intermediate", title["level"]!.GetValue<string>());
    }

    [Fact]
    public async Task Imports_with_bad_rows_report_each_row_and_import_none()
    {
        var first = await factory.CreateApplicantAsync("bazhou");
        var second = await factory.CreateApplicantAsync("bazhou");
        var hr = await factory.SignInAsync(HrReviewer);
        var csv = "userName,series,level,directed,validIn,obtainedOn\n" +
                  $"{first},teacher,intermediate,true,southern Xinjiang,2018-12-20\n" +
                  $"{second},teacher,middle,false,,2019-12-20\n" +
                  "nobody-here,teacher,junior,false,,2015-07-01\n" +
                  $"{second},teacher,assistant,maybe,,2030-01-01\n";
        var refused = (await hr.SendRawAsync(HttpMethod.Post, "/api/titles/import", csv, "text/csv")).Expect((HttpStatusCode)422);
        Assert.Equal(0, refused["imported"]!.GetValue<int>());
        var rows = refused["rejected"]!.AsArray().Select(r => r!["row"]!.GetValue<int>()).ToList();
        Assert.Equal([3, 4, 5, 5], rows);
        Assert.Contains(refused["rejected"]!.AsArray(), r => r!["row"]!.GetValue<int>() == 3 && r["message"]!.GetValue<string>().Contains("level"));
        Assert.Empty((await hr.GetOkAsync($"/api/people/{first}/titles"))["items"]!.AsArray());

        var good = "userName,series,level,directed,validIn,obtainedOn\n" +
                   $"{first},teacher,intermediate,是,southern Xinjiang,2018-12-20\n" +
                   $"\"{second}\",teacher,assistant,false,,2019-12-20\n";
        var report = (await hr.SendRawAsync(HttpMethod.Post, "/api/titles/import", good, "text/csv")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, report["imported"]!.GetValue<int>());
        var imported = Assert.Single((await hr.GetOkAsync($"/api/people/{first}/titles"))["items"]!.AsArray())!;
        Assert.True(imported["directed"]!.GetValue<bool>());
        Assert.Equal("import", imported["source"]!.GetValue<string>());
        Assert.Equal(HrReviewer, imported["registeredBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_excel_import_with_one_bad_row_imports_none_and_a_good_one_imports_all()
    {
        var person = await factory.CreateApplicantAsync("bazhou");
        var admin = await factory.SignInAsync("bazhou-admin");
        var bad = Workbook(Row(person, "agriculture", "junior", new DateTime(2012, 7, 1)), Row(person, "astrology", "assistant", "2016-07-01"));
        var refused = (await PostBytesAsync(admin, bad)).Expect((HttpStatusCode)422);
        Assert.Equal(3, Assert.Single(refused["rejected"]!.AsArray())!["row"]!.GetValue<int>());
        Assert.Empty((await admin.GetOkAsync($"/api/people/{person}/titles"))["items"]!.AsArray());

        var good = Workbook(Row(person, "agriculture", "junior", new DateTime(2012, 7, 1)));
        Assert.Equal(1, (await PostBytesAsync(admin, good)).Expect(HttpStatusCode.OK)["imported"]!.GetValue<int>());
        Assert.Equal("2012-07-01", (await admin.GetOkAsync($"/api/people/{person}/titles"))["items"]![0]!["obtainedOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_person_reads_their_own_record_and_HR_of_the_locality_and_admins_write_it()
    {
        var person = await factory.CreateApplicantAsync("bazhou");
        var neighbour = await factory.CreateApplicantAsync("bazhou");
        var hours = new JsonObject { ["year"] = 2023, ["category"] = "public", ["hours"] = 30, ["source"] = "州人社局公需科目培训" };
        var title = new JsonObject { ["series"] = "teacher", ["level"] = "intermediate", ["directed"] = false, ["obtainedOn"] = "2019-12-20", ["source"] = "other-region" };

        var hr = await factory.SignInAsync(HrReviewer);
        var added = (await hr.PostAsync($"/api/people/{person}/education-hours", hours)).Expect(HttpStatusCode.Created);
        Assert.Equal(HrReviewer, added["registeredBy"]!.GetValue<string>());
        (await (await factory.SignInAsync("bazhou-admin")).PostAsync($"/api/people/{person}/titles", title)).Expect(HttpStatusCode.Created);
        (await (await factory.SignInAsync("admin")).PostAsync($"/api/people/{person}/titles", title)).Expect(HttpStatusCode.Created);

        var own = await factory.SignInAsync(person);
        var record = await own.GetOkAsync($"/api/people/{person}/record");
        Assert.Equal(2, record["titles"]!.AsArray().Count);
        Assert.Equal(30, record["educationHours"]![0]!["hours"]!.GetValue<double>());
        Assert.False(record["canWrite"]!.GetValue<bool>());
        (await own.PostAsync($"/api/people/{person}/education-hours", hours)).Expect(HttpStatusCode.Forbidden);
        (await own.PostAsync($"/api/people/{person}/titles", title)).Expect(HttpStatusCode.Forbidden);

        var failures = new List<string>();
        foreach (var outsider in new[] { neighbour, "bazhou-reviewer-education", "kashgar-admin", "kashgar-reviewer-county-hr" })
        {
            var client = await factory.SignInAsync(outsider);
            foreach (var (method, path, body) in new (HttpMethod, string, JsonNode?)[]
            {
                (HttpMethod.Get, $"/api/people/{person}/record", null), (HttpMethod.Get, $"/api/people/{person}/titles", null),
                (HttpMethod.Get, $"/api/people/{person}/education-hours", null), (HttpMethod.Post, $"/api/people/{person}/titles", title),
                (HttpMethod.Post, $"/api/people/{person}/education-hours", hours),
                (HttpMethod.Post, "/api/integrity-records", new JsonObject { ["userName"] = person, ["finding"] = "外人", ["from"] = "2024-01-01" }),
            })
            {
                var response = await client.SendAsync(method, path, body?.DeepClone());
                if (response.Status != HttpStatusCode.NotFound) failures.Add($"{outsider} {method} {path}: {(int)response.Status}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Bad_record_entries_are_refused_by_field_and_an_integrity_record_lasts_three_years_by_default()
    {
        var person = await factory.CreateApplicantAsync("bazhou");
        var hr = await factory.SignInAsync(HrReviewer);
        var refused = (await hr.PostAsync($"/api/people/{person}/education-hours", new JsonObject { ["year"] = 2023, ["category"] = "leisure", ["hours"] = -3 }))
            .Expect((HttpStatusCode)422);
        var paths = refused["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).ToList();
        Assert.Equal(["$.category", "$.hours"], paths);
        var exempt = (await hr.PostAsync($"/api/people/{person}/education-hours",
            new JsonObject { ["year"] = 2022, ["category"] = "public", ["exempt"] = true, ["exemptionReason"] = "免试审批" })).Expect(HttpStatusCode.Created);
        Assert.True(exempt["exempt"]!.GetValue<bool>());
        (await hr.PostAsync($"/api/people/{person}/titles", new JsonObject { ["series"] = "teacher", ["level"] = "intermediate", ["obtainedOn"] = "2019-13-40" }))
            .Expect((HttpStatusCode)422);

        var entry = (await hr.PostAsync("/api/integrity-records", new JsonObject { ["userName"] = person, ["finding"] = "伪造学历证书", ["from"] = "2023-05-01" }))
            .Expect(HttpStatusCode.Created);
        Assert.Equal("2026-05-01", entry["until"]!.GetValue<string>());
        Assert.True(entry["active"]!.GetValue<bool>());
        var listed = (await hr.GetOkAsync($"/api/integrity-records?userName={person}"))["items"]!.AsArray();
        Assert.Equal("伪造学历证书", Assert.Single(listed)!["finding"]!.GetValue<string>());
        Assert.Empty((await (await factory.SignInAsync("kashgar-admin")).GetOkAsync($"/api/integrity-records?userName={person}"))["items"]!.AsArray());
    }

    [Fact]
    public async Task The_simulation_endpoint_reads_the_record_in_the_case()
    {
        var admin = await factory.SignInAsync("bazhou-admin");
        JsonObject Case(JsonObject record)
        {
            var applicant = BazhouGrants.Teacher("模拟");
            foreach (var (key, value) in record) applicant[key] = value?.DeepClone();
            return new JsonObject { ["workflow"] = "bazhou", ["startDate"] = "2024-09-02", ["applicant"] = applicant };
        }
        var refused = (await admin.PostAsync("/api/simulate", Case(new JsonObject
        {
            ["integrity"] = new JsonArray(new JsonObject { ["finding"] = "伪造论文", ["from"] = "2023-01-10" }),
        }))).Expect(HttpStatusCode.OK);
        Assert.Equal("Rejected", refused["status"]!.GetValue<string>());
        Assert.Contains("伪造论文", refused["reason"]!.GetValue<string>());

        var passed = (await admin.PostAsync("/api/simulate", Case(new JsonObject
        {
            ["integrity"] = new JsonArray(new JsonObject { ["finding"] = "伪造论文", ["from"] = "2020-01-10" }),
        }))).Expect(HttpStatusCode.OK);
        Assert.NotEqual("Rejected", passed["status"]!.GetValue<string>());

        var malformed = (await admin.PostAsync("/api/simulate", Case(new JsonObject { ["titles"] = new JsonArray(new JsonObject { ["series"] = "teacher" }) })))
            .Expect((HttpStatusCode)422);
        Assert.Contains("$.applicant.titles[0].obtainedOn", malformed.ToJsonString());
    }

    private static Dictionary<string, object> Row(string userName, string series, string level, object obtainedOn) => new()
    {
        ["userName"] = userName, ["series"] = series, ["level"] = level, ["directed"] = "否", ["validIn"] = "", ["obtainedOn"] = obtainedOn,
    };

    private static byte[] Workbook(params Dictionary<string, object>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static async Task<ApiResponse> PostBytesAsync(ApiClient client, byte[] workbook)
    {
        using var content = new ByteArrayContent(workbook);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var response = await client.Http.PostAsync("/api/titles/import", content);
        return new ApiResponse(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }
}
