using Designer.Engine.Activities.Titles;
using Designer.Engine.Committees;
using Designer.Engine.Domain;
using Designer.Engine.Expressions;
using Designer.Engine.Model;
using Designer.Engine.Runtime;
using Designer.Engine.Validation;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Designer.Server.Operations;
using Designer.Server.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Workflows;

/// <summary>An active user who would find the step's task in their inbox.</summary>
public sealed record StepHolder(string UserName, string DisplayName, string? Org, string OrgName, string Locality, string LocalityName, string? County);

/// <summary>Where nobody holds the step: the locality, the county for a `county/…` step, and the sentence to show.</summary>
public sealed record StepGap(string Locality, string? County, string Message);

/// <summary>
/// Who holds a person step: its organisation and task role (codes and names; null when a script computes them), the
/// active holders (at most <see cref="StepHolders.MaxListed"/> listed, all counted) and where nobody holds it.
/// </summary>
public sealed record StepHolderView(
    string ActivityId, string Name, string Path, string? Org, string? OrgName, string? Role, string? RoleName, bool Computed,
    int HolderCount, IReadOnlyList<StepHolder> Holders, IReadOnlyList<StepGap> Gaps);

/// <summary>
/// No orphan steps (issue 8.5): every person step of a workflow must have an active holder in the locality it applies
/// to — for `county/&lt;department&gt;` in every county of the locality (of the workflow's scope), for a committee vote
/// the office of each committee it names. The inbox's own rule (TaskAccess) decides who holds a step, so a step listed
/// here as held is a step someone can act on. Steps whose organisation or role a script computes are listed as
/// computed and not checked. A template applies to every locality once cloned: its steps are reported, never refused.
/// </summary>
public sealed class StepHolders(DesignerDbContext db, EngineHost.EngineHost engine)
{
    public const int MaxListed = 50;
    public const string OrphanStep = "orphan-step";

