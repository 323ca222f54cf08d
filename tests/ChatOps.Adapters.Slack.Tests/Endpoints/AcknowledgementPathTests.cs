using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatOps.Adapters.Slack.Inbound;
using ChatOps.Adapters.Slack.Signing;
using ChatOps.Adapters.Slack.Tests.Fixtures;

namespace ChatOps.Adapters.Slack.Tests.Endpoints;

/// <summary>
/// What runs for every slash command before its 200 (signature, form, work item) stays lean and keeps its meaning:
/// the signature check allocates nothing, the form parser decodes as browsers and Slack encode, and the
/// source-generated work item is the same JSON items already queued were written in.
/// </summary>
public sealed class AcknowledgementPathTests
{
    [Fact]
    public void SignatureCheck_AllocatesNothingPerRequest()
    {
        var clock = TimeProvider.System;
        var verifier = new SlackSignatureVerifier([SlackBot.Secret, "second-secret"], clock);
        var body = Encoding.UTF8.GetBytes(SlackPayloads.SlashCommand("note load test message 1"));
        var ts = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SlackSignatureVerifier.Signature(SlackBot.Secret, ts, body);
        Assert.Equal(SignatureCheck.Valid, verifier.Verify(ts, signature, body)); // warm: pool, crypto provider

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++) verifier.Verify(ts, signature, body);
        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / 1000.0;

        Assert.True(perCall < 8, $"{perCall} bytes allocated per check");
    }

    [Fact]
    public void SignatureCheck_RefusesMalformedSignatures()
    {
        var verifier = new SlackSignatureVerifier([SlackBot.Secret], TimeProvider.System);
        var body = "a=b"u8.ToArray();
        var ts = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var good = SlackSignatureVerifier.Signature(SlackBot.Secret, ts, body);

        Assert.Equal(SignatureCheck.Valid, verifier.Verify(ts, good.ToUpperInvariant().Replace("V0=", "v0=", StringComparison.Ordinal), body));
        Assert.Equal(SignatureCheck.Mismatch, verifier.Verify(ts, "v1=" + good[3..], body));
        Assert.Equal(SignatureCheck.Mismatch, verifier.Verify(ts, good[..^2], body));
        Assert.Equal(SignatureCheck.Mismatch, verifier.Verify(ts, good[..^2] + "zz", body));
    }

    [Fact]
    public void Form_DecodesPlusPercentAndUtf8_EmptyAndBareFields()
    {
        var form = SlackForm.Parse("text=note+50%25+of+caf%C3%A9+%2B+tea&empty=&bare&=nokey&command=%2Fincident&&x=1&x=2"u8);

        Assert.Equal("note 50% of café + tea", form["text"]);
        Assert.Equal(("", "", "/incident", "2"), (form["empty"], form["bare"], form["command"], form["x"]));
        Assert.Null(form.Get("empty"));
        Assert.False(form.ContainsKey(""));
    }

    [Fact]
    public void WorkItem_IsTheJsonShapeQueuedItemsWereWrittenIn()
    {
        var work = new SlackWork(SlackWorkKind.TimelineMessage, "T1", "U1", "dana", "C1", ["note a", "note b"], "https://hooks.slack.com/x", Private: true, MessageTs: "1.2", MessageText: "hi");
        var reflection = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        Assert.Equal(JsonSerializer.Serialize(work, reflection), work.Serialize());
        var back = SlackWork.Deserialize(JsonSerializer.Serialize(work, reflection));
        Assert.Equal((work.Kind, work.UserId, work.Private, work.MessageText), (back.Kind, back.UserId, back.Private, back.MessageText));
        Assert.Equal(work.Commands, back.Commands);
    }
}
