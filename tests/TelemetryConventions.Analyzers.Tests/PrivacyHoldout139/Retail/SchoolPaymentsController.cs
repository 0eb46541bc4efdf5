namespace PrivacyHoldout139.Retail;

public sealed record TripPaymentRequest(string ParentAccount, string ParentEmail, string Upn, string TripId, string CardToken, decimal Amount, bool Instalment);

/// <summary>Parents pay for school trips and dinners through the retailer's payments service; the school sees the balance per trip.</summary>
[ApiController]
[Route("api/schools/{schoolUrn}/payments")]
public sealed class SchoolPaymentsController(
    IPaymentGateway gateway,
    Pseudonymizer pseudonymizer,
    ILogger<SchoolPaymentsController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("SchoolPay.Payments");
    private static readonly Meter Meter = new("SchoolPay.Payments");
    private static readonly Histogram<double> Amounts = Meter.CreateHistogram<double>("schoolpay.amount", "GBP");

    [HttpPost("trips")]
    public async Task<ActionResult> PayForTrip(string schoolUrn, [FromBody] TripPaymentRequest request, CancellationToken ct)
    {
        using var span = Source.StartSchoolpayOperation(schoolUrn)
            .SetSchoolpayPayerId(pseudonymizer.PseudonymizeSchoolpayPayerId(request.ParentAccount)) // clean generated-api
            .SetSchoolpayPupilId(pseudonymizer.PseudonymizeSchoolpayPupilId(request.Upn)) // clean generated-api
            .SetSchoolpayItem(request.TripId) // clean precision-names
            .SetSchoolpayAmount((double)request.Amount); // clean precision-about
        Amounts.Record((double)request.Amount, new KeyValuePair<string, object?>("school.urn", schoolUrn), new KeyValuePair<string, object?>("instalment", request.Instalment)); // clean precision-about
        span.Activity?.SetTag("payment.card_token", request.CardToken); // leak TC1001 direct
        try
        {
            var receipt = await gateway.ChargeAsync(request.ParentAccount, request.CardToken, request.Amount, $"{request.TripId}/{request.Upn}", ct);
            logger.LogInformation("Trip payment {Receipt}", receipt); // clean logging-objects
            span.SetSchoolpayOutcome(receipt.Status); // clean generated-api
            Meter.CreateSchoolpayPaymentsCounter().Add(1, schoolUrn, schoolpayOutcome: receipt.Status); // clean generated-api
            logger.LogInformation("Paid {Amount:C} for trip reference {Reference}", request.Amount, $"{request.TripId}/{request.Upn}"); // leak TC1001 strings
        }
        catch (CardDeclinedException ex)
        {
            span.RecordException(ex, "card declined", includeMessage: true); // clean exceptions
            logger.LogWarning("Declined for {Account}: {Reason}", request.ParentAccount, ex.Reason); // leak TC1001 direct
            return BadRequest(ex.Reason);
        }
        catch (PayerNotLinkedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, "payer not linked"); // clean exceptions
            logger.LogWarning(ex, "Payer not linked"); // leak TC1001 exceptions
            span.Activity?.SetTag(SchoolpayAttributes.Contact, request.ParentEmail); // leak TC1001 generated-api
            return BadRequest("not linked");
        }
        return Ok();
    }

    [HttpGet("trips/{tripId}/balance")]
    public ActionResult Balance(string schoolUrn, string tripId, [FromBody] IReadOnlyDictionary<string, decimal> paidByUpn, SchoolTrip trip)
    {
        using var activity = Source.StartActivity("schoolpay.trip.balance");
        var owing = paidByUpn.Where(p => p.Value < trip.Cost).ToDictionary(p => p.Key, p => trip.Cost - p.Value);
        activity?.SetTag("trip.owing.count", owing.Count); // clean precision-about
        activity?.SetTag("trip.owing.total", owing.Values.Sum()); // clean precision-about
        logger.LogInformation("Trip {Trip} balances {Owing}", trip, owing); // leak TC1001 logging-objects
        logger.LogInformation("Trip {Trip} fully paid by {Paid} of {Places}", trip.TripId, paidByUpn.Count - owing.Count, trip.Places); // clean precision-about
        return Ok(owing.Count);
    }
}
