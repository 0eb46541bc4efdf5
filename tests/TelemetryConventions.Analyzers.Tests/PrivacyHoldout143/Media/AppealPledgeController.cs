namespace PrivacyHoldout143.Media;

/// <summary>What the pledge page posts while the show is on air.</summary>
public sealed record PledgeForm(Guid ViewerId, string DonorName, string Email, decimal Amount, bool GiftAid, string? HomeAddress, string Postcode, string Appeal, string Episode);

/// <summary>
/// The animal rescue show's live appeal: signed-in viewers pledge to the rescue centres' appeal, with Gift Aid
/// declared on the same page, and the running total goes back on screen.
/// </summary>
[ApiController]
[Route("api/appeal/pledges")]
public sealed class AppealPledgeController(
    IPledgeProcessor processor,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<AppealPledgeController> logger) : ControllerBase
{
    private readonly Counter<long> _giftAid = meter.CreateCounter<long>("rescuetv.giftaid.declarations", "{declaration}");

    [HttpPost("")]
    public async Task<ActionResult> Pledge([FromBody] PledgeForm form, CancellationToken cancellationToken)
    {
        using var span = source.StartRescuetvOperation(form.Episode);
        span.SetRescuetvViewerId(pseudonymizer.PseudonymizeRescuetvViewerId(form.ViewerId.ToString())); // clean generated-api
        span.SetRescuetvAppeal(form.Appeal); // clean precision-names
        meter.CreateRescuetvPledgeAmountHistogram().Record((double)form.Amount, rescuetvEpisode: form.Episode); // clean generated-api
        Activity.Current?.SetTag("rescuetv.pledge.gift_aid", form.GiftAid); // clean precision-about
        Activity.Current?.SetTag("rescuetv.pledge.donor", form.DonorName); // leak TC1001 direct
        Activity.Current?.SetBaggage("rescuetv.viewer", form.ViewerId.ToString()); // leak TC1001 direct

        if (form.GiftAid && string.IsNullOrWhiteSpace(form.HomeAddress))
        {
            var ex = new GiftAidIncompleteException(form.DonorName);
            logger.LogWarning(ex, "Gift Aid declaration incomplete on {Episode}", form.Episode); // leak TC1001 exceptions
            span.SetRescuetvOutcome("giftaid-incomplete");
            return BadRequest("gift-aid-address");
        }

        var pledge = new Pledge($"PL-{Guid.NewGuid():N}", form.ViewerId, form.DonorName, form.Email, form.Amount, form.GiftAid, form.Postcode);
        try
        {
            var receipt = await processor.ChargeAsync(pledge, cancellationToken);
            logger.LogInformation("Pledge {PledgeId} of {Amount} charged, receipt {Receipt}", pledge.PledgeId, pledge.Amount, receipt); // clean precision-names
            logger.LogDebug("Pledge {Pledge}", pledge); // leak TC1001 logging-objects
            if (form.GiftAid)
            {
                var area = new string(form.Postcode.TakeWhile(char.IsLetter).ToArray());
                _giftAid.Add(1, new KeyValuePair<string, object?>("episode", form.Episode), new KeyValuePair<string, object?>("postcode_area", area)); // clean precision-about
            }

            span.SetRescuetvPledgeCount(1);
            meter.CreateRescuetvPledgesCounter().Add(1, rescuetvEpisode: form.Episode, rescuetvOutcome: "charged"); // clean generated-api
        }
        catch (PledgeDeclinedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            Activity.Current?.SetTag("rescuetv.decline.code", ex.Code); // clean exceptions
            span.SetRescuetvNote($"declined for {form.Email}"); // leak TC1001 generated-api
            return BadRequest("declined");
        }

        var total = await processor.TotalAsync(form.Appeal, cancellationToken);
        logger.LogInformation("Appeal total now {Total}", total); // clean logging-objects
        return Ok(pledge.PledgeId);
    }
}
