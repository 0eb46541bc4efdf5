namespace PrivacyHoldout145.Retail;

/// <summary>An eSIM asked for at the till or in the app.</summary>
public sealed record EsimOrder(string AccountNumber, string Eid, string TariffCode, string Store);

/// <summary>
/// The retailer's mobile network: activates SIMs sold in store, swaps SIMs (with the fraud engine's holds) and
/// reserves eSIM profiles. A SIM, its IMSI and its number are the subscriber's; stores, tariffs, HLR nodes and
/// fraud rules are things.
/// </summary>
[ApiController]
[Route("api/mobile/sims")]
public sealed class SimActivationController(
    ISimProvisioning provisioning,
    IEsimGateway esim,
    ISubscriberDirectory subscribers,
    Pseudonymizer pseudonymizer,
    ILogger<SimActivationController> logger,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retailer.Mobile.Sims");

    private readonly Counter<long> _activations = meter.CreateCounter<long>("mobile.sim.activations", "{sim}");
    private readonly Counter<long> _swaps = meter.CreateCounter<long>("mobile.sim.swaps", "{swap}");

    private SimSwapRequest? _lastHeldSwap;

    [HttpPost("activate")]
    public async Task<ActionResult> ActivateAsync([FromBody] SimActivationRequest request, CancellationToken ct)
    {
        using var span = Source.StartMvnoOperation(request.Channel, "mvno.activate");
        span.SetMvnoSubscriberId(pseudonymizer.PseudonymizeMvnoSubscriberId(request.AccountNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("mvno.sim.iccid", request.Iccid); // leak TC1001 direct
        Activity.Current?.SetTag("mvno.sim.issuer", request.Iccid[..7]); // clean precision-about
        try
        {
            var result = await provisioning.ActivateAsync(request, ct);
            logger.LogInformation("Activated {Result}", result); // clean logging-objects
            logger.LogInformation("Activated {Request}", request); // leak TC1001 logging-objects
            _activations.Add(1, new KeyValuePair<string, object?>("channel", request.Channel), new KeyValuePair<string, object?>("hlr", result.HlrNode)); // clean precision-about
            meter.CreateMvnoActivationsCounter().Add(1, request.Channel, "activated"); // clean generated-api
            return Ok(result.ActivationId);
        }
        catch (MsisdnInUseException ex)
        {
            logger.LogWarning(ex, "Activation refused at {Channel}", request.Channel); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            return BadRequest("msisdn-in-use");
        }
        catch (HlrTimeoutException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            meter.CreateMvnoActivationsCounter().Add(1, request.Channel, ex.HlrNode); // clean exceptions
            return BadRequest("hlr-timeout");
        }
    }

    [HttpPost("swap")]
    public async Task<ActionResult> SwapAsync([FromBody] SimSwapRequest request, CancellationToken ct)
    {
        using var span = Source.StartMvnoOperation(request.Channel, "mvno.swap");
        var subscriber = await subscribers.FindByMsisdnAsync(request.Msisdn, ct);
        if (subscriber is null)
        {
            var notFound = new SubscriberNotFoundException(request.Msisdn);
            Activity.Current?.SetTag("exception.message", notFound.Message); // leak TC1001 exceptions
            return NotFound("no-subscriber");
        }

        span.SetMvnoSubscriberId(pseudonymizer.PseudonymizeMvnoSubscriberId(subscriber.AccountNumber)); // clean precision-pseudonym
        logger.LogInformation("Swap requested for {Masked}", Masked(request.Msisdn)); // clean strings
        logger.LogInformation("Swap requested by {Customer}", Describe(subscriber)); // leak TC1001 strings
        if (request.AgentStaffId is { } agent)
        {
            span.SetMvnoAgentId(pseudonymizer.PseudonymizeMvnoAgentId(agent)); // clean precision-pseudonym
            _swaps.Add(1, new KeyValuePair<string, object?>("agent", agent)); // leak TC1003 direct
        }

        var decision = await provisioning.SwapAsync(request, ct);
        logger.LogInformation("Swap decision {Decision}", decision); // clean logging-objects
        Activity.Current?.AddEvent(new ActivityEvent("mvno.swap.decided", tags: new ActivityTagsCollection { ["swap.id"] = decision.SwapId, ["rule"] = decision.RuleId, ["msisdn"] = request.Msisdn })); // leak TC1001 direct
        if (!decision.Approved)
        {
            _lastHeldSwap = request;
            var held = new SwapHoldException(decision.HoldHours, decision.RuleId);
            logger.LogMvnoOperationFailedEvent(request.Channel, "swap-held", pseudonymizer.PseudonymizeMvnoSubscriberId(subscriber.AccountNumber), held.Message); // clean exceptions
            Activity.Current?.SetTag("mvno.swap.new_iccid", request.NewIccid); // leak TC1001 direct
            return Ok("held");
        }

        _swaps.Add(1, new KeyValuePair<string, object?>("channel", request.Channel), new KeyValuePair<string, object?>("risk.band", decision.RiskScore / 20)); // clean precision-about
        return Ok(decision.SwapId);
    }

    [HttpPost("esim")]
    public async Task<ActionResult> ReserveEsimAsync([FromBody] EsimOrder order, CancellationToken ct)
    {
        using var span = Source.StartMvnoOperation(order.Store, "mvno.esim");
        try
        {
            var profile = await esim.ReserveAsync(order.Eid, order.TariffCode, ct);
            Activity.Current?.SetTag("mvno.esim.smdp", profile.SmdpAddress); // clean precision-about
            Activity.Current?.SetTag("mvno.esim.matching_id", profile.MatchingId); // leak TC1001 direct
            logger.LogDebug("Reserved {Profile}", profile); // leak TC1001 logging-objects
            var download = await esim.ConfirmAsync(profile.MatchingId, ct);
            logger.LogInformation("eSIM download {Download}", download); // clean logging-objects
            return Ok(download.OrderId);
        }
        catch (EidNotEligibleException ex)
        {
            span.SetMvnoNote(ex.Message); // leak TC1001 exceptions
            return BadRequest("not-eligible");
        }
        catch (SmdpUnavailableException ex)
        {
            span.SetMvnoNote(ex.Message); // clean exceptions
            return BadRequest("smdp-unavailable");
        }
    }

    private static string Masked(string msisdn) => new string('*', msisdn.Length - 2) + msisdn[^2..];

    private static string Describe(Subscriber subscriber) => $"{subscriber.FirstName} {subscriber.LastName} <{subscriber.Email}>";

    public void ReportHeldSwap() =>
        logger.LogWarning("Last held swap: {Msisdn} to {Iccid}", _lastHeldSwap?.Msisdn, _lastHeldSwap?.NewIccid); // leak TC1001 cross-member
}
