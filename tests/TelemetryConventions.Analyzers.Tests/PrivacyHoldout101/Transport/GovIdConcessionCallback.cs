namespace PrivacyHoldout101.Transport;

/// <summary>The claims of the government identity provider a rider proves a concession with.</summary>
public sealed record GovIdentity(string Subject, string FamilyName, string GivenName, DateOnly BirthDate, string ConcessionType);

public interface IGovIdClient
{
    Task<GovIdentity> ReadIdentityAsync(string accessToken, CancellationToken cancellationToken);
}

/// <summary>Proves concession eligibility with the government identity provider, keeps the rider's consent and erases it on request.</summary>
public sealed class GovIdConcessionCallback(
    IOidcClient oidc,
    IGovIdClient govId,
    IConsentLedger ledger,
    IErasureFanOut erasure,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<GovIdConcessionCallback> logger)
{
    public async Task<bool> CompleteAsync(string riderId, AuthorizationCallback callback, PendingAuthorization pending, CancellationToken cancellationToken)
    {
        using var span = source.StartRideacctFlow("sso_callback").SetRideacctIdp("gov_id");
        if (callback.Error is { } error)
        {
            span.SetRideacctOutcome(error); // clean generated-api
            logger.LogInformation("Gov ID returned {Error}", error); // clean precision-names
            return false;
        }
        var tokens = await oidc.RedeemCodeAsync(callback.Code!, pending.CodeVerifier, cancellationToken);
        logger.LogDebug("Gov ID access token {AccessToken}", tokens.AccessToken); // leak TC1001 cross-member
        logger.LogDebug("Gov ID token type {TokenType}, expires in {ExpiresIn}", tokens.TokenType, tokens.ExpiresIn); // clean precision-names
        var identity = await govId.ReadIdentityAsync(tokens.AccessToken, cancellationToken);
        Activity.Current?.SetTag("rideacct.concession.type", identity.ConcessionType); // clean precision-names
        Activity.Current?.SetTag("rideacct.concession.age", DateTime.UtcNow.Year - identity.BirthDate.Year); // clean precision-about
        Activity.Current?.SetTag("rideacct.gov.subject", identity.Subject); // leak TC1001 direct
        logger.LogInformation("Concession proven for {Identity}", identity); // leak TC1001 logging-objects
        logger.LogInformation("Concession holder {Name}", $"{identity.GivenName} {identity.FamilyName}"); // leak TC1001 strings

        var consent = await ledger.RecordAsync(riderId, "concession-check", true, "gov_id", cancellationToken);
        span.SetRideacctRequestId(consent.ConsentId.ToString()).SetRideacctRiderId(pseudonymizer.PseudonymizeRideacctRiderId(riderId)); // clean precision-pseudonym
        return true;
    }

    public async Task EraseAsync(ErasureRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartRideacctFlow("erasure").SetRideacctRequestId(request.RequestId);
        Activity.Current?.SetTag("rideacct.erasure.received", request.ReceivedAt.ToString("O")); // clean precision-names
        try
        {
            var receipts = await erasure.EraseAsync(request, cancellationToken);
            span.SetRideacctNote($"erased {receipts.Sum(r => r.RowsDeleted)} rows"); // clean generated-api
        }
        catch (ErasureDeferredException ex)
        {
            Activity.Current?.AddRideacctFlowFailedEvent("erasure", "deferred", pseudonymizer.PseudonymizeRideacctRiderId(request.SubjectId), ex.Message); // clean exceptions
            Activity.Current?.SetTag(RideacctAttributes.AccountContact, pseudonymizer.Compute("rider.contact", request.ContactEmail)); // leak TC1001 precision-pseudonym
        }
    }
}
