using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Adapters.Teams.Authentication;

/// <summary>A key of a JWKS with the channel ids it is endorsed for (Bot Framework's extra <c>endorsements</c> array).</summary>
internal sealed record SigningKey(JsonWebKey Key, IReadOnlySet<string> Endorsements);
