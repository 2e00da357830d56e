using Designer.Engine.Domain;
using Designer.Engine.Runtime;
using Designer.Server.Hosting;
using Designer.Server.World;

namespace Designer.Server.Catalog;

/// <summary>What the Studio builds its toolbox, property panels and pickers from.</summary>
public static class CatalogEndpoints
{
    public static void MapCatalog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activities", (int? page, int? pageSize, WorldVocabulary world) =>
                TypedResults.Ok(ActivityRegistry.Default.DescribeAll(world.Current).Page(page, pageSize, a => a)))
            .WithTags("Catalog").RequireAuthorization().Fails(422);
        app.MapGet("/api/vocabulary", (WorldVocabulary world) => TypedResults.Ok(VocabularyLists.From(world.Current)))
            .WithTags("Catalog").RequireAuthorization();
    }
}
