using ChatOps.Core.Commands;

namespace ChatOps.Cards;

public static partial class CardVerbs
{
    /// <summary>The post-mortem prompt's answer words (<c>postmortem INC-7 went-well ...</c>).</summary>
    public static string ToText(this PostmortemField field) => field switch
    {
        PostmortemField.WentWell => "went-well",
        _ => field.ToString().ToLowerInvariant(),
    };

    /// <summary>One command per answered part of the prompt; blank inputs send nothing.</summary>
    private static List<string> PostmortemCommands(string id, IReadOnlyDictionary<string, string> inputs)
    {
        var commands = new List<string>();
        void Answer(PostmortemField field, string input)
        {
            var text = Value(inputs, input);
            if (text.Length > 0) commands.Add(Command("postmortem", id, field.ToText(), text));
        }

        Answer(PostmortemField.Summary, Inputs.Summary);

        var users = Value(inputs, Inputs.UsersPercent);
        var function = Value(inputs, Inputs.FunctionPercent);
        if (users.Length > 0 || function.Length > 0)
        {
            commands.Add(Command("impact", id, users.Length > 0 ? $"--users {users}" : "", function.Length > 0 ? $"--function {function}" : ""));
        }

        var impactNote = Value(inputs, Inputs.ImpactNote);
        if (impactNote.Length > 0) commands.Add(Command("note", id, "Impact: " + impactNote));

        var category = Value(inputs, Inputs.Category);
        var rootCause = Value(inputs, Inputs.RootCause);
        if (category.Length > 0 || rootCause.Length > 0) commands.Add(Command("rootcause", id, category, rootCause));

        Answer(PostmortemField.Contributing, Inputs.Contributing);
        Answer(PostmortemField.WentWell, Inputs.WentWell);
        Answer(PostmortemField.Improve, Inputs.Improve);

        var owner = Value(inputs, Inputs.FollowUpOwner);
        var due = Value(inputs, Inputs.FollowUpDue);
        var followUp = Value(inputs, Inputs.FollowUpText);
        if (owner.Length > 0 || due.Length > 0 || followUp.Length > 0) commands.Add(Command("followup", id, owner, due, followUp));

        var noFollowUp = Value(inputs, Inputs.NoFollowUpReason);
        if (noFollowUp.Length > 0) commands.Add(Command("nofollowup", id, noFollowUp));
        return commands;
    }
}
