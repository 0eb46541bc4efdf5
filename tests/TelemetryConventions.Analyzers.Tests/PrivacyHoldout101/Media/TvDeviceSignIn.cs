namespace PrivacyHoldout101.Media;

/// <summary>A TV pairing: the code the TV shows, the TV's device id, its model and the subscriber who approved it on their phone.</summary>
public sealed record TvPairing(string PairingCode, string TvDeviceId, string TvModel, string? ApprovedBySubscriberId);

public interface IPairingStore
{
    Task<TvPairing?> FindAsync(string pairingCode, CancellationToken cancellationToken);
}

/// <summary>Signs TVs in with a pairing code and subscribers in with Apple or Google; refreshes the TV app's tokens.</summary>
public sealed class TvDeviceSignIn(
    IPairingStore pairings,
    IOidcClient oidc,
    IAccountManager<AccountUser> accounts,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<TvDeviceSignIn> logger)
{
    private readonly ViewacctFlowsCounter _flows = meter.CreateViewacctFlowsCounter();
    private readonly Counter<long> _pairings = meter.CreateCounter<long>("viewacct.tv.pairings");

    public async Task<bool> CompletePairingAsync(string pairingCode, CancellationToken cancellationToken)
    {
        using var span = source.StartViewacctFlow("device_pairing").SetViewacctClientId("tv-app");
        var pairing = await pairings.FindAsync(pairingCode, cancellationToken);
        if (pairing?.ApprovedBySubscriberId is not { } subscriberId)
        {
            span.SetViewacctOutcome("pending"); // clean generated-api
            return false;
        }
        span.SetViewacctSubscriberId(pseudonymizer.PseudonymizeViewacctSubscriberId(subscriberId)); // clean precision-pseudonym
        Activity.Current?.SetTag("viewacct.tv.model", pairing.TvModel); // clean precision-names
        Activity.Current?.SetTag("viewacct.tv.device_id", pairing.TvDeviceId); // leak TC1001 direct
        _pairings.Add(1, new KeyValuePair<string, object?>("viewacct.tv.model", pairing.TvModel)); // clean precision-names
        _pairings.Add(1, new KeyValuePair<string, object?>("viewacct.subscriber", pseudonymizer.PseudonymizeViewacctSubscriberId(subscriberId))); // leak TC1003 precision-pseudonym
        logger.LogInformation("TV paired: {Pairing}", pairing); // leak TC1001 logging-objects
        return true;
    }

    public async Task<string?> SignInWithAppleAsync(AuthorizationCallback callback, PendingAuthorization pending, CancellationToken cancellationToken)
    {
        using var span = source.StartViewacctFlow("sso_callback").SetViewacctIdp("apple");
        var tokens = await oidc.RedeemCodeAsync(callback.Code!, pending.CodeVerifier, cancellationToken);
        var claims = oidc.ValidateIdToken(tokens.IdToken!, pending.Nonce);
        var relay = claims.Email?.EndsWith("@privaterelay.appleid.com", StringComparison.OrdinalIgnoreCase) == true;
        Activity.Current?.SetTag("viewacct.apple.private_relay", relay); // clean precision-about
        Activity.Current?.SetTag("viewacct.apple.email", claims.Email); // leak TC1001 direct
        logger.LogInformation("Apple id token {Jti} issued at {IssuedAt} for audience {Audience}", claims.TokenId, claims.IssuedAt, claims.Audience); // clean precision-names

        var user = await accounts.FindByLoginAsync("apple", claims.Subject);
        if (user is null)
        {
            var login = new ExternalLogin("apple", claims.Subject, "Sign in with Apple");
            user = new AccountUser { UserName = claims.Email, Email = claims.Email, EmailConfirmed = claims.EmailVerified };
            var created = await accounts.CreateAsync(user, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
            await accounts.AddLoginAsync(user, login);
            span.SetViewacctOutcome("created").SetViewacctNote($"new account via apple, sub {login.ProviderKey}"); // leak TC1001 generated-api
            logger.LogInformation("Account created from Apple sign-in: {Created}", created); // clean logging-objects
        }
        _flows.Add(1, "sso_callback", "ok", "apple"); // clean generated-api
        return user.Id;
    }

    public async Task<TokenResponse?> RefreshTvAsync(string tvDeviceId, string refreshToken, CancellationToken cancellationToken)
    {
        using var span = source.StartViewacctFlow("refresh").SetViewacctClientId("tv-app");
        try
        {
            return await oidc.RefreshAsync(refreshToken, cancellationToken);
        }
        catch (OidcProtocolException ex)
        {
            span.RecordException(ex).SetViewacctOutcome(ex.Error); // clean exceptions
            logger.LogWarning("TV refresh failed, token ends {TokenTail}, status {Status}", refreshToken[^4..], ex.Status); // clean precision-about
            logger.LogWarning("TV {TvDeviceId} must pair again", tvDeviceId); // leak TC1001 direct
            return null;
        }
    }
}
