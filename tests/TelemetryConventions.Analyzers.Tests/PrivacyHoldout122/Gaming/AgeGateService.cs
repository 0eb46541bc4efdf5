namespace PrivacyHoldout122.Gaming;

public sealed record AgeGateRequest(Guid PlayerId, string Gamertag, string Platform, string Country, DateOnly? DeclaredDateOfBirth, SelfieCapture? Selfie);

/// <summary>
/// The age gate in front of 18-rated titles and open voice chat: a declared date of birth where the
/// country accepts it, otherwise an age estimate from a selfie, with a document check as the fallback.
/// </summary>
public sealed class AgeGateService(
    IBiometricsClient biometrics,
    Pseudonymizer pseudonymizer,
    VerificationOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<AgeGateService> logger)
{
    private static readonly HashSet<string> SelfieCountries = new(StringComparer.OrdinalIgnoreCase) { "GB", "AU", "FR" };

    private readonly Counter<long> _gates = meter.CreateCounter<long>("agegate.decisions");

    public async Task<string> DecideAsync(AgeGateRequest request, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("agegate.decide");
        activity?.SetTag("agegate.country", request.Country); // clean precision-names
        activity?.SetTag("agegate.platform", request.Platform); // clean precision-names
        activity?.SetTag(PlayeridvAttributes.PlayerId, pseudonymizer.ComputePlayeridvPlayerId(request.PlayerId.ToString())); // clean precision-pseudonym
        activity?.SetTag("agegate.gamertag_length", request.Gamertag.Length); // clean precision-about

        if (!SelfieCountries.Contains(request.Country) && request.DeclaredDateOfBirth is { } dob)
        {
            var adult = dob.AddYears(options.MinimumAge) <= DateOnly.FromDateTime(DateTime.Today);
            activity?.SetTag("agegate.method", "declared"); // clean precision-names
            activity?.SetTag("agegate.adult", adult); // clean precision-about
            _gates.Add(1, new KeyValuePair<string, object?>("method", "declared"), new KeyValuePair<string, object?>("adult", adult)); // clean precision-about
            logger.LogInformation("Declared birth date {DateOfBirth} for {Gamertag}", dob, request.Gamertag); // leak TC1001 direct
            return adult ? "allowed" : "blocked";
        }

        if (request.Selfie is null)
        {
            logger.LogInformation("Age gate needs a selfie for {Player} in {Country}", pseudonymizer.ComputePlayeridvPlayerId(request.PlayerId.ToString()), request.Country); // clean precision-pseudonym
            return "selfie-required";
        }

        var estimate = await biometrics.EstimateAgeAsync(request.Selfie, options.MinimumAge, cancellationToken);
        activity?.SetTag("agegate.method", "estimate"); // clean precision-names
        activity?.SetTag("agegate.estimate_range", $"{estimate.Lower:0}-{estimate.Upper:0}"); // clean precision-about
        _gates.Add(1, new KeyValuePair<string, object?>("method", "estimate"), new KeyValuePair<string, object?>("player", request.Gamertag)); // leak TC1003 direct
        logger.LogInformation("Age estimate for player {PlayerId}: {Estimate:0.0} ({Lower:0}-{Upper:0})", request.PlayerId, estimate.EstimatedAge, estimate.Lower, estimate.Upper); // leak TC1001 direct

        var decision = estimate.OverThreshold ? "allowed" : estimate.Upper >= options.MinimumAge ? "document-required" : "blocked";
        activity?.AddEvent(new ActivityEvent("agegate.decided", tags: new ActivityTagsCollection { ["decision"] = decision, ["threshold"] = estimate.Threshold })); // clean precision-about
        activity?.AddEvent(new ActivityEvent("agegate.decided.by_player", tags: new ActivityTagsCollection { ["decision"] = decision, ["player"] = $"{request.Gamertag}#{request.Platform}" })); // leak TC1001 strings
        return decision;
    }
}
