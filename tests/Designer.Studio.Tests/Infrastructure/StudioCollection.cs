namespace Designer.Studio.Tests.Infrastructure;

/// <summary>One server and one browser for all browser tests (they run one after the other).</summary>
[CollectionDefinition(Name)]
public sealed class StudioCollection : ICollectionFixture<StudioServer>, ICollectionFixture<Browser>
{
    public const string Name = "Studio";
}
