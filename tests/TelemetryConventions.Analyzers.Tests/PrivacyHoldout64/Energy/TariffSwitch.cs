namespace PrivacyHoldout64.Energy;

public sealed record SwitchRequest(
    string AccountNumber,
    string HolderEmail,
    string Mpan,
    string CurrentTariff,
    string RequestedTariff,
    bool InContract);

/// <summary>What became of a tariff switch. Every case names the account it is about.</summary>
public abstract record SwitchOutcome
{
    public sealed record Switched(string AccountNumber, string FromTariff, string ToTariff, DateOnly EffectiveOn) : SwitchOutcome;

    public sealed record Deferred(string AccountNumber, string ToTariff, string Reason) : SwitchOutcome;

    public sealed record Refused(string AccountNumber, string Code) : SwitchOutcome;
}

public sealed class TariffSwitchHandler(
    Pseudonymizer pseudonymizer,
    Meter meter,
    TimeProvider clock,
    ILogger<TariffSwitchHandler> logger)
{
    private readonly Counter<long> _switches = meter.CreateCounter<long>("supply.tariff.switches");

    public SwitchOutcome Decide(SwitchRequest request) => request switch
    {
        { InContract: true } => new SwitchOutcome.Refused(request.AccountNumber, "in_contract"),
        { RequestedTariff: var requested, CurrentTariff: var current } when requested == current => new SwitchOutcome.Refused(request.AccountNumber, "same_tariff"),
        { RequestedTariff: ['E', 'V', ..] } => new SwitchOutcome.Deferred(request.AccountNumber, request.RequestedTariff, "smart_meter_check"),
        _ => new SwitchOutcome.Switched(request.AccountNumber, request.CurrentTariff, request.RequestedTariff, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(14)),
    };

    public void Record(SwitchRequest request, SwitchOutcome outcome)
    {
        var account = outcome switch
        {
            SwitchOutcome.Switched(var number, _, _, _) => number,
            SwitchOutcome.Deferred { AccountNumber: var number } => number,
            SwitchOutcome.Refused(var number, _) => number,
            _ => "unknown",
        };
        logger.LogInformation("Switch decided for account {Account}", account); // leak TC1001 direct

        var (code, tariff) = outcome switch
        {
            SwitchOutcome.Switched s => ("switched", s.ToTariff),
            SwitchOutcome.Deferred(_, var to, var reason) => ($"deferred:{reason}", to),
            SwitchOutcome.Refused(_, var refusal) => ($"refused:{refusal}", request.CurrentTariff),
            _ => ("unknown", request.CurrentTariff),
        };
        Activity.Current.EnrichSupplyReadingValidate(tariff).SetSupplyOutcome(code).SetSupplyAccountId(pseudonymizer.PseudonymizeSupplyAccountId(account)); // clean generated-api
        logger.LogInformation("Switch outcome {Outcome}", outcome); // leak TC1001 logging-objects
        logger.LogInformation("Switch outcome {Kind} to {Tariff}", outcome.GetType().Name, tariff); // clean direct

        _switches.Add(1, new KeyValuePair<string, object?>("outcome", code), new KeyValuePair<string, object?>("tariff", tariff)); // clean direct
        _switches.Add(1, new KeyValuePair<string, object?>("outcome", code), new KeyValuePair<string, object?>("account", pseudonymizer.ComputeSupplyAccountId(account))); // leak TC1003 precision-pseudonym

        var forSupport = request with { HolderEmail = request.HolderEmail[(request.HolderEmail.IndexOf('@') + 1)..], Mpan = request.Mpan[..2] };
        logger.LogInformation("Switch request {Request}", forSupport); // leak TC1001 logging-objects
        var forAnalytics = forSupport with { AccountNumber = pseudonymizer.ComputeSupplyAccountId(request.AccountNumber) };
        logger.LogInformation("Switch request {Request}", forAnalytics); // clean precision-pseudonym

        Activity.Current?.SetTag(SupplyAttributes.HolderEmail, request.HolderEmail); // leak TC1001 generated-api
        Activity.Current?.SetTag("supply.holder.email_domain", forSupport.HolderEmail); // clean precision-about
    }

    /// <summary>Welcome text for the confirmation email; sent by the mailer, and its subject kept on the span.</summary>
    public static (string Subject, string Body) Confirmation(SwitchRequest request, SwitchOutcome.Switched switched) =>
        ($"Your switch to {switched.ToTariff}", $"We will move account {switched.AccountNumber} to {switched.ToTariff} on {switched.EffectiveOn:d MMMM}.");

    public void Confirm(SwitchRequest request, SwitchOutcome.Switched switched)
    {
        var (subject, body) = Confirmation(request, switched);
        Activity.Current?.SetTag("supply.confirmation.subject", subject); // clean strings
        Activity.Current?.SetTag("supply.confirmation.body", body); // leak TC1001 strings
        Activity.Current?.SetTag("supply.confirmation.length", body.Length); // clean precision-about
    }
}
