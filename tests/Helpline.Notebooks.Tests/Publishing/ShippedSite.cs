namespace Helpline.Notebooks.Tests.Publishing;

/// <summary>One publish of the shipped data (twice, to compare) for every test class that reads it.</summary>
[CollectionDefinition(nameof(ShippedSite))]
public sealed class ShippedSite : ICollectionFixture<PublishedSite>;
