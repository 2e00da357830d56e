using System.Net;
using System.Text.Json.Nodes;
using Designer.Persistence.Entities;
using Designer.Server.Documents;
using Designer.Server.Tests.Hardening;
using Designer.Server.Tests.Infrastructure;
using Designer.Server.World;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Designer.Server.Tests.World;

/// <summary>
/// The vocabulary and the localities are data (issue 8, part 1): a new prefecture with its county, a new series and a
/// county bureau are added over HTTP, and the validator accepts a workflow that uses them.
/// </summary>
public sealed class VocabularyTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";

    private static JsonObject Locality(string code, string? parent, params (string Code, string Name)[] counties) => new()
    {
        ["code"] = code, ["name"] = $"{code} 地区", ["parent"] = parent,
        ["counties"] = new JsonArray(counties.Select(c => (JsonNode)new JsonObject { ["code"] = c.Code, ["name"] = c.Name }).ToArray()),
    };

    private static JsonObject AccountingWorkflow(string definitionId, string locality, string series, string org, string applyForm = "apply")
    {
        var workflow = TestWorkflows.Review(definitionId, locality, org, applyForm);
        workflow["customProperties"]!["scope"] = new JsonObject { ["series"] = new JsonArray(series) };
        return workflow;
    }

    [Fact]
    public async Task Adding_aksu_with_wensu_the_accounting_series_and_a_county_education_bureau_makes_a_workflow_using_them_validate()
    {
        var admin = await factory.SignInAsync("admin");
        var locality = Unique("aksu");
        var series = Unique("accounting");
        var definitionId = Unique("aksu-accounting");
        var workflow = AccountingWorkflow(definitionId, locality, series, $"{locality}/wensu/education");

        var before = (await admin.PostAsync("/api/workflows", workflow.DeepClone())).Expect((HttpStatusCode)422);
        Assert.Contains(before["errors"]!.AsArray(), e => e!["path"]!.GetValue<string>() == "$.customProperties.locality");

        (await admin.PostAsync("/api/localities", Locality(locality, "xinjiang", ("wensu", "温宿县")))).Expect(HttpStatusCode.Created);
        (await admin.PostAsync("/api/workflows", workflow.DeepClone())).Expect(HttpStatusCode.Created);
        var unknownSeries = (await admin.PostAsync($"/api/workflows/{definitionId}/publish")).Expect((HttpStatusCode)422);
        Assert.Contains(unknownSeries["errors"]!.AsArray(), e => e!["path"]!.GetValue<string>() == "$.customProperties.scope.series" &&
            e["message"]!.GetValue<string>().Contains(series));

        (await admin.PostAsync("/api/vocabulary/series", new JsonObject { ["code"] = series, ["name"] = "会计", ["nameEn"] = "Accounting" }))
            .Expect(HttpStatusCode.Created);
        // The county bureau's step needs a holder (no orphan steps).
        await factory.CreateReviewerAsync(locality, $"{locality}/wensu/education", "reviewer");

        // The shared apply form does not offer 会计: publishing is refused, naming the series and the form's field, since
        // nobody could apply. The locality's own apply form offers it, and the procedure then publishes.
        var notOffered = (await admin.PostAsync($"/api/workflows/{definitionId}/publish")).Expect((HttpStatusCode)422);
        var problem = Assert.Single(notOffered["errors"]!.AsArray(), e => e!["path"]!.GetValue<string>() == "$.customProperties.scope.series")!;
        Assert.Contains("“会计”", problem["message"]!.GetValue<string>());
        Assert.Contains("申报表“apply”的 series", problem["message"]!.GetValue<string>());
        await PublishApplyFormOfferingAsync(admin, $"{locality}/apply", series, "会计");
        var draft = await admin.GetOkAsync($"/api/workflows/{definitionId}");
        (await admin.PutAsync($"/api/workflows/{definitionId}/draft", new JsonObject
        {
            ["definition"] = AccountingWorkflow(definitionId, locality, series, $"{locality}/wensu/education", $"{locality}/apply"),
            ["baseVersion"] = draft["version"]!.GetValue<int>(), ["concurrencyToken"] = draft["concurrencyToken"]!.GetValue<string>(),
        })).Expect(HttpStatusCode.OK);
        var published = (await admin.PostAsync($"/api/workflows/{definitionId}/publish")).Expect(HttpStatusCode.OK);
        Assert.True(published["isPublished"]!.GetValue<bool>());

        // An applicant of the new prefecture applies in the new series.
        var applicant = await factory.CreateApplicantAsync(locality);
        var applicationId = await new ApplicationDriver(factory).SubmitAsync(applicant, definitionId, new JsonObject
        {
            ["name"] = "艾会计", ["county"] = "温宿县", ["series"] = series, ["level"] = "intermediate", ["kind"] = "general",
            ["employmentType"] = "public-institution",
        });
        var application = await admin.GetOkAsync($"/api/applications/{applicationId}");
        Assert.Equal(series, application["data"]!["series"]!.GetValue<string>());
        Assert.Equal("Waiting", application["status"]!.GetValue<string>());

        var vocabulary = await admin.GetOkAsync("/api/vocabulary");
        Assert.Equal("会计", vocabulary["series"]![series]!.GetValue<string>());
        Assert.Equal("温宿县", vocabulary["counties"]![locality]!["wensu"]!.GetValue<string>());
        Assert.Equal("xinjiang", vocabulary["localityParents"]![locality]!.GetValue<string>());
    }

    [Fact]
    public async Task A_certificate_of_a_series_added_over_the_API_prints_the_series_by_its_Chinese_name()
    {
        var admin = await factory.SignInAsync("admin");
        var series = Unique("accounting");
        (await admin.PostAsync("/api/vocabulary/series", new JsonObject { ["code"] = series, ["name"] = "会计", ["nameEn"] = "Accounting" }))
            .Expect(HttpStatusCode.Created);

        var certificate = new CertificateRecord
        {
            Number = "测试〔2024〕1号", Locality = "bazhou", Holder = "林青", Series = series, Level = "intermediate", IssuedOn = "2024-07-01",
        };
        var pdf = CertificatePdf.Render(certificate, "https://example.test/public/certificates/1", factory.Services.GetRequiredService<WorldVocabulary>().Current);
        using var document = PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", "");
        Assert.Contains("会计", text);
        Assert.Contains("中级", text);
        Assert.DoesNotContain(series, text);
    }

    [Fact]
    public async Task A_step_of_an_unknown_county_or_department_is_named_by_the_validator()
    {
        var admin = await factory.SignInAsync("admin");
        var locality = Unique("aksu");
        (await admin.PostAsync("/api/localities", Locality(locality, "xinjiang", ("wensu", "温宿县")))).Expect(HttpStatusCode.Created);
        var definitionId = Unique("aksu-unknown-county");
        (await admin.PostAsync("/api/workflows", AccountingWorkflow(definitionId, locality, "teacher", $"{locality}/awat/education"))).Expect(HttpStatusCode.Created);
        var refused = (await admin.PostAsync($"/api/workflows/{definitionId}/publish")).Expect((HttpStatusCode)422);
        Assert.Contains(refused["errors"]!.AsArray(), e => e!["activityId"]?.GetValue<string>() == "review" &&
            e["path"]!.GetValue<string>().EndsWith(".assigneeOrg"));
    }

    [Fact]
    public async Task Bad_localities_and_entries_get_422_naming_the_field_and_nothing_is_saved()
    {
        var admin = await factory.SignInAsync("admin");
        var locality = Unique("aksu");
        (await admin.PostAsync("/api/localities", Locality(locality, "xinjiang"))).Expect(HttpStatusCode.Created);

        var duplicate = (await admin.PostAsync("/api/localities", Locality(locality, "xinjiang"))).Expect((HttpStatusCode)422);
        Assert.Equal("$.code", duplicate["errors"]![0]!["path"]!.GetValue<string>());
        var orphan = Unique("hotan");
        var unknownParent = (await admin.PostAsync("/api/localities", Locality(orphan, "no-such-region"))).Expect((HttpStatusCode)422);
        Assert.Equal("$.parent", unknownParent["errors"]![0]!["path"]!.GetValue<string>());
        Assert.Contains("no-such-region", unknownParent["detail"]!.GetValue<string>());
        var twice = (await admin.PostAsync("/api/localities", Locality(orphan, null, ("a", "甲县"), ("a", "乙县")))).Expect((HttpStatusCode)422);
        Assert.Equal("$.counties[1].code", twice["errors"]![0]!["path"]!.GetValue<string>());
        var badCode = (await admin.PostAsync("/api/localities", new JsonObject { ["code"] = "Not A Code", ["name"] = "x" })).Expect((HttpStatusCode)422);
        Assert.Equal("$.code", badCode["errors"]![0]!["path"]!.GetValue<string>());
        var localities = await admin.GetOkAsync("/api/localities?pageSize=200");
        Assert.DoesNotContain(localities["items"]!.AsArray(), l => l!["code"]!.GetValue<string>() == orphan);

        (await admin.PostAsync("/api/vocabulary/departments", new JsonObject { ["code"] = "teacher", ["name"] = "教师" })).Expect(HttpStatusCode.Created);
        var again = (await admin.PostAsync("/api/vocabulary/series", new JsonObject { ["code"] = "teacher", ["name"] = "教师" })).Expect((HttpStatusCode)422);
        Assert.Equal("$.code", again["errors"]![0]!["path"]!.GetValue<string>());
        var nameless = (await admin.PostAsync("/api/vocabulary/series", new JsonObject { ["code"] = Unique("x"), ["name"] = " " })).Expect((HttpStatusCode)422);
        Assert.Equal("$.name", nameless["errors"]![0]!["path"]!.GetValue<string>());
        (await admin.PostAsync("/api/vocabulary/planets", new JsonObject { ["code"] = "mars", ["name"] = "火星" })).Expect(HttpStatusCode.NotFound);
        (await admin.GetAsync("/api/vocabulary/planets")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Everyone_signed_in_reads_paged_lists_and_only_the_policy_admin_adds()
    {
        var reviewer = await factory.SignInAsync("bazhou-reviewer-education");
        var series = await reviewer.GetOkAsync("/api/vocabulary/series?page=1&pageSize=3");
        Assert.Equal(3, series["items"]!.AsArray().Count);
        Assert.True(series["total"]!.GetValue<int>() > 3);
        Assert.Equal(3, series["pageSize"]!.GetValue<int>());
        var localities = await reviewer.GetOkAsync("/api/localities");
        Assert.Contains(localities["items"]!.AsArray(), l => l!["code"]!.GetValue<string>() == "bazhou" && l["parent"]!.GetValue<string>() == "xinjiang" &&
            l["counties"]!.AsArray().Any(c => c!["name"]!.GetValue<string>() == "和静县"));

        foreach (var userName in new[] { "bazhou-admin", "auditor", "bazhou-reviewer-education", "bazhou-applicant" })
        {
            var client = await factory.SignInAsync(userName);
            (await client.PostAsync("/api/vocabulary/series", new JsonObject { ["code"] = Unique("x"), ["name"] = "x" })).Expect(HttpStatusCode.Forbidden);
            (await client.PostAsync("/api/localities", Locality(Unique("x"), "bazhou"))).Expect(HttpStatusCode.Forbidden);
        }
        (await factory.Client().GetAsync("/api/localities")).Expect(HttpStatusCode.Unauthorized);
    }

    /// <summary>A locality's apply form extending the shared one, whose series field offers the given series only.</summary>
    private static async Task PublishApplyFormOfferingAsync(ApiClient admin, string formId, string series, string seriesName)
    {
        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#", ["x-extends"] = "apply", ["title"] = "会计系列申报表",
            ["properties"] = new JsonObject
            {
                ["series"] = new JsonObject { ["type"] = "string", ["title"] = "申报系列（专业）", ["enum"] = new JsonArray(series), ["enumNames"] = new JsonArray(seriesName) },
            },
        };
        (await admin.PostAsync("/api/forms", new JsonObject { ["formId"] = formId, ["schema"] = schema })).Expect(HttpStatusCode.Created);
        (await admin.PostAsync($"/api/forms/{formId}/publish")).Expect(HttpStatusCode.OK);
    }
}
