namespace PrivacyHoldout136.Retail;

public sealed record ContactlessChargeRequest(string ChargePointId, int ConnectorId, string CardLast4, string? ReceiptEmail, string? LoyaltyCardNumber);

/// <summary>Pay-as-you-go rapid charging in store car parks: contactless pre-authorisation, capture on stop and an emailed receipt.</summary>
public sealed class RapidChargerPaymentService(
    IPaymentTerminal terminal,
    ILogger<RapidChargerPaymentService> logger,
    ActivitySource activitySource,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _preAuths = meter.CreateCounter<long>("rapid.preauths");

    public async Task<string?> PreAuthoriseAsync(ContactlessChargeRequest request, CancellationToken cancellationToken)
    {
        using var span = activitySource.StartStoreparkAccess(request.ChargePointId[..10]);
        span.SetStoreparkDevice(request.ChargePointId); // clean precision-names
        span.Activity?.SetTag("rapid.card_last4", request.CardLast4); // clean precision-about
        span.Activity?.SetTag("rapid.receipt_requested", request.ReceiptEmail is not null); // clean precision-about
        if (request.ReceiptEmail is { } email)
        {
            span.Activity?.SetTag(StoreparkAttributes.Contact, email); // leak TC1001 generated-api
        }

        if (request.LoyaltyCardNumber is { } loyalty)
        {
            span.SetStoreparkHolderId(pseudonymizer.PseudonymizeStoreparkHolderId(loyalty)); // clean precision-pseudonym
            _preAuths.Add(1, new KeyValuePair<string, object?>("loyalty", loyalty)); // leak TC1003 direct
            _preAuths.Add(0, new KeyValuePair<string, object?>("member", pseudonymizer.ComputeStoreparkHolderId(loyalty))); // leak TC1003 precision-pseudonym
        }

        try
        {
            var preAuthId = await terminal.PreAuthoriseAsync(request.ChargePointId, 35m, cancellationToken);
            span.Activity?.SetTag("rapid.preauth_id", preAuthId); // clean precision-names
            _preAuths.Add(1, new KeyValuePair<string, object?>("outcome", "approved")); // clean precision-names
            return preAuthId;
        }
        catch (PaymentDeclinedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Pre-authorisation declined {DeclineCode}", ex.DeclineCode); // clean exceptions
            logger.LogWarning("Declined at {ChargePointId}; receipt to {Email}", request.ChargePointId, request.ReceiptEmail); // leak TC1001 direct
            return null;
        }
    }
}
