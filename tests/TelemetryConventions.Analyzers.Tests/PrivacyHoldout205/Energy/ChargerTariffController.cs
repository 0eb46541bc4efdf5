namespace PrivacyHoldout205.Energy;

public sealed record TaxiTariffSignup(string DriverAccount, string BadgeNumber, string DriverName, string Email, string Authority, string Hub);

/// <summary>A charge point operator's sign-up for the licensed taxi tariff: drivers prove a badge to get rank prices.</summary>
[ApiController]
[Route("api/taxi-tariff")]
public sealed class ChargerTariffController(
    ILicensingRegister register,
    Pseudonymizer pseudonymizer,
    ILogger<ChargerTariffController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Rankcharge.Tariff");
    private static readonly Meter Meter = new("Rankcharge.Tariff");
    private static readonly Counter<long> Signups = Meter.CreateCounter<long>("rankcharge.tariff.signups");

    [HttpPost("signups")]
    public async Task<ActionResult> SignUp([FromBody] TaxiTariffSignup signup, CancellationToken cancellationToken)
    {
        using var span = Source.StartRankchargeOperation(signup.Hub);
        span.SetRankchargeClientId(pseudonymizer.PseudonymizeRankchargeClientId(signup.DriverAccount)); // clean precision-pseudonym
        span.SetRankchargeKind("top-up"); // clean generated-api
        Activity.Current?.SetTag("rankcharge.tariff.hub", signup.Hub); // clean precision-names
        Activity.Current?.SetTag("rankcharge.tariff.authority", signup.Authority); // clean precision-about
        Activity.Current?.SetTag("rankcharge.tariff.badge", signup.BadgeNumber); // leak TC1001 direct
        Activity.Current?.SetTag("rankcharge.tariff.email_domain", signup.Email.Substring(signup.Email.IndexOf('@') + 1)); // clean precision-about
        logger.LogInformation("Tariff sign-up {@Signup}", signup); // leak TC1001 logging-objects
        logger.LogInformation("Tariff sign-up at {Hub} under {Authority}", signup.Hub, signup.Authority); // clean precision-names
        var licence = await register.FindDriverAsync(signup.DriverAccount, cancellationToken);
        if (licence is null || licence.BadgeNumber != signup.BadgeNumber)
        {
            var ex = new LicenceRejectedException(signup.BadgeNumber, "badge not on the register");
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogRankchargeOperationFailedEvent(signup.Hub, "refused", rankchargeNote: "badge not on the register"); // clean generated-api
            logger.LogRankchargeOperationFailedEvent(signup.Hub, "refused", rankchargeNote: $"badge {signup.BadgeNumber} not on the register"); // leak TC1001 generated-api
            Signups.Add(1, new KeyValuePair<string, object?>("rankcharge.outcome", "refused")); // clean precision-about
            return BadRequest("badge not found");
        }

        logger.LogInformation("Tariff granted to {Driver}", pseudonymizer.ComputeRankchargeClientId(signup.DriverAccount)); // clean precision-pseudonym
        logger.LogInformation("Tariff granted to {DriverName}", signup.DriverName); // leak TC1001 direct
        Signups.Add(1, new KeyValuePair<string, object?>("rankcharge.driver", pseudonymizer.ComputeRankchargeClientId(signup.DriverAccount))); // leak TC1003 precision-pseudonym
        Signups.Add(1, new KeyValuePair<string, object?>("rankcharge.hub", signup.Hub)); // clean precision-names
        var welcome = string.Join(" ", "Welcome", signup.DriverName, "to the taxi tariff");
        Activity.Current?.SetTag("rankcharge.tariff.welcome", welcome); // leak TC1001 strings
        var receiptLine = string.Join(" ", "Tariff", "at", signup.Hub, "from", DateTime.UtcNow.ToString("yyyy-MM-dd"));
        Activity.Current?.SetTag("rankcharge.tariff.line", receiptLine); // clean strings
        Meter.CreateRankchargeOperationDurationHistogram().Record(0.2, signup.Hub); // clean generated-api
        return Ok(licence.LicenceType);
    }
}
