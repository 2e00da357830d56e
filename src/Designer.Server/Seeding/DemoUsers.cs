using System.Text.RegularExpressions;
using Designer.Engine.Activities.Titles;
using Designer.Engine.Domain;
using Designer.Engine.Model;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Seeding;

/// <summary>One demo account to create.</summary>
public sealed record DemoAccount(string UserName, string Role, string DisplayName, string Locality, string? Org = null, IReadOnlyCollection<string>? TaskRoles = null);

/// <summary>
/// Demo accounts: admin, auditor, an admin and an applicant per locality, and a reviewer for every organisation the
/// saved workflows assign steps to (`{locality}` resolved to the workflow's own locality; templates are skipped).
/// </summary>
public sealed partial class DemoUsers(DesignerDbContext db, UserManager<DesignerUser> users, RoleManager<IdentityRole> roles,
    Microsoft.Extensions.Options.IOptions<Hosting.SeedOptions> seed, World.WorldVocabulary world, ILogger<DemoUsers> log)
{
    private VocabularySet Vocabulary => world.Current;

    public async Task<IReadOnlyList<DemoAccount>> SeedAsync(string password)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        var accounts = await AccountsAsync();
        foreach (var account in accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not null) continue;
            var user = new DesignerUser
            {
                UserName = account.UserName, DisplayName = account.DisplayName, Locality = account.Locality, Org = account.Org,
                TaskRoles = string.Join(",", account.TaskRoles ?? []), LockoutEnabled = true,
            };
            var created = await users.CreateAsync(user, password);
            if (created.Succeeded) await users.AddToRoleAsync(user, account.Role);
            else log.LogError("Demo user {User} not created: {Errors}", account.UserName, string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        log.LogInformation("Demo users: {Users}", string.Join(", ", accounts.Select(a => a.UserName)));
        return accounts;
    }

    public async Task<List<DemoAccount>> AccountsAsync()
    {
        var accounts = new List<DemoAccount>
        {
            new("admin", Roles.PolicyAdmin, "政策管理员", ""),
            new("auditor", Roles.Auditor, "审计员", ""),
        };
        foreach (var (code, label) in Vocabulary.Localities.Values.Select(l => (l.Code, l.Name)))
        {
            accounts.Add(new($"{code}-admin", Roles.LocalityAdmin, $"{label}管理员", code));
            accounts.Add(new($"{code}-applicant", Roles.Applicant, $"{label}申报人", code));
        }
        var assignments = await AssignmentsAsync();
        foreach (var org in seed.Value.Organisations.Where(o => Vocabulary.IsOrganisation(o) && o.Contains('/')))
            assignments.TryAdd((org, ""), ["committee", "reviewer"]);
        foreach (var ((org, locality), taskRoles) in assignments)
        {
            var (userName, label) = org switch
            {
                "unit" => ($"unit-reviewer-{locality}", $"{Vocabulary.LocalityName(locality)}用人单位"),
                "county/hr" => ($"{locality}-reviewer-county-hr", $"{Vocabulary.LocalityName(locality)}县级人社局"),
                _ when IsCountyPlaceholder(org) => ($"{locality}-reviewer-county-{org[(Designer.Engine.Domain.Vocabulary.CountyPrefix.Length + 1)..]}",
                    $"{Vocabulary.LocalityName(locality)}县级{Vocabulary.Name("departments", org[(Designer.Engine.Domain.Vocabulary.CountyPrefix.Length + 1)..])}"),
                _ => ($"{org.Split('/')[0]}-reviewer-{string.Join("-", org.Split('/').Skip(1))}", OrgLabel(org)),
            };
            accounts.Add(new(userName, Roles.Reviewer, label, org.Contains('/') && !IsCountyPlaceholder(org) ? org.Split('/')[0] : locality, org, taskRoles));
        }
        return accounts.DistinctBy(a => a.UserName).ToList();
    }

    /// <summary>
    /// (organisation, locality for unit / county placeholders) → the roles its steps name. A step may compute its
    /// organisation (`return sectorOrg;`), so organisations are also gathered from every string of the definition
    /// (SetVariable values, script literals such as '&lt;locality&gt;/' + departments[...]), and get the roles of the
    /// computed steps.
    /// </summary>
    private async Task<SortedDictionary<(string Org, string Locality), SortedSet<string>>> AssignmentsAsync()
    {
        var assignments = new SortedDictionary<(string, string), SortedSet<string>>();
        void Add(string org, string locality, IEnumerable<string> roles)
        {
            if (org is "" or "applicant" or "system" || !Vocabulary.IsOrganisation(org) || org.StartsWith("{locality}")) return;
            var key = (org, org == "unit" || IsCountyPlaceholder(org) ? locality : "");
            if (!assignments.TryGetValue(key, out var set)) assignments[key] = set = [];
            set.UnionWith(roles.Where(r => r is not ("applicant" or "")));
        }

        var versions = await db.WorkflowVersions.AsNoTracking().Where(v => v.IsLatest).ToListAsync();
        foreach (var version in versions)
        {
            WorkflowDefinition definition;
            try { definition = WorkflowDefinitionReader.Parse(version.Json); }
            catch (DefinitionFormatException) { continue; }
            if (definition.Locality is Shared.Templates or "") continue;
            var executable = ExecutableWorkflow.For(definition, ActivityRegistry.Default);
            var steps = definition.ActivitiesById.Keys.Select(executable.Activity).OfType<PersonStep>().ToList();
            var computedRoles = steps.Where(s => s.AssigneeOrg.Expression is { Type: not "Literal" }).Select(s => s.AssigneeRole.LiteralOrDefault()).ToList();
            foreach (var step in steps.Where(s => s.AssigneeOrg.Expression is null or { Type: "Literal" }))
                Add(step.AssigneeOrg.LiteralOrDefault().Replace("{locality}", definition.Locality), definition.Locality, [step.AssigneeRole.LiteralOrDefault()]);
            if (computedRoles.Count == 0) continue;
            foreach (var text in Strings(definition.Json))
                foreach (var org in OrganisationsNamedIn(text.Replace("{locality}", definition.Locality)))
                    Add(org, definition.Locality, computedRoles);
        }
        return assignments;
    }

    private static IEnumerable<string> Strings(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => o.SelectMany(p => Strings(p.Value)),
        System.Text.Json.Nodes.JsonArray a => a.SelectMany(Strings),
        System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    /// <summary>`county/hr`, `county/education`…: resolved from the applicant's county, so one demo reviewer per locality.</summary>
    private static bool IsCountyPlaceholder(string org) => org.StartsWith(Designer.Engine.Domain.Vocabulary.CountyPrefix + "/", StringComparison.Ordinal);

    private IEnumerable<string> OrganisationsNamedIn(string text)
    {
        foreach (Match match in OrgPattern().Matches(text)) yield return match.Value;
        foreach (Match prefix in PrefixPlusPattern().Matches(text))
            foreach (Match department in QuotedPattern().Matches(text))
                if (Vocabulary.Departments.ContainsKey(department.Groups[1].Value))
                    yield return $"{prefix.Groups[1].Value}/{department.Groups[1].Value}";
    }

    [GeneratedRegex(@"(?<![\w/])[a-z][a-z-]*/[a-z][a-z-]*(?![\w/])")]
    private static partial Regex OrgPattern();

    [GeneratedRegex(@"'([a-z][a-z-]*)/'\s*\+")]
    private static partial Regex PrefixPlusPattern();

    [GeneratedRegex(@"'([a-z][a-z-]*)'")]
    private static partial Regex QuotedPattern();

    private string OrgLabel(string org)
    {
        var parts = org.Split('/');
        var locality = Vocabulary.LocalityName(parts[0]);
        var department = parts.Length > 1 ? Vocabulary.Name("departments", parts[1]) : "";
        return $"{locality}{department}{(parts.Length > 2 ? parts[2] : "")}审核人";
    }
}
