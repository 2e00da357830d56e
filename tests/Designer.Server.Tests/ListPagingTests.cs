using System.Net;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Server.Tests;

/// <summary>
/// The application list is paged like every other list: an admin reaches every application (the list used to stop at
/// 500 with no way to the rest), a locality admin only their locality's, and a page size over 200 is refused. The lists
/// that used to answer bare arrays answer the same `{items,total,page,pageSize}` pages.
/// </summary>
public sealed class ListPagingTests : IClassFixture<DesignerFactory>
{
    private const int Many = 520;
    private const int Elsewhere = 7;
    private readonly DesignerFactory factory;

    public ListPagingTests(DesignerFactory factory)
    {
        this.factory = factory;
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DesignerDbContext>();
        if (db.Applications.Any(a => a.Id.StartsWith("page-"))) return;
        var start = new DateTime(2024, 9, 2, 0, 0, 0, DateTimeKind.Utc);
        db.Applications.AddRange(Enumerable.Range(0, Many + Elsewhere).Select(i => new ApplicationRecord
        {
            Id = $"page-{i:D4}", ApplicantUserId = $"someone-{i}", ApplicantName = $"分页申报人{i}",
            Locality = i < Many ? "sample-city" : "bazhou", DefinitionId = "paging", DefinitionVersion = 1, WorkflowName = "分页流程",
            Status = "Waiting", Year = 2024, CreatedAt = start, UpdatedAt = start.AddMinutes(i),
        }));
        db.SaveChanges();
    }

    [Fact]
    public async Task An_admin_pages_through_every_application_past_the_old_500_cap()
    {
        var admin = await factory.SignInAsync("admin");
        var seen = new List<string>();
        int total = 0;
        for (var page = 1; page <= 3; page++)
        {
            var answer = await admin.GetOkAsync($"/api/applications?definitionId=paging&page={page}&pageSize=200");
            total = answer["total"]!.GetValue<int>();
            Assert.Equal((page, 200), (answer["page"]!.GetValue<int>(), answer["pageSize"]!.GetValue<int>()));
            seen.AddRange(answer["items"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));
        }
        Assert.Equal(Many + Elsewhere, total);
        Assert.Equal(Many + Elsewhere, seen.Distinct().Count());
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal($"page-{Many + Elsewhere - 1:D4}", seen[0]); // newest first
        Assert.Equal("page-0000", seen[^1]);
    }

    [Fact]
    public async Task A_locality_admin_counts_and_pages_only_their_locality()
    {
        var bazhou = await factory.SignInAsync("bazhou-admin");
        var answer = await bazhou.GetOkAsync("/api/applications?definitionId=paging&pageSize=5");
        Assert.Equal(Elsewhere, answer["total"]!.GetValue<int>());
        Assert.All(answer["items"]!.AsArray(), a => Assert.Equal("bazhou", a!["locality"]!.GetValue<string>()));
        Assert.Equal(2, (await bazhou.GetOkAsync("/api/applications?definitionId=paging&pageSize=5&page=2"))["items"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("/api/applications?pageSize=201")]
    [InlineData("/api/applications?pageSize=0")]
    [InlineData("/api/tasks?pageSize=500")]
    [InlineData("/api/users?pageSize=1000")]
    public async Task A_page_size_outside_1_to_200_is_refused_naming_the_parameter(string path)
    {
        var admin = await factory.SignInAsync("admin");
        var problem = (await admin.GetAsync(path)).Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["path"]!.GetValue<string>() == "$.pageSize");
    }

    [Theory]
    [InlineData("admin", "/api/workflows")]
    [InlineData("admin", "/api/workflows/bazhou-directed-deputy-senior/versions")]
    [InlineData("admin", "/api/forms")]
    [InlineData("admin", "/api/forms/bazhou/apply/versions")]
    [InlineData("bazhou-applicant", "/api/procedures")]
    [InlineData("admin", "/api/committee-sessions")]
    [InlineData(null, "/api/public/publicity")]
    [InlineData("admin", "/api/activities")]
    [InlineData(null, "/api/auth/providers")]
    [InlineData("auditor", "/api/audit")]
    public async Task Every_list_answers_pages_of_the_fixed_shape(string? userName, string path)
    {
        var client = userName is null ? factory.Client() : await factory.SignInAsync(userName);
        var first = await client.GetOkAsync($"{path}?pageSize=1");
        Assert.Equal((1, 1), (first["page"]!.GetValue<int>(), first["pageSize"]!.GetValue<int>()));
        var items = first["items"]!.AsArray();
        var total = first["total"]!.GetValue<int>();
        Assert.True(items.Count <= 1 && total >= items.Count, $"{path}: {items.Count} items of {total}");
        if (total >= 2)
        {
            var second = (await client.GetOkAsync($"{path}?page=2&pageSize=1"))["items"]!.AsArray();
            Assert.NotEqual(items.Single()!.ToJsonString(), second.Single()!.ToJsonString());
        }
        var problem = (await client.GetAsync($"{path}?pageSize=201")).Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["path"]!.GetValue<string>() == "$.pageSize");
    }
}
