using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout43.Support.Identity;

// A stand-in for the government's identity gateway (an OpenID Connect provider in the shape of
// GOV.UK One Login): services redirect citizens to it, redeem the code and read the user info.

/// <summary>The token endpoint's answer.</summary>
public sealed record GatewayTokenResponse(string AccessToken, string IdToken, int ExpiresIn);

/// <summary>
/// The user info endpoint's answer. <c>Sub</c> is the pairwise subject identifier of the citizen for
/// this service; <c>Vot</c> is the vector of trust achieved (<c>P2</c>, <c>Cl.Cm</c>); <c>Vtm</c> is the
/// trust mark URL of the gateway.
/// </summary>
public sealed record GatewayUserInfo(
    string Sub,
    string Email,
    bool EmailVerified,
    string? PhoneNumber,
    string? CoreIdentityJwt,
    string Vot,
    string Vtm);

public sealed record CoreIdentityName(string GivenName, string FamilyName);

/// <summary>The verified identity claim: the citizen's names and date of birth.</summary>
public sealed record CoreIdentity(IReadOnlyList<CoreIdentityName> Names, DateOnly BirthDate)
{
    public string FullName => Names.Count == 0 ? string.Empty : $"{Names[0].GivenName} {Names[0].FamilyName}";
}

/// <summary>A postal address claim, as the gateway returns it.</summary>
public sealed record PostalAddress(string Uprn, string BuildingNumber, string StreetName, string PostTown, string PostalCode)
{
    /// <summary>The outward part of the postcode (the district), e.g. <c>LS6</c>.</summary>
    public string OutwardCode => PostalCode.Split(' ')[0];
}

/// <summary>
/// An OAuth error returned by the gateway. <see cref="Error"/> is one of the protocol's codes
/// (<c>access_denied</c>, <c>invalid_grant</c>, <c>login_required</c>) and the description is the
/// gateway's fixed text for it (for example "Authorization code has expired").
/// </summary>
public sealed class GatewayProtocolException(string error, string description)
    : Exception($"{error}: {description}")
{
    public string Error { get; } = error;

    public string Description { get; } = description;
}

public interface IIdentityGatewayClient
{
    Task<GatewayTokenResponse> RedeemCodeAsync(string code, string redirectUri, CancellationToken cancellationToken);

    Task<GatewayUserInfo> GetUserInfoAsync(string accessToken, CancellationToken cancellationToken);

    CoreIdentity DecodeCoreIdentity(string coreIdentityJwt);

    PostalAddress? DecodeAddress(string? addressClaim);
}
