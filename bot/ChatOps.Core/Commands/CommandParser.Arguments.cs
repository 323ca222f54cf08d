namespace ChatOps.Core.Commands;

public static partial class CommandParser
{
    /// <summary>The words after the verb (and the incident id), with helpers that fail with the verb's usage line.</summary>
    private sealed class Arguments(string line, List<Token> tokens, int start, VerbInfo verb)
    {
        public int Count => tokens.Count - start;

        public Token this[int index] => tokens[start + index];

        public string RestFrom(int index) => CommandTokenizer.Rest(line, tokens, start + index);

        public IEnumerable<Token> All => tokens.Skip(start);

        public ParseResult Fail(string error) => ParseResult.Fail(error, "Usage: " + verb.Usage);

        public ParseResult None(Command command) => Count == 0
            ? ParseResult.Ok(command)
            : Fail($"`{verb.Name}` takes no arguments, but got '{Shorten(RestFrom(0))}'.");

        public ParseResult Text(string what, Func<string, Command> create)
        {
            var text = RestFrom(0);
            return string.IsNullOrWhiteSpace(text) ? Fail($"`{verb.Name}` needs {what}.") : ParseResult.Ok(create(text));
        }

        /// <summary>
        /// Splits <c>--name value</c> / <c>--name=value</c> options from the other words. Returns an error message
        /// for an unknown, repeated or valueless option.
        /// </summary>
        public string? SplitOptions(IReadOnlyCollection<string> known, Dictionary<string, string> options, List<string> words)
        {
            for (var i = start; i < tokens.Count; i++)
            {
                var token = tokens[i];
                if (token.Quoted || !token.Value.StartsWith("--", StringComparison.Ordinal) || token.Value.Length == 2)
                {
                    words.Add(token.Value);
                    continue;
                }
                var name = token.Value[2..];
                string? value = null;
                var equals = name.IndexOf('=', StringComparison.Ordinal);
                if (equals >= 0)
                {
                    value = name[(equals + 1)..];
                    name = name[..equals];
                }
                name = name.ToLowerInvariant();
                if (!known.Contains(name))
                    return $"`{verb.Name}` has no option --{Shorten(name)}; its options are {string.Join(", ", known.Select(k => "--" + k))}.";
                if (options.ContainsKey(name)) return $"--{name} is given twice.";
                if (value is null)
                {
                    if (i + 1 >= tokens.Count || (!tokens[i + 1].Quoted && tokens[i + 1].Value.StartsWith("--", StringComparison.Ordinal)))
                        return $"--{name} needs a value.";
                    value = tokens[++i].Value;
                }
                if (string.IsNullOrWhiteSpace(value)) return $"--{name} needs a value.";
                options[name] = value;
            }
            return null;
        }
    }
}
