namespace ChatOps.Core.Commands;

/// <summary>Either a command or a precise error with the usage line. Parsing never throws.</summary>
public sealed record ParseResult(Command? Command, string? Error, string? Usage)
{
    public bool IsSuccess => Command is not null;

    public static ParseResult Ok(Command command) => new(command, null, null);

    public static ParseResult Fail(string error, string? usage) => new(null, error, usage);
}
