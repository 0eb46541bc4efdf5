namespace PrivacyHoldout84.Transport;

public sealed record SeasonRefundForm(string SubscriptionId, string CustomerId, string Email, string SmartcardNumber, string PaymentIntentId, DateOnly LastTravelDay, string Explanation);

/// <summary>Refunds of the unused part of an annual season ticket, less the admin fee.</summary>
[ApiController]
[Route("api/season/refunds")]
public sealed class SeasonRefundController(ILogger<SeasonRefundController> logger, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, BillboxClient billing, TelemetrySecrets secrets) : ControllerBase
{
    private const long AdminFee = 1_000;

    private static readonly Counter<long> Refunds = new Meter("Transit.Season.Refunds").CreateCounter<long>("season.refunds");

    [HttpPost("")]
    public async Task<ActionResult> RequestRefund([FromBody] SeasonRefundForm form)
    {
        using var span = source.StartSeasonsubRenewal("refund");
        span.SetSeasonsubCustomerId(pseudonymizer.PseudonymizeSeasonsubCustomerId(form.CustomerId)); // clean precision-pseudonym
        using var scope = logger.BeginScope("Refund of {SubscriptionId} from {LastTravelDay:yyyy-MM-dd}", form.SubscriptionId, form.LastTravelDay); // clean precision-about
        Activity.Current?.SetTag("season.refund.explanation", form.Explanation); // leak TC1001 direct
        Activity.Current?.SetTag("enduser.id", HttpContext.User.SubjectId); // leak TC1001 direct
        Activity.Current?.SetTag("season.refund.card_shard", KeyedShard.Of(secrets.ShardKey, form.SmartcardNumber, 16)); // clean hashes
        Activity.Current?.SetTag("season.refund.card_hash", form.SmartcardNumber.GetHashCode()); // leak TC1002 hashes

        var subscription = await billing.GetSubscriptionAsync(form.SubscriptionId);
        var unusedDays = (subscription.CurrentPeriodEnd.Date - form.LastTravelDay.ToDateTime(TimeOnly.MinValue)).Days;
        var amount = Math.Max(0, unusedDays * subscription.Items[0].Price.UnitAmount / 365 - AdminFee);
        Refunds.Add(1, new KeyValuePair<string, object?>("price", subscription.Items[0].Price.Id), new KeyValuePair<string, object?>("unused_days_band", unusedDays / 30)); // clean precision-about

        try
        {
            var refund = await billing.CreateRefundAsync(form.PaymentIntentId, amount, "requested_by_customer");
            logger.LogInformation("Refund {Refund}", refund); // clean logging-objects
            span.SetSeasonsubAmount(refund.Amount).SetSeasonsubOutcome(refund.Status); // clean generated-api
        }
        catch (BillboxException ex)
        {
            logger.LogError("Refund failed with {Code} ({Status}), request {RequestId}", ex.Code, ex.HttpStatus, ex.RequestId); // clean exceptions
            logger.LogError("Refund failed for the form {Form}", form); // leak TC1001 logging-objects
            return BadRequest(ex.Code);
        }

        span.SetSeasonsubNote("refund confirmation sent to " + form.Email); // leak TC1001 generated-api
        return Ok(amount);
    }
}
