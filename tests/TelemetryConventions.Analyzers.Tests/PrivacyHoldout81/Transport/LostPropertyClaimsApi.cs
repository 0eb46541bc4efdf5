namespace PrivacyHoldout81.Transport;

/// <summary>
/// Opens a lost-property claim from an inbound message once the rule engine sent it to the claims
/// queue. The claim keeps the rider's name and address as the mail gave them.
/// </summary>
public sealed class LostPropertyClaimsApi(
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILostPropertyClaims claims,
    ILogger<LostPropertyClaimsApi> logger)
{
    private readonly Counter<long> _claims = meter.CreateCounter<long>("lostpropinbox.claims.opened");
    private readonly ConcurrentQueue<LostPropertyClaim> _awaitingDepotCheck = new();

    public async Task<LostPropertyClaim?> OpenAsync(MimeMessage message, Guid riderId, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var from = message.From.Mailboxes.First();
        activity?.SetBaggage("rider.email", from.Address); // leak TC1001 direct
        activity?.SetBaggage("rider", pseudonymizer.ComputeLostpropinboxSenderId(riderId.ToString())); // clean precision-pseudonym

        try
        {
            var claim = await claims.OpenAsync(riderId, from.Name ?? from.LocalPart, from.Address, message.TextBody ?? string.Empty, cancellationToken);
            _awaitingDepotCheck.Enqueue(claim);
            logger.LogInformation("Claim opened: {@Claim}", claim); // leak TC1001 logging-objects
            logger.LogInformation("Claim {ClaimId} opened, {Waiting} awaiting a depot check", claim.ClaimId, _awaitingDepotCheck.Count); // clean precision-about
            _claims.Add(1, new KeyValuePair<string, object?>("rider", pseudonymizer.ComputeLostpropinboxSenderId(riderId.ToString()))); // leak TC1003 precision-pseudonym
            _claims.Add(1, new KeyValuePair<string, object?>("category", claim.Description.Contains("wallet") ? "wallet" : "other")); // clean precision-about
            return claim;
        }
        catch (DuplicateClaimException ex)
        {
            logger.LogInformation(ex, "Duplicate claim {Existing}", ex.ExistingClaimId); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return null;
        }
        catch (ClaimValidationException ex)
        {
            logger.LogWarning("Claim rejected: {Reason}", ex.Message); // leak TC1001 exceptions
            logger.LogLostpropinboxMessageQuarantinedEvent(message.MessageId, "invalid_claim", lostpropinboxNote: ex.Message); // leak TC1001 generated-api
            return null;
        }
    }

    public void ReportBacklog()
    {
        var oldest = _awaitingDepotCheck.TryPeek(out var claim) ? claim : null;
        logger.LogWarning("Oldest claim awaiting a depot check is from {Rider}", oldest?.RiderName); // leak TC1001 cross-member
        Activity.Current?.SetTag("claims.backlog", _awaitingDepotCheck.Count); // clean precision-about
        var fingerprint = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(oldest?.RiderEmail ?? string.Empty)));
        Activity.Current?.SetTag("claims.oldest.rider_hash", fingerprint); // leak TC1002 hashes
    }
}

public interface ILostPropertyClaims
{
    Task<LostPropertyClaim> OpenAsync(Guid riderId, string riderName, string riderEmail, string description, CancellationToken cancellationToken);
}

/// <summary>A claim already open for the same item: the existing claim's id only.</summary>
public sealed class DuplicateClaimException(string existingClaimId) : Exception($"A claim for this item is already open: {existingClaimId}")
{
    public string ExistingClaimId { get; } = existingClaimId;
}

/// <summary>The claims system refused a description; the message quotes the description it refused.</summary>
public sealed class ClaimValidationException(string description) : Exception($"Description not accepted: \"{description}\"");
