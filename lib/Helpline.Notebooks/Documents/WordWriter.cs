using System.Buffers.Binary;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Helpline.Notebooks.Documents;

/// <summary>
/// A page as the draft of a written answer (Open XML SDK): the question, then the answer's text, its tables
/// ("Tabel 1", the same cells as the CSV download) and figures ("Figuur 1", the chart's PNG) with captions, and the
/// sources at the end. The answer is the cells tagged <c>answer</c>; a page without tags gives all of its text.
/// </summary>
internal static class WordWriter
{
    private const int TextWidth = 9070; // twips: A4 less 2.5 cm margins
    private const long ImageWidth = 16L * 360_000; // 16 cm in EMU

    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public static void Write(PageModel page, string imageFolder, string path)
    {
        if (File.Exists(path))
            File.Delete(path);
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        document.PackageProperties.Title = page.Title;
        document.PackageProperties.Creator = "Helpline.Notebooks";
        var main = document.AddMainDocumentPart();
        AddStyles(main);
        var body = new Body();
        main.Document = new Document(body);

        body.Append(Paragraph("Title", Run(page.Title)));
        if (page.NotForPublication)
            body.Append(Paragraph(null, Run(PageModel.NotForPublicationLine, bold: true)));
        body.Append(Paragraph("Heading1", Run("Vraag")));
        foreach (var block in Blocks(page.Question).Skip(1)) // the first block is the title
            body.Append(block);
        body.Append(Paragraph("Heading1", Run("Antwoord")));

        // Tables and figures are numbered as the draft shows them (the page's own numbers name the files).
        int tables = 0, figures = 0;
        uint drawing = 0;
        foreach (var item in page.Items.Where(i => i.Answer || !page.HasAnswerTags))
        {
            switch (item)
            {
                case MarkdownItem markdown:
                    body.Append(Blocks(markdown.Source));
                    break;
                case ProseItem prose:
                    body.Append(Paragraph(null, Run(prose.Text)));
                    break;
                case TableItem table:
                    body.Append(Caption($"Tabel {++tables}", table.Caption));
                    body.Append(Table(CsvTable.Parse(table.Csv)));
                    if (table.Note is { } note)
                        body.Append(Paragraph("Note", Run(note)));
                    break;
                case ChartItem chart:
                    var png = Path.Combine(imageFolder, DocumentPaths.FigureFile(chart.Number, "png"));
                    if (!File.Exists(png))
                        break;
                    body.Append(Paragraph("Figure", Image(main, png, ++drawing, $"Figuur {++figures}: {chart.Title}")));
                    body.Append(Caption($"Figuur {figures}", chart.Title));
                    break;
            }
        }

        body.Append(Paragraph("Heading1", Run("Bronnen")));
        var sources = new List<string> { $"Gegevens: {page.DataSource}." };
        if (page.NotForPublication)
            sources.Insert(0, PageModel.NotForPublicationLine);
        sources.AddRange(page.Question.Split('\n').Where(l => l.StartsWith("Source:", StringComparison.Ordinal)).Select(PageModel.Plain));
        sources.Add($"Tabellen en figuren: de pagina '{page.Title}' van de gepubliceerde site ({page.Name}.html), tabellen ook als {DocumentPaths.Workbook(page.Name)}.");
        sources.AddRange(page.Legends);
        foreach (var source in sources.Distinct(StringComparer.Ordinal))
            body.Append(Paragraph("Source", Run(source)));

        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1418, Right = 1418U, Bottom = 1418, Left = 1418U, Header = 709U, Footer = 709U, Gutter = 0U }));
        main.Document.Save();
    }

    /// <summary>Markdown as Word paragraphs: headings, paragraphs with bold and italic, quotes, list items.</summary>
    private static IEnumerable<OpenXmlElement> Blocks(string markdown)
    {
        foreach (var block in Markdig.Markdown.Parse(markdown, Markdown))
        {
            foreach (var paragraph in Block(block, quote: false))
                yield return paragraph;
        }
    }

    private static IEnumerable<Paragraph> Block(Block block, bool quote)
    {
        switch (block)
        {
            case HeadingBlock heading:
                yield return Paragraph(heading.Level <= 2 ? "Heading2" : "Heading3", [.. Inlines(heading.Inline, false, false)]);
                break;
            case ParagraphBlock paragraph:
                yield return Paragraph(quote ? "Quote" : null, [.. Inlines(paragraph.Inline, false, false)]);
                break;
            case ListBlock list:
                int n = 0;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    n++;
                    var marker = list.IsOrdered ? $"{n}. " : "\u2022 ";
                    bool first = true;
                    foreach (var inner in item.SelectMany(b => Block(b, quote)))
                    {
                        if (first && inner.ParagraphProperties is { } properties)
                            inner.InsertAfter(Run(marker), properties);
                        else if (first)
                            inner.PrependChild(Run(marker));
                        first = false;
                        yield return inner;
                    }
                }
                break;
            case QuoteBlock quoted:
                foreach (var inner in quoted.SelectMany(b => Block(b, quote: true)))
                    yield return inner;
                break;
            case LeafBlock leaf when leaf.Lines.Count > 0:
                yield return Paragraph(quote ? "Quote" : null, Run(leaf.Lines.ToString()));
                break;
            case ContainerBlock container:
                foreach (var inner in container.SelectMany(b => Block(b, quote)))
                    yield return inner;
                break;
        }
    }

    private static IEnumerable<Run> Inlines(ContainerInline? container, bool bold, bool italic)
    {
        if (container is null)
            yield break;
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    yield return Run(literal.Content.ToString(), bold, italic);
                    break;
                case CodeInline code:
                    yield return Run(code.Content, bold, italic);
                    break;
                case HtmlEntityInline entity:
                    yield return Run(entity.Transcoded.ToString(), bold, italic);
                    break;
                case LineBreakInline:
                    yield return Run(" ", bold, italic);
                    break;
                case EmphasisInline emphasis:
                    foreach (var run in Inlines(emphasis, bold || emphasis.DelimiterCount >= 2, italic || emphasis.DelimiterCount == 1))
                        yield return run;
                    break;
                case ContainerInline inner: // links: their text
                    foreach (var run in Inlines(inner, bold, italic))
                        yield return run;
                    break;
            }
        }
    }

    private static Paragraph Caption(string label, string text) =>
        Paragraph("Caption", Run(label + ". ", bold: true), Run(text));

    private static Table Table(CsvTable csv)
    {
        int columns = Math.Max(1, csv.Header.Count);
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = "TableGrid" },
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableLook { Val = "04A0" }),
            new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = (TextWidth / columns).ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(csv.Header, header: true));
        foreach (var row in csv.Rows)
            table.Append(Row(row, header: false));
        return table;

        TableRow Row(IReadOnlyList<string> cells, bool header)
        {
            var row = new TableRow();
            if (header)
                row.Append(new TableRowProperties(new TableHeader()));
            for (int i = 0; i < columns; i++)
            {
                var text = i < cells.Count ? cells[i] : "";
                bool number = !header && CsvTable.Value(text).Number is not null;
                var properties = new ParagraphProperties(new ParagraphStyleId { Val = "TableText" });
                if (number)
                    properties.Append(new Justification { Val = JustificationValues.Right });
                row.Append(new TableCell(new Paragraph(properties, Run(text, bold: header))));
            }
            return row;
        }
    }

    private static Paragraph Paragraph(string? style, params OpenXmlElement[] content)
    {
        var paragraph = new Paragraph();
        if (style is not null)
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(content);
        return paragraph;
    }

    private static Run Run(string text, bool bold = false, bool italic = false)
    {
        var run = new Run();
        if (bold || italic)
        {
            var properties = new RunProperties();
            if (bold)
                properties.Append(new Bold());
            if (italic)
                properties.Append(new Italic());
            run.Append(properties);
        }
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>A PNG inline, 16 cm wide, its height from the image's own proportions.</summary>
    private static Run Image(MainDocumentPart main, string png, uint id, string description)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        var bytes = File.ReadAllBytes(png);
        using (var stream = new MemoryStream(bytes))
            part.FeedData(stream);
        // PNG: width and height are the IHDR chunk's first two big-endian integers, at bytes 16 and 20.
        long width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
        long cx = ImageWidth, cy = ImageWidth * height / Math.Max(1, width);
        var name = Path.GetFileName(png);
        return new Run(new Drawing(
            new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new DW.DocProperties { Id = id, Name = name, Description = description },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(
                    new PIC.Picture(
                        new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = name }, new PIC.NonVisualPictureDrawingProperties()),
                        new PIC.BlipFill(new A.Blip { Embed = main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
                        new PIC.ShapeProperties(
                            new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                            new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0U,
                DistanceFromBottom = 0U,
                DistanceFromLeft = 0U,
                DistanceFromRight = 0U,
            }));
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                    new FontSize { Val = "22" },
                    new Languages { Val = "nl-BE" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            ParagraphStyle("Normal", "Normal", null, null, isDefault: true),
            ParagraphStyle("Title", "Title", null, new StyleRunProperties(new Bold(), new FontSize { Val = "36" })),
            ParagraphStyle("Heading1", "heading 1", new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "360", After = "120" }, new OutlineLevel { Val = 0 }),
                new StyleRunProperties(new Bold(), new Color { Val = "16324F" }, new FontSize { Val = "30" })),
            ParagraphStyle("Heading2", "heading 2", new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "80" }, new OutlineLevel { Val = 1 }),
                new StyleRunProperties(new Bold(), new FontSize { Val = "26" })),
            ParagraphStyle("Heading3", "heading 3", new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 2 }), new StyleRunProperties(new Bold())),
            ParagraphStyle("Quote", "Quote", new StyleParagraphProperties(new Indentation { Left = "567" }), new StyleRunProperties(new Italic())),
            ParagraphStyle("Caption", "caption", new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "60" }), new StyleRunProperties(new FontSize { Val = "20" })),
            ParagraphStyle("Figure", "Figure", new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "0" }), null),
            ParagraphStyle("Note", "Table note", null, new StyleRunProperties(new Color { Val = "5B6475" }, new FontSize { Val = "18" })),
            ParagraphStyle("Source", "Source", null, new StyleRunProperties(new FontSize { Val = "20" })),
            ParagraphStyle("TableText", "Table text", new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
                new StyleRunProperties(new FontSize { Val = "18" })),
            new Style(
                new StyleName { Val = "Table Grid" },
                new StyleTableProperties(new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4U, Color = "BFBFBF" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4U, Color = "BFBFBF" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4U, Color = "BFBFBF" },
                    new RightBorder { Val = BorderValues.Single, Size = 4U, Color = "BFBFBF" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Color = "BFBFBF" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Color = "BFBFBF" })))
            { Type = StyleValues.Table, StyleId = "TableGrid" });
    }

    private static Style ParagraphStyle(string id, string name, StyleParagraphProperties? paragraph, StyleRunProperties? run, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
            style.Default = true;
        style.Append(new StyleName { Val = name });
        if (!isDefault)
            style.Append(new BasedOn { Val = "Normal" }, new PrimaryStyle());
        if (paragraph is not null)
            style.Append(paragraph);
        if (run is not null)
            style.Append(run);
        return style;
    }
}
