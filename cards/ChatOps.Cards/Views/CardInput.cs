namespace ChatOps.Cards.Views;

/// <summary>A field a card asks for; <see cref="Id"/> is one of <see cref="CardVerbs.Inputs"/>.</summary>
public abstract record CardInput(string Id, string Label);

public sealed record TextInput(string Id, string Label, string? Placeholder = null, bool Multiline = false, string? Value = null)
    : CardInput(Id, Label);

/// <summary>A whole number within <see cref="Min"/>..<see cref="Max"/>, e.g. a percentage.</summary>
public sealed record NumberInput(string Id, string Label, int Min, int Max, decimal? Value = null)
    : CardInput(Id, Label);

/// <summary>One choice from <see cref="Choices"/> (value = title).</summary>
public sealed record ChoiceInput(string Id, string Label, IReadOnlyList<string> Choices, string? Value = null)
    : CardInput(Id, Label);

/// <summary>A calendar date, submitted as <c>yyyy-MM-dd</c>.</summary>
public sealed record DateInput(string Id, string Label, string? Value = null)
    : CardInput(Id, Label);
