using Designer.Engine.Domain;
using Designer.Engine.Runtime;

namespace Designer.Server.Catalog;

/// <summary>Code → Chinese label maps the Studio's pickers show.</summary>
public sealed record VocabularyLists(
    IReadOnlyDictionary<string, string> Localities, IReadOnlyDictionary<string, string> Departments, IReadOnlyDictionary<string, string> Stages,
    IReadOnlyDictionary<string, string> Actions, IReadOnlyDictionary<string, string> Roles, IReadOnlyDictionary<string, string> PortLabels,
    IReadOnlyList<string> OrganisationPlaceholders);

/// <summary>What the Studio builds its toolbox, property panels and pickers from.</summary>
public static class CatalogEndpoints
{
    public static void MapCatalog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activities", () => TypedResults.Ok(ActivityRegistry.Default.DescribeAll())).WithTags("Catalog").RequireAuthorization();
        app.MapGet("/api/vocabulary", () => TypedResults.Ok(new VocabularyLists(
            Vocabulary.Localities, Vocabulary.Departments, Vocabulary.Stages, Vocabulary.Actions,
            Vocabulary.Roles, Vocabulary.PortLabels, Vocabulary.OrganisationPlaceholders))).WithTags("Catalog").RequireAuthorization();
    }
}
