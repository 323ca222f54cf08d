namespace ChatOps.Bot.Api;

/// <summary>Configuration section <c>Api</c>. Outside Development every /api call needs one of <see cref="Keys"/>.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    public string[] Keys { get; set; } = [];
}
