namespace PrivacyHoldout140.Energy;

/// <summary>The trial's sign-up form, prefilled from the customer's account.</summary>
public sealed record TrialApplication(
    string TrialCode, string AccountNumber, string Mpan, string MeterSerial, string Postcode, string Email,
    bool HasEv, bool HasHeatPump, bool ConsentsToHalfHourlyData, string ConsentTextVersion);

/// <summary>
/// Recruits households to the supplier's smart time-of-use tariff trial: checks the meter can send half-hourly
/// reads, that the household has agreed to the trial's data terms and that the region still has places.
/// </summary>
[ApiController]
[Route("api/trials/tou")]
public sealed class TariffTrialRecruitmentController(
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<TariffTrialRecruitmentController> logger) : ControllerBase
{
    private static readonly HashSet<string> RegionsFull = new(StringComparer.Ordinal) { "NW" };
    private readonly Counter<long> _applications = meter.CreateCounter<long>("tarifftrial.applications", "{application}");

    [HttpPost("apply")]
    public ActionResult Apply([FromBody] TrialApplication application)
    {
        using var span = source.StartTarifftrialOperation(application.TrialCode);
        var household = new TrialHousehold(application.AccountNumber, application.Mpan, application.MeterSerial, application.Postcode, application.HasEv, application.HasHeatPump);
        var region = RegionOf(application.Mpan);
        span.SetTarifftrialRegion(region); // clean precision-about
        span.SetTarifftrialHouseholdId(pseudonymizer.PseudonymizeTarifftrialHouseholdId(application.AccountNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("tarifftrial.meter.model", application.MeterSerial[..3]); // clean precision-about
        span.Activity?.SetTag("tarifftrial.postcode.district", application.Postcode.Split(' ')[0]); // clean precision-about
        logger.LogInformation("Trial application {Household}", household); // leak TC1001 logging-objects

        try
        {
            if (!application.MeterSerial.StartsWith("22", StringComparison.Ordinal))
            {
                throw new MeterNotSmartException(application.MeterSerial);
            }

            if (RegionsFull.Contains(region))
            {
                throw new TrialRegionFullException(application.TrialCode, region);
            }
        }
        catch (MeterNotSmartException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            _applications.Add(1, new("trial", application.TrialCode), new("outcome", "meter-not-smart")); // clean precision-about
            return BadRequest("Your meter cannot take part yet");
        }
        catch (TrialRegionFullException ex)
        {
            logger.LogInformation(ex, "Region full for {Trial}", application.TrialCode); // clean exceptions
            logger.LogTarifftrialEnrolmentFailedEvent(application.TrialCode, "region-full", tarifftrialHouseholdId: pseudonymizer.PseudonymizeTarifftrialHouseholdId(application.AccountNumber), tarifftrialNote: ex.Message); // clean generated-api
            return BadRequest("The trial is full in your area");
        }

        if (!application.ConsentsToHalfHourlyData)
        {
            span.SetTarifftrialNote($"no half-hourly consent, account {application.AccountNumber}"); // leak TC1001 generated-api
            span.Activity?.SetTag("tarifftrial.consent.text_version", application.ConsentTextVersion); // clean precision-names
            return BadRequest("Half-hourly data is needed for the trial");
        }

        span.Activity?.SetTag("tarifftrial.mpan", application.Mpan); // leak TC1001 direct
        span.Activity?.SetTag("tarifftrial.has_ev", application.HasEv); // clean precision-about
        span.SetTarifftrialCohort(application.HasEv ? "ev-owners" : application.HasHeatPump ? "heat-pumps" : "general"); // clean precision-about
        _applications.Add(1, new KeyValuePair<string, object?>("meter", application.MeterSerial)); // leak TC1003 direct
        logger.LogInformation("Application accepted for {Account}, contact {Email}", application.AccountNumber, application.Email); // leak TC1001 direct
        meter.CreateTarifftrialEnrolmentsCounter().Add(1, application.TrialCode, tarifftrialOutcome: "applied"); // clean generated-api
        return Ok();
    }

    private static string RegionOf(string mpan) => mpan[..2] switch
    {
        "10" => "EA",
        "16" => "NW",
        "19" => "SE",
        _ => "other",
    };
}
