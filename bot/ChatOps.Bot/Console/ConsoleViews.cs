namespace ChatOps.Bot.Console;

/// <summary>A channel in the console's sidebar. <see cref="Kind"/> is incident, stakeholder or chat.</summary>
public sealed record ConsoleChannel(string Name, string Kind, string? Incident = null, string? Title = null, string? Severity = null, string? Status = null);

/// <summary>A transcript message as the console draws it; <see cref="Card"/> is Adaptive Card JSON.</summary>
public sealed record ConsoleMessage(long Sequence, string Key, string Channel, DateTimeOffset At, string Author, string Text, System.Text.Json.Nodes.JsonNode? Card);

/// <summary>What the console page needs to know before it talks to the API.</summary>
public sealed record ConsoleConfig(bool RequiresKey, string Environment);
