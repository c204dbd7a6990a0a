namespace Helpline.Notebooks.Tests.Publishing;

/// <summary>One publish of the 37-contact register for every test class that reads its site.</summary>
[CollectionDefinition(nameof(SmallRegister))]
public sealed class SmallRegister : ICollectionFixture<SmallRegisterSite>;
