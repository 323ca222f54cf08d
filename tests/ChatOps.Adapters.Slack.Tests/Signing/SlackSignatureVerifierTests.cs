using System.Text;
using ChatOps.Adapters.Slack.Signing;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Adapters.Slack.Tests.Signing;

public sealed class SlackSignatureVerifierTests
{
    // Slack's published test vector (docs "Verifying requests from Slack"; PROTOCOLS.md A3).
    private const string DocSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DocTimestamp = "1531420618";
    private const string DocBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string DocSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static FakeTimeProvider ClockAt(long unixSeconds) => new(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

    private static SlackSignatureVerifier Verifier(FakeTimeProvider clock, params string?[] secrets) => new(secrets, clock);

    [Fact]
    public void Verify_SlacksPublishedTestVector_IsValid()
    {
        var verifier = Verifier(ClockAt(1531420618), DocSecret);

        Assert.Equal(SignatureCheck.Valid, verifier.Verify(DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody)));
        Assert.Equal(DocSignature, SlackSignatureVerifier.Signature(DocSecret, DocTimestamp, Encoding.UTF8.GetBytes(DocBody)));
    }

    [Fact]
    public void Verify_OneChangedByte_IsAMismatch()
    {
        var verifier = Verifier(ClockAt(1531420618), DocSecret);
        var tampered = Encoding.UTF8.GetBytes(DocBody.Replace("text=&", "text=x&", StringComparison.Ordinal));

        Assert.Equal(SignatureCheck.Mismatch, verifier.Verify(DocTimestamp, DocSignature, tampered));
    }

    [Fact]
    public void Verify_ReEncodedBody_IsAMismatch_BecauseTheRawBytesAreSigned()
    {
        var raw = Encoding.UTF8.GetBytes("text=%2Abold%2A&team_id=T1");
        var signature = SlackSignatureVerifier.Signature(DocSecret, DocTimestamp, raw);
        var verifier = Verifier(ClockAt(1531420618), DocSecret);

        Assert.Equal(SignatureCheck.Valid, verifier.Verify(DocTimestamp, signature, raw));
        Assert.Equal(SignatureCheck.Mismatch, verifier.Verify(DocTimestamp, signature, Encoding.UTF8.GetBytes("text=*bold*&team_id=T1")));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    public void Verify_TimestampOutsideFiveMinutes_IsStale(int skewSeconds)
    {
        var verifier = Verifier(ClockAt(1531420618 + skewSeconds), DocSecret);

        Assert.Equal(SignatureCheck.StaleTimestamp, verifier.Verify(DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody)));
    }

    [Fact]
    public void Verify_TimestampAtTheEdgeOfTheWindow_IsValid()
    {
        var verifier = Verifier(ClockAt(1531420618 + 300), DocSecret);

        Assert.Equal(SignatureCheck.Valid, verifier.Verify(DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody)));
    }

    [Fact]
    public void Verify_DuringRotation_AcceptsEitherSecret_AndRefusesOthers()
    {
        var clock = ClockAt(1531420618);
        var rotating = Verifier(clock, "new-secret", DocSecret);
        var body = Encoding.UTF8.GetBytes(DocBody);

        Assert.Equal(SignatureCheck.Valid, rotating.Verify(DocTimestamp, DocSignature, body));
        Assert.Equal(SignatureCheck.Valid, rotating.Verify(DocTimestamp, SlackSignatureVerifier.Signature("new-secret", DocTimestamp, body), body));
        Assert.Equal(SignatureCheck.Mismatch, rotating.Verify(DocTimestamp, SlackSignatureVerifier.Signature("other", DocTimestamp, body), body));
    }

    [Theory]
    [InlineData(null, DocSignature)]
    [InlineData(DocTimestamp, null)]
    [InlineData("12ab", DocSignature)]
    [InlineData("-1531420618", DocSignature)]
    public void Verify_MissingOrMalformedHeaders_AreRefused(string? timestamp, string? signature)
    {
        var verifier = Verifier(ClockAt(1531420618), DocSecret);

        Assert.Equal(SignatureCheck.MissingHeaders, verifier.Verify(timestamp, signature, Encoding.UTF8.GetBytes(DocBody)));
    }

    [Fact]
    public void Constructor_WithoutAnySecret_Throws()
    {
        Assert.Throws<ArgumentException>(() => Verifier(ClockAt(0), null, ""));
    }
}
