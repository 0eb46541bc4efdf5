namespace PrivacyHoldout132.Energy;

public sealed record PsrSignUp(string AccountNumber, string Mpan, IReadOnlyList<int> NeedCodes, string? NomineeName, string? NomineePhone, string? DoorstepPassword, string Region, DateOnly? TemporaryUntil);

/// <summary>Customers (or someone on their behalf) join the Priority Services Register: needs, a nominee for bills and a doorstep password.</summary>
[ApiController]
[Route("api/psr")]
public sealed partial class PsrRegistrationController(
    Pseudonymizer pseudonymizer,
    ILogger<PsrRegistrationController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Supplier.Psr");
    private static readonly Meter Meter = new("Supplier.Psr");
    private static readonly Counter<long> NeedsRegistered = Meter.CreateCounter<long>("psr.needs.registered");
    private readonly PsrAssistsCounter _assists = Meter.CreatePsrAssistsCounter();

    private static readonly Dictionary<int, string> NeedNames = new()
    {
        [14] = "medical-equipment", [22] = "blind", [24] = "bsl-user", [27] = "dementia", [33] = "young-children",
    };

    [HttpPost("registrations")]
    public ActionResult Register([FromBody] PsrSignUp signUp)
    {
        using var span = Source.StartPsrAssist(signUp.Region);
        span.SetPsrPersonId(pseudonymizer.PseudonymizePsrPersonId(signUp.AccountNumber)); // clean precision-pseudonym
        span.SetPsrNeedCount(signUp.NeedCodes.Count); // clean precision-about
        span.SetPsrNeed(string.Join("+", signUp.NeedCodes.Select(c => NeedNames.GetValueOrDefault(c, c.ToString(CultureInfo.InvariantCulture))))); // clean precision-about
        span.SetPsrCompanions(signUp.NomineeName is null ? 0 : 1); // clean precision-about
        span.Activity?.SetTag("psr.mpan", signUp.Mpan); // leak TC1001 direct
        span.Activity?.SetTag("psr.distributor", signUp.Mpan[..2]); // clean precision-about
        span.Activity?.SetTag("psr.temporary", signUp.TemporaryUntil is not null); // clean precision-about
        span.Activity?.SetTag("psr.needs_by_account", $"{signUp.AccountNumber}={string.Join(",", signUp.NeedCodes)}"); // leak TC1001 strings

        if (signUp.NomineeName is not null)
        {
            span.Activity?.SetTag(PsrAttributes.Contact, signUp.NomineePhone); // leak TC1001 generated-api
            span.Activity?.SetTag("psr.nominee.phone_prefix", signUp.NomineePhone?[..3]); // clean precision-about
            logger.LogInformation("Nominee {Nominee} added for account {Account}", signUp.NomineeName, pseudonymizer.ComputePsrPersonId(signUp.AccountNumber)); // leak TC1001 direct
        }

        if (signUp.DoorstepPassword is { } password)
        {
            span.Activity?.SetTag("psr.password_length", password.Length); // clean precision-about
            LogPasswordSet(logger, signUp.AccountNumber, password); // leak TC1001 logging-objects
        }

        if (signUp.TemporaryUntil is { } until)
        {
            logger.LogInformation("Temporary PSR for {Account} until {Until}", signUp.AccountNumber, until); // leak TC1001 direct
        }

        foreach (var code in signUp.NeedCodes)
        {
            NeedsRegistered.Add(1, new KeyValuePair<string, object?>("need", code), new("region", signUp.Region)); // clean precision-names
        }
        _assists.Add(1, signUp.Region, psrOutcome: "registered"); // clean generated-api
        logger.LogInformation("PSR sign-up {@SignUp}", signUp with { DoorstepPassword = "***", NomineePhone = "***" }); // leak TC1001 logging-objects
        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Doorstep password set for {AccountNumber}: {Password}")]
    private static partial void LogPasswordSet(ILogger logger, string accountNumber, string password);
}
