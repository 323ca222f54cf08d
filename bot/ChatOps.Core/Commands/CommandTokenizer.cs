namespace ChatOps.Core.Commands;

/// <summary>One word of a command line; <see cref="Start"/> indexes the original text so free text keeps its spacing.</summary>
internal readonly record struct Token(string Value, int Start, bool Quoted);

/// <summary>Splits on whitespace; a double-quoted (or curly-quoted) run is one token without its quotes.</summary>
internal static class CommandTokenizer
{
    public static List<Token> Split(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            var start = i;
            var close = ClosingQuote(text[i]);
            if (close is not null)
            {
                var end = text.IndexOf(close.Value, i + 1);
                if (end > i)
                {
                    tokens.Add(new Token(text[(i + 1)..end], start, true));
                    i = end + 1;
                    continue;
                }
            }
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            tokens.Add(new Token(text[start..i], start, false));
        }
        return tokens;
    }

    /// <summary>The rest of the line from token <paramref name="index"/> on, trimmed, with one pair of surrounding quotes removed.</summary>
    public static string Rest(string text, List<Token> tokens, int index)
    {
        if (index >= tokens.Count) return "";
        return StripQuotes(text[tokens[index].Start..].Trim());
    }

    public static string StripQuotes(string value)
    {
        if (value.Length >= 2 && ClosingQuote(value[0]) is { } close && value[^1] == close && value.IndexOf(close, 1) == value.Length - 1)
            return value[1..^1].Trim();
        return value;
    }

    private static char? ClosingQuote(char open) => open switch
    {
        '"' => '"',
        '\u201C' => '\u201D',
        _ => null,
    };
}
