using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Applications;
using Designer.Server.Auth;
using Designer.Server.Tasks;
using Designer.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Server.Tests;

/// <summary>
/// The list queries as SQLite plans them (EXPLAIN QUERY PLAN on the server's own database). With 100,000 applications
/// the inbox used to scan its whole index, closed tasks included (`WHERE "t"."IsOpen"` is no seekable term), and then
/// sorted every match; now each part of it seeks its own index and the parts are merged in order, and the admin list
/// must come in its index's order without a sort. The plan
/// does not depend on the table's size (the server runs no ANALYZE), so a small test database shows the plan a large
/// one gets. SQLite only: the PostgreSQL project leaves this file out.
/// </summary>
public sealed class SqliteQueryPlanTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    [Theory]
    [InlineData("bazhou-reviewer-hr")]
    [InlineData("bazhou-admin")]
    [InlineData("bazhou-applicant")]
    [InlineData("admin")]
    public async Task An_inbox_page_is_merged_from_its_indexes_in_order_without_sorting(string userName)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DesignerDbContext>();
        var user = await UserAsync(scope, userName);
        var (open, parts) = (db.Tasks.AsNoTracking().Open(), TaskFilters.ReadableParts(user));

        foreach (var page in new[] { InboxPage.Dated(open, parts).Skip(50).Take(50), InboxPage.Undated(open, parts).Skip(50).Take(50) })
        {
            var plan = await PlanAsync(db, page);
            Assert.Contains(plan, step => step.Contains("USING COVERING INDEX IX_Tasks_"));
            Assert.DoesNotContain(plan, step => step.StartsWith("SCAN") || step.Contains("TEMP B-TREE"));
            if (parts.Count > 1) Assert.Contains(plan, step => step.Contains("MERGE (UNION ALL)"));
        }
    }

    [Fact]
    public async Task The_public_notice_board_seeks_open_rows()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DesignerDbContext>();
        var notices = db.Tasks.AsNoTracking().Open().Where(t => t.Kind == Engine.Runtime.BookmarkKinds.Publicity).OrderBy(t => t.DueDate).ThenBy(t => t.Id);

        Assert.DoesNotContain(await PlanAsync(db, notices), step => step.StartsWith("SCAN"));
    }

    [Theory]
    [InlineData("admin", "IX_Applications_UpdatedAt_Id")]
    [InlineData("bazhou-admin", "IX_Applications_Locality_UpdatedAt_Id")]
    public async Task The_admin_list_reads_a_page_in_index_order_without_sorting(string userName, string index)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DesignerDbContext>();
        var user = await UserAsync(scope, userName);
        var page = ApplicationAccess.Visible(db, user, new ApplicationFilter(null, null)).Select(a => a.Id).Skip(5000).Take(50);

        var plan = await PlanAsync(db, page);
        Assert.Contains(plan, step => step.Contains($"COVERING INDEX {index}"));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE"));
    }

    private static async Task<CurrentUser> UserAsync(IServiceScope scope, string userName)
    {
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<DesignerUser>>().CreateAsync((await users.FindByNameAsync(userName))!);
        return new CurrentUser(principal);
    }

    /// <summary>The plan's steps; parameters stay unbound (NULL), which SQLite's plan does not depend on.</summary>
    private static async Task<List<string>> PlanAsync<T>(DesignerDbContext db, IQueryable<T> query)
    {
        var sql = string.Join('\n', query.ToQueryString().Split('\n').Where(line => !line.StartsWith(".param") && !line.StartsWith("--")));
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
        Assert.NotEmpty(steps);
        return steps;
    }
}
