using Helpline.Notebooks.Tests.Publishing;

namespace Helpline.Notebooks.Tests.Documents;

/// <summary><c>publish --no-documents</c> (the shipped-site fixture's publishes) writes neither documents nor links to them.</summary>
[Collection(nameof(ShippedSite))]
public class NoDocumentsTests(PublishedSite site)
{
    [Fact]
    public void Without_documents_no_page_links_one()
    {
        Assert.False(Directory.Exists(Path.Combine(site.First, "documents")));
        foreach (var page in Directory.GetFiles(site.First, "*.html"))
            Assert.DoesNotContain("documents/", File.ReadAllText(page), StringComparison.Ordinal);
    }
}
