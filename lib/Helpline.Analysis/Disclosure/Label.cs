namespace Helpline.Analysis;

/// <summary>The label of a row of a table (a month, a year, a category): text a sentence may hold, since it is no count.</summary>
public readonly record struct Label
{
    internal Label(string text) => Text = text;

    public string Text { get; }

    public override string ToString() => Text;
}
