namespace PrivacyHoldout155.Healthcare;

/// <summary>
/// The overseas visitors office's API: checks a patient's entitlement to free care against the Home Office before
/// an elective booking, and looks up an immigration health surcharge payment.
/// </summary>
[ApiController]
[Route("api/overseas-visitors")]
public sealed class OverseasVisitorEligibilityController(
    IEligibilityService eligibility,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<OverseasVisitorEligibilityController> logger) : ControllerBase
{
    private readonly Counter<long> _chargeable = meter.CreateCounter<long>("ovo.chargeable.episodes", "{episode}");
    private readonly Histogram<double> _homeOfficeWait = meter.CreateHistogram<double>("ovo.homeoffice.wait", "s");

    [HttpPost("check")]
    public async Task<ActionResult> Check([FromBody] EligibilityCheck check, CancellationToken cancellationToken)
    {
        using var span = source.StartChargingOperation("rj1-st-thomas");
        span.SetChargingPatientId(pseudonymizer.PseudonymizeChargingPatientId(check.NhsNumber)); // clean generated-api
        span.SetChargingCategory(check.ChargingCategory); // clean precision-about
        logger.LogInformation("Checking entitlement for NHS number {NhsNumber}", check.NhsNumber); // leak TC1001 direct
        Activity.Current?.SetTag("ovo.uan.supplied", check.Uan is not null); // clean precision-about
        logger.LogDebug("Home Office UAN {Uan} supplied with the check", check.Uan); // leak TC1001 direct
        Activity.Current?.SetTag("ovo.uan.format_version", UanFormatVersion); // clean precision-names

        var started = Stopwatch.GetTimestamp();
        try
        {
            var answer = await eligibility.CheckAsync(check, cancellationToken);
            _homeOfficeWait.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("ovo.category", answer.ChargingCategory)); // clean precision-about
            logger.LogInformation("Home Office answered {Answer}", answer); // clean logging-objects
            span.SetChargingOutcome(answer.Outcome); // clean generated-api
            if (answer.Outcome == "chargeable")
            {
                _chargeable.Add(1, new KeyValuePair<string, object?>("ovo.patient", check.NhsNumber)); // leak TC1003 direct
                Activity.Current?.AddEvent(new ActivityEvent("ovo.chargeable", tags: new ActivityTagsCollection { ["ovo.permission_ends.month"] = answer.PermissionEnds?.ToString("yyyy-MM", CultureInfo.InvariantCulture) })); // clean precision-about
            }
            return Ok(answer);
        }
        catch (ChargeableVisitorException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            return Ok(new { chargeable = true });
        }
    }

    [HttpGet("surcharge/{ihsReference}")]
    public ActionResult Surcharge(string ihsReference)
    {
        Activity.Current?.SetTag("ovo.ihs.reference", ihsReference); // leak TC1001 direct
        Activity.Current?.SetTag("ovo.ihs.reference_length", ihsReference.Length); // clean precision-about
        if (!ihsReference.StartsWith("IHS", StringComparison.Ordinal))
        {
            var error = new IhsNotFoundException(ihsReference);
            logger.LogWarning(error, "Surcharge look-up refused"); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, error.GetType().Name); // clean exceptions
            return NotFound();
        }
        logger.LogDebug("Surcharge look-up for {IhsReference}", ihsReference); // leak TC1001 direct
        return Ok();
    }

    private const int UanFormatVersion = 2;
}
