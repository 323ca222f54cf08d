using System.Text.Json.Nodes;

namespace ChatOps.Bot.Api;

/// <summary>A person or channel as a surface names it; either field may stand in for the other.</summary>
public sealed record ChatParty(string? Id, string? Name);

/// <summary>Body of <c>POST /api/commands</c>.</summary>
public sealed record CommandBody(ChatParty? User, ChatParty? Channel, string? Text);

/// <summary>Body of <c>POST /api/cards/actions</c>: a card button press with the card's input values.</summary>
public sealed record CardActionBody(string? Verb, string? Incident, Dictionary<string, string?>? Inputs, ChatParty? User, ChatParty? Channel);

/// <summary>One reply of the bot: text, plus an Adaptive Card when the reply has one.</summary>
public sealed record ReplyView(string Text, JsonObject? Card);

/// <summary>The answer to a command (200) or its refusal (400, 404, 409).</summary>
public sealed record CommandResponse(bool Ok, string? Incident, IReadOnlyList<ReplyView>? Replies, string? Error = null, string? Usage = null);

public sealed record ErrorResponse(bool Ok, string Error);
