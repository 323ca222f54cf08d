namespace ChatOps.Cards.Rendering;

/// <summary>
/// Slack's Block Kit limits (docs.slack.dev block reference; the python-slack-sdk validators; PROTOCOLS.md A10).
/// The renderer stays inside them by construction; the tests prove it for every card.
/// </summary>
public static class BlockKitLimits
{
    public const int MessageBlocks = 50;
    public const int ModalBlocks = 100;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int FieldText = 2000;
    public const int HeaderText = 150;
    public const int ContextElements = 10;
    public const int ActionElements = 25;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ActionId = 255;
    public const int InputLabel = 2000;
    public const int Placeholder = 150;
    public const int PlainTextInitialValue = 3000;
    public const int SelectOptions = 100;
    public const int OptionText = 75;
    public const int OptionValue = 150;
    public const int ModalTitle = 24;
    public const int PrivateMetadata = 3000;

    /// <summary>
    /// Not a documented limit: Slack refuses messages (<c>msg_blocks_too_long</c>) well below 50 x 3000 characters
    /// (bolt-js#2509), so long text is spread over several messages of at most this much.
    /// </summary>
    public const int MessageTextBudget = 12000;
}
