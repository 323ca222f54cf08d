namespace ChatOps.Core.Commands;

/// <summary>One verb of the command language: how to write it and what it does.</summary>
public sealed record VerbInfo(string Name, string Usage, string Summary, string Detail, IReadOnlyList<string> Aliases);
