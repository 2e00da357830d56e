using System.Net;
using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Server.Tests;

/// <summary>
/// Qiaocheng 2023 (003 §三(三)): an enterprise's staff have both categories of hours registered by the district's HR,
/// not by the competent department. A server of its own: registering a unit changes how the locality's applications
/// name their unit.
/// </summary>
public sealed class EnterpriseEducationHoursTests(QiaochengFactory factory) : IClassFixture<QiaochengFactory>
{
    private const string Hr = "qiaocheng-reviewer-hr";
    private const string CompetentDepartment = "qiaocheng-reviewer-agriculture";

    private static JsonObject Hours(string category) =>
        new() { ["year"] = 2022, ["category"] = category, ["hours"] = category == "public" ? 30 : 60, ["source"] = "培训机构报送" };

    [Fact]
    public async Task An_enterprise_employees_hours_of_both_categories_are_registered_by_HR()
    {
        var person = await factory.CreateApplicantAsync("qiaocheng");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DesignerDbContext>();
            var unitId = $"qiaocheng/unit/private-{Guid.NewGuid().ToString("N")[..6]}";
            db.Organisations.Add(new OrganisationRecord { Id = unitId, Name = "亳州某民营药业有限公司" + unitId[^6..], Kind = "unit", Locality = "qiaocheng", County = "qiaocheng", EmploymentType = "enterprise" });
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
            var user = (await users.FindByNameAsync(person))!;
            user.UnitName = unitId;
            await users.UpdateAsync(user);
        }

        var hr = await factory.SignInAsync(Hr);
        (await hr.PostAsync($"/api/people/{person}/education-hours", Hours("professional"))).Expect(HttpStatusCode.Created);
        (await hr.PostAsync($"/api/people/{person}/education-hours", Hours("public"))).Expect(HttpStatusCode.Created);
        var refused = (await (await factory.SignInAsync(CompetentDepartment)).PostAsync($"/api/people/{person}/education-hours", Hours("professional")))
            .Expect(HttpStatusCode.Forbidden);
        Assert.Contains("企业人员的专业科目学时由人社部门登记审核", refused["detail"]!.GetValue<string>());
    }
}
