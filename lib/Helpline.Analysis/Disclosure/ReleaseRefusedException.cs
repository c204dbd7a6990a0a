namespace Helpline.Analysis;

/// <summary>The gate will not release what a cell asks it to show, and says why and what to do instead.</summary>
public sealed class ReleaseRefusedException(string message) : Exception(message);
