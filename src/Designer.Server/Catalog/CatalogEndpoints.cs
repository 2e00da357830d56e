using Designer.Engine.Domain;
using Designer.Engine.Runtime;

namespace Designer.Server.Catalog;

/// <summary>What the Studio builds its toolbox, property panels and pickers from.</summary>
public static class CatalogEndpoints
{
    public static void MapCatalog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activities", () => Results.Ok(ActivityRegistry.Default.DescribeAll())).WithTags("Catalog").RequireAuthorization();
        app.MapGet("/api/vocabulary", () => Results.Ok(new
        {
            localities = Vocabulary.Localities, departments = Vocabulary.Departments, stages = Vocabulary.Stages, actions = Vocabulary.Actions,
            roles = Vocabulary.Roles, portLabels = Vocabulary.PortLabels, organisationPlaceholders = Vocabulary.OrganisationPlaceholders,
        })).WithTags("Catalog").RequireAuthorization();
    }
}
