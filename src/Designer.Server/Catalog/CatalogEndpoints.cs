using Designer.Engine.Domain;
using Designer.Engine.Runtime;
using Designer.Server.World;

namespace Designer.Server.Catalog;

/// <summary>What the Studio builds its toolbox, property panels and pickers from.</summary>
public static class CatalogEndpoints
{
    public static void MapCatalog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activities", (WorldVocabulary world) => TypedResults.Ok(ActivityRegistry.Default.DescribeAll(world.Current)))
            .WithTags("Catalog").RequireAuthorization();
        app.MapGet("/api/vocabulary", (WorldVocabulary world) => TypedResults.Ok(VocabularyLists.From(world.Current)))
            .WithTags("Catalog").RequireAuthorization();
    }
}
