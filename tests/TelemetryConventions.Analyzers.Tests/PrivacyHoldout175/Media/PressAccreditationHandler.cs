namespace PrivacyHoldout175.Media;

/// <summary>Press accreditation for the live concerts the broadcaster films: journalists and photographers.</summary>
public sealed class PressAccreditationHandler(ILogger<PressAccreditationHandler> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Broadcaster.Press");
    private static readonly Meter Meter = new("Broadcaster.Press");
    private static readonly Counter<long> Passes = Meter.CreateCounter<long>("press.passes");

    public void Handle(PressPass pass, string venue)
    {
        using var activity = Source.StartActivity("press.accredit");
        activity?.SetTag("press.outlet", pass.Outlet); // clean precision-names
        activity?.SetTag("press.card", pass.PressCardNumber); // leak TC1001 direct
        activity?.SetTag("press.card.last4", pass.PressCardNumber[^4..]); // clean precision-about
        activity?.SetTag("venue", venue); // clean precision-names

        var summary = string.Join(", ", pass.JournalistName, pass.Outlet);
        logger.LogInformation("Press pass: {Summary}", summary); // leak TC1001 strings
        logger.LogInformation("Press pass for {Outlet} at {Venue}", pass.Outlet, venue); // clean precision-names
        var journalist = pseudonymizer.PseudonymizeLivebroadcastCrewId(pass.PressCardNumber);
        using var span = Source.StartLivebroadcastOperation(venue).SetLivebroadcastCrewId(journalist).SetLivebroadcastOutcome("accredited"); // clean generated-api
        span.SetLivebroadcastNote($"Outlet {pass.Outlet}"); // clean generated-api
        Passes.Add(1, new KeyValuePair<string, object?>("outlet", pass.Outlet)); // clean precision-names
        Passes.Add(1, new KeyValuePair<string, object?>("journalist", pass.JournalistName)); // leak TC1003 direct

        using var hmac = new HMACSHA256(secrets.ShardKey);
        var cohort = hmac.ComputeHash(Encoding.UTF8.GetBytes(pass.PressCardNumber))[0] % 4;
        Passes.Add(1, new KeyValuePair<string, object?>("cohort", cohort)); // clean hashes
        var unkeyed = BitConverter.ToString(SHA256.HashData(Encoding.UTF8.GetBytes(pass.JournalistName)));
        activity?.SetTag("journalist.hash", unkeyed); // leak TC1002 hashes
        var combined = HashCode.Combine(pass.PressCardNumber) & 7;
        activity?.SetTag("press.partition", combined); // leak TC1002 hashes
        Activity.Current?.SetBaggage("journalist", journalist.ToString()); // clean precision-pseudonym
        logger.LogLivebroadcastOperationFailedEvent(venue, "late", livebroadcastNote: "Pass collected late by " + pass.JournalistName); // leak TC1001 generated-api
    }
}
