using System.Globalization;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using CsCheck;

namespace ChatOps.Core.Tests.Commands;

public sealed class CommandParserPropertyTests
{
    [Fact]
    public void AnyString_ParsesWithoutThrowing()
    {
        Gen.String.Sample(s =>
        {
            var result = CommandParser.Parse(s);
            return result.IsSuccess ^ result.Error is not null;
        });
    }

    [Fact]
    public void AnyLineOfVerbsIdsAndOptions_ParsesWithoutThrowing()
    {
        var word = Gen.OneOf("declare", "ack", "impact", "role", "sev", "status", "followup", "rootcause", "postmortem", "help",
            "INC-1", "INC-0", "--sev", "--users", "--started", "--", "-90m", "\"", "“", "@", "%", "100%", "2026-02-30", "ic", "\u0000", "\ud800");
        var line = Gen.Select(Gen.Bool, word.Array[0, 8], Gen.String[0, 5], (slash, words, tail) => (slash ? "/" : "") + string.Join(' ', words) + tail);
        line.Sample(s => CommandParser.Parse(s) is { } r && (r.IsSuccess || r.Error!.Length > 0));
    }

    private static readonly Gen<string> Word = Gen.Char['a', 'z'].Array[1, 8].Select(c => new string(c));
    private static readonly Gen<string> Text = Word.Array[1, 5].Select(w => string.Join(' ', w));
    private static readonly Gen<IncidentId?> Target = Gen.Frequency((1, Gen.Const((IncidentId?)null)), (2, Gen.Long[1, 99999].Select(n => (IncidentId?)new IncidentId(n))));

    private static readonly Gen<Command> AnyCommand = Gen.OneOf<Command>(
        Gen.Select(Text, Gen.Enum<Severity>().Nullable(), Word.Null(), (t, s, v) => (Command)new DeclareIncident(t, s, v)),
        Gen.Const<Command>(new Acknowledge()),
        Gen.Select(Gen.Enum<IncidentRole>(), Word, (r, u) => (Command)new AssignRole(r, new Actor(u, u))),
        Gen.Enum<Severity>().Select(s => (Command)new ChangeSeverity(s)),
        Gen.OneOf(IncidentStatus.Investigating, IncidentStatus.Identified, IncidentStatus.Monitoring).Select(s => (Command)new ChangeStatus(s)),
        Text.Select(t => (Command)new PostUpdate(t)),
        Text.Select(t => (Command)new AddNote(t)),
        Gen.Select(Gen.Int[0, 100].Select(p => p / 100m).Nullable(), Gen.Int[0, 100].Select(p => p / 100m).Nullable(), Gen.Int[1, 999].Nullable(),
            (u, f, m) => (Command)new SetImpact(u, f, m is null ? null : new TimeSpec(null, TimeSpan.FromMinutes(-m.Value)), new TimeSpec(new DateTimeOffset(2026, 3, 2, 10, 15, 0, TimeSpan.Zero), null))),
        Text.Select(t => (Command)new ResolveIncident(t)),
        Gen.Const<Command>(new ValidateService()),
        Text.Select(t => (Command)new ReopenIncident(t)),
        Text.Select(t => (Command)new HandOff(t)),
        Gen.Select(Gen.Enum<RootCauseCategory>(), Text, (c, t) => (Command)new SetRootCause(c, t)),
        Gen.Select(Word, Gen.Date.Select(DateOnly.FromDateTime), Text, (o, d, t) => (Command)new AddFollowUp(o, d, t)),
        Text.Select(t => (Command)new NoFollowUp(t)),
        Gen.Select(Gen.Enum<PostmortemField>(), Text, (f, t) => (Command)new AnswerPostmortem(f, t)),
        Gen.Const<Command>(new ShowPostmortem()),
        Gen.Const<Command>(new CloseIncident()),
        Text.Select(t => (Command)new CancelIncident(t)),
        Gen.Const<Command>(new ShowTimeline()),
        Gen.Const<Command>(new ShowSummary()));

    [Fact]
    public void GeneratedValidCommands_RoundTripThroughText()
    {
        Gen.Select(AnyCommand, Target, Gen.Bool, Gen.Bool, (c, t, slash, incident) => (c is DeclareIncident ? c : c with { Target = t }, slash, incident))
            .Sample(x =>
            {
                var text = (x.slash ? "/" : "") + (x.incident ? "incident " : "") + Format(x.Item1);
                var parsed = CommandParser.Parse(text);
                Assert.True(parsed.IsSuccess, text + " -> " + parsed.Error);
                Assert.Equal(x.Item1, parsed.Command);
            });
    }

    private static string Format(Command command)
    {
        var id = command.Target is { } t ? " " + t : "";
        var v = CultureInfo.InvariantCulture;
        return command switch
        {
            DeclareIncident d => "declare " + (d.Severity is { } s ? $"--sev {(int)s} " : "") + $"\"{d.Title}\"" + (d.Service is null ? "" : " --service " + d.Service),
            AssignRole r => $"role{id} {r.Role.ToText()} @{r.User.Name}",
            ChangeSeverity s => $"sev{id} {s.Severity.ToText()}",
            ChangeStatus s => $"status{id} {s.Status.ToText()}",
            PostUpdate u => $"update{id} {u.Text}",
            AddNote n => $"note{id} {n.Text}",
            SetImpact i => $"impact{id}"
                + (i.UsersShare is { } u ? $" --users {(u * 100).ToString("0", v)}%" : "")
                + (i.FunctionShare is { } f ? $" --function {(f * 100).ToString("0", v)}" : "")
                + (i.StartedAt is { } st ? $" --started -{(-st.Relative!.Value.TotalMinutes).ToString(v)}m" : "")
                + $" --ended {i.EndedAt!.Absolute!.Value.ToString("yyyy-MM-dd'T'HH:mm'Z'", v)}",
            ResolveIncident r => $"resolve{id} {r.Summary}",
            ReopenIncident r => $"reopen{id} {r.Reason}",
            HandOff h => $"handoff{id} {h.Link}",
            SetRootCause r => $"rootcause{id} {r.Category.ToString().ToLowerInvariant()} {r.Text}",
            AddFollowUp f => $"followup{id} {f.Owner} {f.Due.ToString("yyyy-MM-dd", v)} {f.Text}",
            NoFollowUp n => $"nofollowup{id} {n.Reason}",
            AnswerPostmortem a => $"postmortem{id} {a.Field switch { PostmortemField.WentWell => "went-well", _ => a.Field.ToString().ToLowerInvariant() }} {a.Text}",
            CancelIncident c => $"cancel{id} {c.Reason}",
            _ => command.Verb + id,
        };
    }
}
