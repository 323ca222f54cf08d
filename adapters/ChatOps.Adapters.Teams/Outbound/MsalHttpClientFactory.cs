using Microsoft.Identity.Client;

namespace ChatOps.Adapters.Teams.Outbound;

/// <summary>
/// MSAL's HTTP calls go through the named client <see cref="Name"/> of <see cref="IHttpClientFactory"/>, so the host
/// can add a proxy or handlers and tests can stand in for the identity provider.
/// </summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
{
    public const string Name = "ChatOps.Teams.Msal";

    public HttpClient GetHttpClient() => factory.CreateClient(Name);
}
