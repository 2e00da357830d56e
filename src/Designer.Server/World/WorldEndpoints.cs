using System.Text.RegularExpressions;
using Designer.Engine.Domain;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.World;

/// <summary>
/// The vocabulary lists and the localities (administration.md, "The organisational world"): everyone signed in
/// reads, the policy admin adds. A write refreshes <see cref="WorldVocabulary"/>, so the next validation knows the code.
/// </summary>
public static partial class WorldEndpoints
{
    public static void MapWorld(this IEndpointRouteBuilder app)
    {
        var vocabulary = app.MapGroup("/api/vocabulary").WithTags("Vocabulary").RequireAuthorization();
        vocabulary.MapGet("/{kind}", ListEntries).Fails(404);
        vocabulary.MapPost("/{kind}", AddEntry).Fails(403, 404, 422);

        var localities = app.MapGroup("/api/localities").WithTags("Vocabulary").RequireAuthorization();
        localities.MapGet("/", ListLocalities);
        localities.MapPost("/", AddLocality).Fails(403, 422);
    }

    private static async Task<Ok<Paged<VocabularyEntryDto>>> ListEntries(string kind, int? page, int? pageSize, DesignerDbContext db)
    {
        RequireKind(kind);
        return TypedResults.Ok(await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == kind).OrderBy(v => v.Code)
            .PageAsync(page, pageSize, v => new VocabularyEntryDto(v.Code, v.Name, v.NameEn)));
    }

    private static async Task<Created<VocabularyEntryDto>> AddEntry(string kind, VocabularyEntryDto entry, HttpContext http, DesignerDbContext db, WorldVocabulary world)
    {
        RequireKind(kind);
        RequirePolicyAdmin(http);
        var code = RequireCode(entry.Code, "$.code");
        var name = RequireName(entry.Name, "$.name");
        if (await db.VocabularyEntries.AnyAsync(v => v.Kind == kind && v.Code == code))
            throw new ApiProblemException(Problems.Invalid("$.code", $"词表 {kind} 中已有代码 “{code}” (duplicate code)"));
        db.VocabularyEntries.Add(new VocabularyEntryRecord { Kind = kind, Code = code, Name = name, NameEn = Blank(entry.NameEn) });
        await db.SaveChangesAsync();
        await world.RefreshAsync(db);
        return TypedResults.Created($"/api/vocabulary/{kind}/{code}", new VocabularyEntryDto(code, name, Blank(entry.NameEn)));
    }

    private static async Task<Ok<Paged<LocalityDto>>> ListLocalities(int? page, int? pageSize, DesignerDbContext db) =>
        TypedResults.Ok(await db.Localities.AsNoTracking().Include(l => l.Counties).OrderBy(l => l.Code).PageAsync(page, pageSize, ToDto));

    private static async Task<Created<LocalityDto>> AddLocality(LocalityDto locality, HttpContext http, DesignerDbContext db, WorldVocabulary world)
    {
        RequirePolicyAdmin(http);
        var code = RequireCode(locality.Code, "$.code");
        var name = RequireName(locality.Name, "$.name");
        if (code == VocabularySet.Templates || await db.Localities.AnyAsync(l => l.Code == code))
            throw new ApiProblemException(Problems.Invalid("$.code", $"地区代码 “{code}” 已存在 (duplicate code)"));
        var parent = Blank(locality.Parent);
        if (parent is not null && !await db.Localities.AnyAsync(l => l.Code == parent))
            throw new ApiProblemException(Problems.Invalid("$.parent", $"上级地区 “{parent}” 不存在 (unknown parent)"));
        var record = new LocalityRecord { Code = code, Name = name, NameEn = Blank(locality.NameEn), Parent = parent };
        var counties = locality.Counties ?? [];
        for (var i = 0; i < counties.Count; i++)
        {
            var countyCode = RequireCode(counties[i]?.Code, $"$.counties[{i}].code");
            var countyName = RequireName(counties[i]?.Name, $"$.counties[{i}].name");
            if (record.Counties.Any(c => c.Code == countyCode))
                throw new ApiProblemException(Problems.Invalid($"$.counties[{i}].code", $"县代码 “{countyCode}” 重复 (duplicate county code)"));
            record.Counties.Add(new CountyRecord { Locality = code, Code = countyCode, Name = countyName });
        }
        db.Localities.Add(record);
        await db.SaveChangesAsync();
        await world.RefreshAsync(db);
        return TypedResults.Created($"/api/localities/{code}", ToDto(record));
    }

    private static LocalityDto ToDto(LocalityRecord l) =>
        new(l.Code, l.Name, l.NameEn, l.Parent, l.Counties.OrderBy(c => c.Code).Select(c => new CountyDto(c.Code, c.Name)).ToList());

    private static void RequireKind(string kind)
    {
        if (!VocabularySet.Kinds.Contains(kind))
            throw new ApiProblemException(Problems.NotFound($"没有词表 “{kind}” (no such vocabulary; expected one of {string.Join(", ", VocabularySet.Kinds)})"));
    }

    private static void RequirePolicyAdmin(HttpContext http)
    {
        if (!http.CurrentUser().IsPolicyAdmin) throw new ApiProblemException(Problems.Forbidden("只有政策管理员可以修改词表 (only the policy admin edits the vocabulary)"));
    }

    private static string RequireCode(string? code, string path)
    {
        var trimmed = code?.Trim() ?? "";
        if (!CodePattern().IsMatch(trimmed))
            throw new ApiProblemException(Problems.Invalid(path, "代码须为小写英文字母开头的小写字母、数字或连字符，至多 64 个字符 (code: lower-case letters, digits and hyphens)"));
        return trimmed;
    }

    private static string RequireName(string? name, string path)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 100) throw new ApiProblemException(Problems.Invalid(path, "名称不能为空，至多 100 个字符 (name is required)"));
        return trimmed;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex CodePattern();
}
