namespace Helpline.Analysis;

/// <summary>A value read as a synonym and mapped to the canonical code, with how many cells it covered.</summary>
public readonly record struct SynonymMapping(string Column, string From, string To, int Count);
