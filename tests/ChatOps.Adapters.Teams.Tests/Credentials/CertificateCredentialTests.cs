using ChatOps.Adapters.Teams.Hosting;
using ChatOps.Adapters.Teams.Outbound;
using ChatOps.Adapters.Teams.Tests.Fixtures;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Adapters.Teams.Tests.Credentials;

/// <summary>
/// With <c>Teams:CertificatePath</c> the real MSAL client asks for its token with a <c>client_assertion</c> signed by
/// the certificate (no secret on the wire); the identity provider is a stand-in behind MSAL's HTTP client.
/// </summary>
public sealed class CertificateCredentialTests : IDisposable
{
    private const string Tenant = "11111111-2222-3333-4444-555555555555";
    private readonly TestCertificate _certificate = new();
    private readonly FakeIdentityProvider _idp = new();

    [Fact]
    public async Task Certificate_TokenRequest_CarriesAnAssertionSignedWithTheCertificate()
    {
        var source = TokenSource(new TeamsOptions
        {
            AppId = Tokens.AppId,
            TenantId = Tenant,
            CertificatePath = _certificate.PfxPath,
            CertificatePassword = TestCertificate.Password,
        });

        var token = await source.GetTokenAsync(CancellationToken.None);

        Assert.Equal(FakeIdentityProvider.AccessToken, token);
        var (uri, form) = Assert.Single(_idp.TokenRequests);
        Assert.Equal($"/{Tenant}/oauth2/v2.0/token", uri.AbsolutePath);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(MsalBotTokenSource.Scope, form["scope"]);
        Assert.False(form.ContainsKey("client_secret"));
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form["client_assertion_type"]);

        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(form["client_assertion"], new TokenValidationParameters
        {
            IssuerSigningKey = new X509SecurityKey(_certificate.PublicOnly),
            ValidIssuer = Tokens.AppId,
            ValidAudience = uri.GetLeftPart(UriPartial.Path),
            ValidateLifetime = false,
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal(Tokens.AppId, ((JsonWebToken)validation.SecurityToken).Subject);
    }

    [Fact]
    public async Task Certificate_SecondToken_ComesFromTheCacheWithoutAnotherRequest()
    {
        var source = TokenSource(new TeamsOptions { AppId = Tokens.AppId, CertificatePath = _certificate.PfxPath, CertificatePassword = TestCertificate.Password });

        await source.GetTokenAsync(CancellationToken.None);
        await source.GetTokenAsync(CancellationToken.None);

        var (uri, _) = Assert.Single(_idp.TokenRequests);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", uri.AbsolutePath);
    }

    [Fact]
    public async Task ManySendsAtStart_AskTheIdentityProviderOnce()
    {
        var source = TokenSource(new TeamsOptions { AppId = Tokens.AppId, AppPassword = "s" });
        _idp.HoldTokens = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var sends = Enumerable.Range(0, 20).Select(_ => Task.Run(() => source.GetTokenAsync(CancellationToken.None))).ToArray();
        await _idp.FirstTokenRequest.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _idp.HoldTokens.SetResult();
        var tokens = await Task.WhenAll(sends);

        Assert.All(tokens, t => Assert.Equal(FakeIdentityProvider.AccessToken, t));
        Assert.Single(_idp.TokenRequests);
    }

    [Fact]
    public async Task Secret_TokenRequest_SendsTheSecretAndNoAssertion()
    {
        var source = TokenSource(new TeamsOptions { AppId = Tokens.AppId, AppPassword = "the-secret" });

        await source.GetTokenAsync(CancellationToken.None);

        var (_, form) = Assert.Single(_idp.TokenRequests);
        Assert.Equal("the-secret", form["client_secret"]);
        Assert.False(form.ContainsKey("client_assertion"));
    }

    [Fact]
    public async Task AuthorityOutsideMicrosoftClouds_IsUsedAsConfiguredWithoutInstanceDiscovery()
    {
        var source = TokenSource(new TeamsOptions { AppId = Tokens.AppId, AppPassword = "s", TokenAuthority = "https://idp.contoso.test/{tenant}" });

        await source.GetTokenAsync(CancellationToken.None);

        var only = Assert.Single(_idp.AllRequests);
        Assert.Equal("https://idp.contoso.test/botframework.com/oauth2/v2.0/token", only.GetLeftPart(UriPartial.Path));
    }

    private MsalBotTokenSource TokenSource(TeamsOptions options) => new(Options.Create(options), new HandlerClients(_idp));

    public void Dispose()
    {
        _idp.Dispose();
        _certificate.Dispose();
    }

    private sealed class HandlerClients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