    public async Task<List<StepHolderView>> ForAsync(WorkflowDefinition definition)
    {
        var vocabulary = engine.Vocabulary;
        var template = definition.Locality == VocabularySet.Templates;
        // All localities' users: a step may name another locality's office (the region's HR files a prefecture's titles).
        var users = await ActiveUsers.LoadAsync(db, engine.Clock.Now);
        var orgNames = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name);
        var localities = template
            ? vocabulary.Localities.Values.Where(l => l.Code != VocabularySet.Templates).ToList()
            : vocabulary.Localities.TryGetValue(definition.Locality, out var own) ? [own] : [];
        var executable = ExecutableWorkflow.For(definition, ActivityRegistry.Default);
        var paths = ActivityPaths.Of(definition);
        var views = new List<StepHolderView>();
        foreach (var node in definition.ActivitiesById.Values)
        {
            if (executable.Activity(node.Id) is not PersonStep step) continue;
            var path = paths.TryGetValue(node, out var p) ? p : "$";
            var role = Literal(step.AssigneeRole);
            var orgTemplate = Literal(step.AssigneeOrg);
            if (orgTemplate is "applicant" or "system" || role is "applicant") continue;
            var committees = step is CommitteeVote vote ? CommitteeTemplate(vote) : "";
            if (role is null || orgTemplate is null || committees is null)
            {
                views.Add(new(node.Id, node.Label, path, orgTemplate, null, role, role is null ? null : vocabulary.Name("roles", role), true, 0, [], []));
                continue;
            }

            var holders = new Dictionary<string, StepHolder>();
            var gaps = new List<StepGap>();
            foreach (var locality in localities)
            {
                var orgs = committees.Length > 0 ? CommitteeOffices(committees, definition, locality.Code) : [];
                if (orgs.Count == 0) orgs = [orgTemplate.Replace("{locality}", locality.Code)];
                foreach (var org in orgs)
                    foreach (var county in Counties(org, locality, definition.Scope))
                    {
                        var found = users.Where(u => Holds(u, org, role, locality.Code, county)).ToList();
                        foreach (var user in found)
                            holders.TryAdd(user.UserName, new(user.UserName, user.DisplayName, user.Org, OrgName(user.Org ?? "", orgNames, vocabulary),
                                user.Locality, vocabulary.LocalityName(user.Locality), user.County));
                        if (found.Count == 0)
                            gaps.Add(new(locality.Code, county?.Code, Gap(node, org, role, locality, county, orgNames, vocabulary)));
                    }
            }
            // A template is held when some locality holds it; its clones are checked where they apply.
            if (template && holders.Count > 0) gaps.Clear();
            if (template && gaps.Count > 0)
                gaps = [new(VocabularySet.Templates, null,
                    $"“{node.Label}”（{node.Id}）无人承办：任何地区都没有 {OrgName(orgTemplate, orgNames, vocabulary)} 持有任务角色“{vocabulary.Name("roles", role)}”的有效用户" +
                    $" (no active holder of {orgTemplate} · {role} in any locality)")];
            views.Add(new(node.Id, node.Label, path, orgTemplate, OrgName(orgTemplate.Replace("{locality}", template ? "" : definition.Locality), orgNames, vocabulary),
                role, vocabulary.Name("roles", role), false, holders.Count, holders.Values.OrderBy(h => h.Locality).ThenBy(h => h.UserName).Take(MaxListed).ToList(), gaps));
        }
        return views;
    }

    /// <summary>The steps nobody holds as validation problems (none for a template: there they are warnings shown with the holders).</summary>
    public async Task<List<ValidationProblem>> ProblemsAsync(WorkflowDefinition definition)
    {
        if (definition.Locality == VocabularySet.Templates) return [];
        return (await ForAsync(definition)).SelectMany(v => v.Gaps.Select(g => new ValidationProblem(v.ActivityId, v.Path, OrphanStep, g.Message))).ToList();
    }

    /// <summary>The inbox's rule, asked about a task of this organisation and role in the locality (and the applicant's county).</summary>
    private static bool Holds(CurrentUser user, string org, string role, string locality, VocabularyEntry? county)
    {
        if (!user.IsReviewer || !user.HoldsTaskRole(role)) return false;
        // Any unit reviewer of the locality holds `unit`, also one narrowed to their own unit.
        if (org == "unit") return user.Org == "unit" && user.Locality == locality;
        var task = new TaskRecord { Kind = BookmarkKinds.Task, Org = org, Role = role, Locality = locality };
        if (!PersonStep.IsCountyDepartment(org)) return TaskAccess.IsAssignedTo(user, task);
        // The application names its county by code or by name.
        return new[] { county?.Code, county?.Name }.Distinct().Any(c =>
        {
            task.ResolvedOrg = $"{org}:{c}";
            return TaskAccess.IsAssignedTo(user, task);
        });
    }

    /// <summary>A `county/…` step is held county by county (those of the workflow's scope); any other step once (null).</summary>
    private static IEnumerable<VocabularyEntry?> Counties(string org, LocalityEntry locality, WorkflowScope scope)
    {
        if (!PersonStep.IsCountyDepartment(org) || locality.Counties.Count == 0) return [null];
        return locality.Counties.Where(c => scope.Counties.Count == 0 || scope.Counties.Contains(c.Code) || scope.Counties.Contains(c.Name));
    }

    /// <summary>The committee id template of a vote ("" when it names none; null when a script computes it).</summary>
    private static string? CommitteeTemplate(CommitteeVote vote) =>
        vote.Committee.Expression is { Type: not ExpressionTypes.Literal } ? null : vote.Committee.LiteralOrDefault();

    /// <summary>The offices (organisers) of the committees a vote names for the workflow's series and levels.</summary>
    private List<string> CommitteeOffices(string template, WorkflowDefinition definition, string locality)
    {
        var scope = definition.Scope;
        IReadOnlyList<string?> series = scope.Series.Count > 0 ? [.. scope.Series] : [null];
        IReadOnlyList<string?> levels = scope.Levels.Count > 0 ? [.. scope.Levels] : [null];
        return series.SelectMany(s => levels.Select(l => (s, l)))
            .Where(x => (x.s is not null || !CommitteeIds.DependsOnSeries(template)) && (x.l is not null || !CommitteeIds.DependsOnLevel(template)))
            .Select(x => engine.Committees.Find(CommitteeIds.Resolve(template, locality, x.s, x.l))?.Organiser)
            .OfType<string>().Distinct().ToList();
    }

    private static string Gap(ActivityNode node, string org, string role, LocalityEntry locality, VocabularyEntry? county,
        IReadOnlyDictionary<string, string> orgNames, VocabularySet vocabulary)
    {
        var where = county is null ? locality.Name : $"{locality.Name}{county.Name}";
        return $"“{node.Label}”（{node.Id}）无人承办：{where}没有 {OrgName(org, orgNames, vocabulary)} 持有任务角色“{vocabulary.Name("roles", role)}”的有效用户" +
               $" (no active holder of {org} · {role} in {locality.Code}{(county is null ? "" : "/" + county.Code)})";
    }

    /// <summary>The organisation's registered name, else its name in words ("县级" + a department, a locality + a department).</summary>
    public static string OrgName(string org, IReadOnlyDictionary<string, string> registered, VocabularySet vocabulary)
    {
        if (registered.TryGetValue(org, out var name)) return name;
        if (org.StartsWith("{locality}/", StringComparison.Ordinal) || org.StartsWith('/'))
            return "本地区" + vocabulary.Name("departments", org.Split('/')[^1]);
        if (PersonStep.IsCountyDepartment(org)) return "县级" + vocabulary.Name("departments", org.Split('/')[1]);
        // A registered county bureau <locality>/<county>/<department>.
        if (org.Split('/') is [var locality, var county, var department] && vocabulary.Localities.TryGetValue(locality, out var place) &&
            place.County(county) is { } countyEntry)
            return $"{place.Name}{countyEntry.Name}{vocabulary.Name("departments", department)}";
        return InstanceHealth.OrganisationName(org, vocabulary);
    }

    private static string? Literal(Input<string> input) =>
        input.Expression is { Type: not ExpressionTypes.Literal } ? null : input.LiteralOrDefault();
}
