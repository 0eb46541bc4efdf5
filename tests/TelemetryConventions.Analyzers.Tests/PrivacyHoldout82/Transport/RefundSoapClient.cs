namespace PrivacyHoldout82.Transport;

/// <summary>The detail of the back office's refund faults: a code and the back office's text, which quotes the card and its holder.</summary>
public sealed record RefundFault(string Code, string Text);

public sealed record RefundClaim(string ClaimId, string CardNumber, string RiderEmail, string JourneyRef, int AmountPence, string RiderStatement);

/// <summary>
/// Files delay-repay refunds with the ticketing back office's SOAP service (RefundService.svc, action
/// SubmitRefund) until refunds move to the new customer platform. Back office codes: RF00 accepted,
/// RF12 journey not found, RF31 card not registered, RF44 duplicate claim.
/// </summary>
public sealed partial class RefundSoapClient(ISoapChannel backOffice, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<RefundSoapClient> logger)
{
    private const string SubmitAction = "http://tbo.example/Refunds/IRefundService/SubmitRefund";

    private readonly Counter<long> _claims = meter.CreateCounter<long>("refunds.submitted");

    public async Task<string> SubmitAsync(RefundClaim claim, CancellationToken cancellationToken)
    {
        using var span = source.StartTicketbridgeTranslate("SubmitRefund");
        span.SetTicketbridgeRiderId(pseudonymizer.PseudonymizeTicketbridgeRiderId(claim.CardNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("refund.claim_id", claim.ClaimId); // clean precision-about
        Activity.Current?.SetTag("refund.journey_ref", claim.JourneyRef); // clean precision-about
        Activity.Current?.SetTag("refund.summary", $"{claim.ClaimId} {claim.CardNumber} {claim.AmountPence}p"); // leak TC1001 strings
        LogSubmitting(logger, claim.ClaimId, claim.RiderEmail, claim.AmountPence); // clean precision-pseudonym

        var envelope = new SoapEnvelope(SubmitAction, new XElement("SubmitRefund",
            new XElement("Card", claim.CardNumber), new XElement("Journey", claim.JourneyRef), new XElement("Amount", claim.AmountPence), new XElement("Statement", claim.RiderStatement)));
        try
        {
            var response = await backOffice.InvokeAsync(envelope, cancellationToken);
            var code = (string)response.Element("Code")!;
            span.SetTicketbridgeLegacyStatus(code).SetTicketbridgeOutcome(code == "RF00" ? "accepted" : "refused"); // clean precision-about
            _claims.Add(1, new KeyValuePair<string, object?>("code", code)); // clean precision-about
            return code;
        }
        catch (FaultException<RefundFault> fault) when (fault.Detail.Code == "RF31")
        {
            _claims.Add(1, new KeyValuePair<string, object?>("code", fault.Detail.Code)); // clean precision-about
            span.RecordException(fault); // clean exceptions
            span.SetTicketbridgeNote(fault.Detail.Text); // leak TC1001 generated-api
            logger.LogWarning("RF31 for claim {ClaimId}; statement was: {Statement}", claim.ClaimId, claim.RiderStatement); // leak TC1001 direct
            throw new LegacySystemException("tbo-legacy", fault.Detail.Code, fault.Detail.Text);
        }
        catch (FaultException<RefundFault> fault)
        {
            logger.LogWarning("Refund fault {Code} for claim {ClaimId}", fault.Detail.Code, claim.ClaimId); // clean exceptions
            logger.LogDebug("Request was {Envelope}", envelope); // leak TC1001 logging-objects
            span.SetStatus(ActivityStatusCode.Error, $"{fault.Detail.Code}: {fault.Detail.Text}"); // leak TC1001 exceptions
            return fault.Detail.Code;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Submitting claim {ClaimId} for {RiderEmail}, {AmountPence}p")]
    private static partial void LogSubmitting(ILogger logger, string claimId, [PrivateData] string riderEmail, int amountPence);
}
