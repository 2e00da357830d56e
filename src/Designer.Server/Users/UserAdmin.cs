using System.Text.RegularExpressions;
using Designer.Engine.Forms;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Users;

/// <summary>
/// Managing people: policy admins manage everyone; a locality admin manages the users of their own locality and
/// never a policy admin or an auditor; nobody changes their own rights. Every change of what a user may do (roles,
/// locality, organisation, task roles, unit, county, disabling) ends their sessions at once (DesignerUserManager).
/// </summary>
public sealed partial class UserAdmin(DesignerDbContext db, UserManager<DesignerUser> users, World.WorldVocabulary world)
{
    private UserDirectory Directory => new(world.Current);

    /// <summary>Roles only a policy admin gives, and whose holders only a policy admin manages.</summary>
    private static readonly string[] Privileged = [Roles.PolicyAdmin, Roles.Auditor];

    public async Task<Paged<UserView>> ListAsync(CurrentUser caller, string? q, string? locality, string? role, string? org, int? page, int? pageSize)
    {
        var query = Manageable(caller);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(u => u.UserName!.Contains(text) || u.DisplayName.Contains(text));
        }
        if (!string.IsNullOrEmpty(locality)) query = query.Where(u => u.Locality == locality);
        if (!string.IsNullOrEmpty(org)) query = query.Where(u => u.Org == org);
        if (!string.IsNullOrEmpty(role))
        {
            var roleIds = db.Roles.Where(r => r.Name == role).Select(r => r.Id);
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
        }
        var paged = await query.OrderBy(u => u.Locality).ThenBy(u => u.UserName).PageAsync(page, pageSize, u => u);
        var roles = await RolesOfAsync(paged.Items.Select(u => u.Id).ToList());
        return new Paged<UserView>(paged.Items.Select(u => View(u, roles.GetValueOrDefault(u.Id, []))).ToList(), paged.Total, paged.Page, paged.PageSize);
    }

    /// <summary>The user, when the caller may manage them; otherwise 404 (another locality's users are not revealed).</summary>
    public async Task<(DesignerUser User, IReadOnlyList<string> Roles)> FindAsync(CurrentUser caller, string userName)
    {
        var normalised = users.NormalizeName(userName);
        var user = await Manageable(caller).FirstOrDefaultAsync(u => u.NormalizedUserName == normalised)
            ?? throw new ApiProblemException(Problems.NotFound("找不到该用户 (no such user)"));
        return (user, (await RolesOfAsync([user.Id])).GetValueOrDefault(user.Id, []));
    }

    public static UserView View(DesignerUser user, IReadOnlyList<string> roles) => new(
        user.UserName ?? "", user.DisplayName, roles, user.Locality, user.Org, SplitList(user.TaskRoles), user.UnitName, user.County,
        IsDisabled(user), user.MustChangePassword, user.PhoneNumber, user.IdNumberMasked);

    public static bool IsDisabled(DesignerUser user) => user.LockoutEnabled && user.LockoutEnd > DateTimeOffset.UtcNow;

    /// <summary>
    /// What is wrong with a new user (existing null) or a change, by JSON path; throws 403 when the caller may not give
    /// what is asked (see <see cref="Forbidden"/>). Import checks its rows with the same rules.
    /// </summary>
    public async Task<List<FieldError>> CheckAsync(CurrentUser caller, UserWrite body, DesignerUser? existing, IReadOnlyList<string> existingRoles)
    {
        var errors = new List<FieldError>();
        var creating = existing is null;
        if (creating)
        {
            if (string.IsNullOrWhiteSpace(body.UserName)) errors.Add(new("$.userName", "请输入用户名 (userName is required)"));
            else if (!UserNamePattern().IsMatch(body.UserName))
                errors.Add(new("$.userName", "用户名须为 3–64 位字母、数字或 . _ @ -，以字母或数字开头 (3–64 letters, digits or . _ @ -)"));
            else if (await users.FindByNameAsync(body.UserName) is not null) errors.Add(new("$.userName", $"用户名 '{body.UserName}' 已存在 (the user name is taken)"));
        }
        if (creating ? string.IsNullOrWhiteSpace(body.DisplayName) : body.DisplayName is { } name && string.IsNullOrWhiteSpace(name))
            errors.Add(new("$.displayName", "请输入姓名 (displayName is required)"));
        else if (body.DisplayName is { Length: > 100 }) errors.Add(new("$.displayName", "姓名不能超过 100 个字符 (at most 100 characters)"));
        if (creating)
        {
            if (PasswordPolicy.FirstProblem(body.UserName, body.Password) is { } weak) errors.Add(new("$.password", weak));
        }
        else if (body.Password is not null)
            errors.Add(new("$.password", "修改他人密码请使用重置密码 (use POST /api/users/{userName}/reset-password)"));

        var roles = body.Roles ?? (creating ? [] : existingRoles.ToList());
        if (roles.Count == 0) errors.Add(new("$.roles", "请至少指定一个角色 (at least one role)"));
        for (var i = 0; i < roles.Count; i++)
            if (!Roles.All.Contains(roles[i])) errors.Add(new($"$.roles[{i}]", $"未知角色 '{roles[i]}' (unknown role; one of {string.Join(", ", Roles.All)})"));
        if (!caller.IsPolicyAdmin && roles.Any(Privileged.Contains))
            Forbidden("地区管理员不能授予政策管理员或审计员角色 (only a policy admin gives the policy-admin or auditor role)");

        var locality = body.Locality ?? existing?.Locality ?? "";
        var everywhere = roles.Count > 0 && roles.All(Privileged.Contains);
        if (everywhere && locality.Length > 0)
            errors.Add(new("$.locality", "政策管理员和审计员不属于某一地区，地区须为空 (policy admins and auditors have no locality)"));
        else if (!everywhere && locality.Length == 0) errors.Add(new("$.locality", "请指定所属地区 (locality is required)"));
        else if (!everywhere && !Directory.LocalityExists(locality)) errors.Add(new("$.locality", $"未知地区 '{locality}' (unknown locality)"));
        if (caller.IsLocalityAdmin && !caller.IsPolicyAdmin && locality != caller.Locality)
            Forbidden("只能管理本地区的用户 (a locality admin manages only the users of their locality)");

        var org = Blank(body.Org is null ? existing?.Org : body.Org);
        if (roles.Contains(Roles.Reviewer) && org is null)
            errors.Add(new("$.org", "审核人须指定所属机构 (a reviewer needs an organisation)"));
        else if (org is not null && !UserDirectory.OrganisationExists(locality, org))
            errors.Add(new("$.org", $"机构 '{org}' 不属于地区 '{locality}' (unknown organisation of the locality: unit, county/hr or {locality}/…)"));
        var taskRoles = body.TaskRoles ?? (creating ? [] : SplitList(existing!.TaskRoles).ToList());
        for (var i = 0; i < taskRoles.Count; i++)
            if (!Directory.TaskRoleExists(taskRoles[i]))
                errors.Add(new($"$.taskRoles[{i}]", $"未知任务角色 '{taskRoles[i]}' (unknown task role; one of {string.Join(", ", Directory.TaskRoles)})"));
        if (taskRoles.Count > 0 && !roles.Contains(Roles.Reviewer))
            errors.Add(new("$.taskRoles", "只有审核人可持有任务角色 (task roles belong to reviewers)"));
        var applicant = roles.Contains(Roles.Applicant);
        if (Blank(body.Unit) is not null && org != "unit" && !applicant)
            errors.Add(new("$.unit", "只有用人单位审核人（机构 unit）或申报人可指定单位 (unit applies to org \"unit\" or an applicant)"));
        else if (Blank(body.Unit) is { } unit && locality.Length > 0 && (creating || unit != existing!.UnitName || locality != existing.Locality))
        {
            var (standing, registered) = await World.RegisteredUnits.FindAsync(db, locality, unit);
            if (World.RegisteredUnits.Refusal(standing, unit, registered) is { } refusal) errors.Add(new("$.unit", refusal));
        }
        if (Blank(body.County) is not null && org != "county/hr" && !applicant)
            errors.Add(new("$.county", "只有县级人社审核人（机构 county/hr）或申报人可指定县 (county applies to org \"county/hr\" or an applicant)"));
        if (Blank(body.Phone) is { } phone && !PhonePattern().IsMatch(phone))
            errors.Add(new("$.phone", "手机号须为 11 位，以 1 开头 (an 11-digit mobile number)"));

        if (existing is not null && existing.Id == caller.Id)
        {
            var same = roles.Order().SequenceEqual(existingRoles.Order()) && locality == existing.Locality && org == existing.Org &&
                       taskRoles.Order().SequenceEqual(SplitList(existing.TaskRoles).Order()) && body.Disabled is null or false &&
                       (body.Unit is null || Blank(body.Unit) == existing.UnitName) && (body.County is null || Blank(body.County) == existing.County);
            if (!same) Forbidden("不能修改自己的角色、地区、机构、任务角色或停用自己 (nobody changes their own rights)");
        }
        return errors;
    }

    /// <summary>Creates a checked user (the caller ran <see cref="CheckAsync"/>); identity refusals come back as field errors.</summary>
    public async Task<(DesignerUser? User, List<FieldError> Errors)> CreateAsync(UserWrite body, bool mustChangePassword = false)
    {
        var roles = body.Roles!;
        var user = new DesignerUser
        {
            UserName = body.UserName!.Trim(), DisplayName = body.DisplayName!.Trim(), Locality = body.Locality ?? "", Org = Blank(body.Org),
            TaskRoles = string.Join(",", (body.TaskRoles ?? []).Distinct()), UnitName = await RegisteredNameAsync(body.Locality ?? "", body.Unit), County = Blank(body.County),
            PhoneNumber = Blank(body.Phone), LockoutEnabled = true, MustChangePassword = mustChangePassword,
        };
        if (roles.All(Privileged.Contains)) user.Locality = "";
        var created = await users.CreateAsync(user, body.Password!);
        if (!created.Succeeded) return (null, IdentityErrors(created, "$.password"));
        var added = await users.AddToRolesAsync(user, roles.Distinct());
        if (!added.Succeeded) return (null, IdentityErrors(added, "$.roles"));
        if (body.Disabled == true) await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        return (user, []);
    }

    /// <summary>Applies a checked change; any change of rights renews the security stamp, which ends every session of the user.</summary>
    public async Task<IReadOnlyList<string>> UpdateAsync(DesignerUser user, IReadOnlyList<string> currentRoles, UserWrite body)
    {
        var rightsChanged = false;
        void Set<T>(T value, T current, Action<T> assign, bool isRight = true)
        {
            if (EqualityComparer<T>.Default.Equals(value, current)) return;
            assign(value);
            rightsChanged |= isRight;
        }
        // A new name is no right: sessions go on, showing the old name until the next sign-in.
        if (body.DisplayName is { } name) Set(name.Trim(), user.DisplayName, v => user.DisplayName = v, isRight: false);
        if (body.Locality is { } locality) Set(locality, user.Locality, v => user.Locality = v);
        if (body.Org is not null) Set(Blank(body.Org), user.Org, v => user.Org = v);
        if (body.TaskRoles is { } taskRoles) Set(string.Join(",", taskRoles.Distinct()), user.TaskRoles, v => user.TaskRoles = v);
        if (body.Unit is not null) Set(await RegisteredNameAsync(user.Locality, body.Unit), user.UnitName, v => user.UnitName = v);
        if (body.County is not null) Set(Blank(body.County), user.County, v => user.County = v);
        if (body.Phone is not null) Set(Blank(body.Phone), user.PhoneNumber, v => user.PhoneNumber = v, isRight: false);
        await users.UpdateAsync(user);
        if (rightsChanged) await users.UpdateSecurityStampAsync(user);

        var roles = currentRoles;
        if (body.Roles is { } wanted)
        {
            var remove = currentRoles.Except(wanted).ToList();
            var add = wanted.Distinct().Except(currentRoles).ToList();
            if (remove.Count > 0) await users.RemoveFromRolesAsync(user, remove);
            if (add.Count > 0) await users.AddToRolesAsync(user, add);
            roles = wanted.Distinct().ToList();
        }
        if (body.Disabled is { } disabled && disabled != IsDisabled(user))
        {
            user.LockoutEnabled = true;
            await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null);
        }
        return roles;
    }

    /// <summary>A unit named by its registry id is kept by its full name, as applications name it (task routing compares the two).</summary>
    private async Task<string?> RegisteredNameAsync(string locality, string? unit)
    {
        if (Blank(unit) is not { } text) return null;
        var (_, registered) = await World.RegisteredUnits.FindAsync(db, locality, text);
        return registered?.Name ?? text;
    }

    /// <summary>Sets a password an admin chose or generated; the user must change it at the next sign-in, and every session ends.</summary>
    public async Task SetTemporaryPasswordAsync(DesignerUser user, string password)
    {
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>A one-time password that meets the policy (letters and digits, 12 characters, no look-alikes).</summary>
    public static string GeneratePassword()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        var chars = Enumerable.Range(0, 10).Select(_ => letters[System.Security.Cryptography.RandomNumberGenerator.GetInt32(letters.Length)])
            .Concat(Enumerable.Range(0, 2).Select(_ => digits[System.Security.Cryptography.RandomNumberGenerator.GetInt32(digits.Length)])).ToArray();
        System.Security.Cryptography.RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    /// <summary>The users the caller manages: all for a policy admin; for a locality admin their locality's, without policy admins and auditors.</summary>
    private IQueryable<DesignerUser> Manageable(CurrentUser caller)
    {
        if (caller.IsPolicyAdmin) return db.Users;
        if (!caller.IsLocalityAdmin || caller.Locality.Length == 0) return db.Users.Where(_ => false);
        var locality = caller.Locality;
        var privileged = db.Roles.Where(r => Privileged.Contains(r.Name!)).Select(r => r.Id);
        return db.Users.Where(u => u.Locality == locality && !db.UserRoles.Any(ur => ur.UserId == u.Id && privileged.Contains(ur.RoleId)));
    }

    private async Task<Dictionary<string, IReadOnlyList<string>>> RolesOfAsync(List<string> userIds)
    {
        var rows = await db.UserRoles.Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        return rows.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r.Name!).Order().ToList());
    }

    public static List<FieldError> IdentityErrors(IdentityResult result, string passwordPath) => result.Errors.Select(e => new FieldError(
        e.Code is "DuplicateUserName" or "InvalidUserName" ? "$.userName" : e.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordPath : "$",
        e.Code == "DuplicateUserName" ? "用户名已存在 (the user name is taken)" : e.Description)).ToList();

    private static void Forbidden(string detail) => throw new ApiProblemException(Problems.Forbidden(detail));

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static IReadOnlyList<string> SplitList(string? text) =>
        (text ?? "").Split([',', ';', '，', '；', '、', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    public static partial Regex PhonePattern();
}
