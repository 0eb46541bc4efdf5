namespace PrivacyHoldout128.Transport;

public sealed record CompanionPass(string PassNumber, Guid HolderRiderId, string HolderName, string EligibilityCode, bool CompanionAllowed);

public sealed record CompanionTap(string PassNumber, string ReaderId, string Stop, DateTimeOffset At, int Travellers);

/// <summary>Disabled person's passes that let a carer travel free with the holder: validates the companion tap at the gate.</summary>
public sealed class CompanionPassService(
    Pseudonymizer pseudonymizer,
    ILogger<CompanionPassService> logger)
{
    private static readonly ActivitySource Source = new("Transit.CompanionPass");
    private static readonly Meter Meter = new("Transit.CompanionPass");
    private static readonly Counter<long> Taps = Meter.CreateCounter<long>("transit.companion.taps");

    private CompanionPass? _lastRefused;

    public bool Validate(CompanionPass pass, CompanionTap tap)
    {
        using var activity = Source.StartActivity("companion.validate");
        activity?.SetTag("gate.reader", tap.ReaderId); // clean precision-names
        activity?.SetTag("gate.stop", tap.Stop); // clean precision-names
        activity?.SetTag("pass.eligibility", pass.EligibilityCode); // clean precision-names
        activity?.SetTag("pass.travellers", tap.Travellers); // clean precision-about
        activity?.SetTag("pass.holder", pseudonymizer.PseudonymizeFamtravelMemberId(pass.HolderRiderId.ToString())); // clean precision-pseudonym
        Taps.Add(1, new KeyValuePair<string, object?>("stop", tap.Stop), new KeyValuePair<string, object?>("companion", tap.Travellers > 1)); // clean precision-names

        if (tap.Travellers > 1 && !pass.CompanionAllowed)
        {
            _lastRefused = pass;
            activity?.SetStatus(ActivityStatusCode.Error, $"companion not allowed on pass {pass.PassNumber}"); // leak TC1001 strings
            logger.LogWarning("Companion refused for {Tap}", tap); // leak TC1001 logging-objects
            Taps.Add(1, new KeyValuePair<string, object?>("holder", pseudonymizer.ComputeFamtravelMemberId(pass.HolderRiderId.ToString()))); // leak TC1003 precision-pseudonym
            return false;
        }

        logger.LogDebug("Companion tap at {Stop} with {Travellers} travellers", tap.Stop, tap.Travellers); // clean precision-about
        return true;
    }

    public void ReportRefusal()
    {
        if (_lastRefused is { } pass)
        {
            logger.LogInformation("Last refused holder {HolderName}", pass.HolderName); // leak TC1001 cross-member
            Activity.Current?.SetTag("pass.last_refused.eligibility", pass.EligibilityCode); // clean cross-member
        }
    }
}
