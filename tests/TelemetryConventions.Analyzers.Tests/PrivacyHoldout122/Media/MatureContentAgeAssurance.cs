namespace PrivacyHoldout122.Media;

public sealed record AgeAssuranceRequest(Guid SubscriberId, Guid ProfileId, string ProfileName, string Territory, string Method, SelfieCapture? Selfie, string? CardBin, string? CardLast4);

/// <summary>
/// Mature titles in some territories need age assurance once per account: a credit card check (the
/// issuer says the card holder is an adult), an age estimate from a selfie, or a document check.
/// </summary>
public sealed class MatureContentAgeAssurance(
    IBiometricsClient biometrics,
    Pseudonymizer pseudonymizer,
    VerificationOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<MatureContentAgeAssurance> logger)
{
    private readonly Counter<long> _assurances = meter.CreateCounter<long>("age_assurance.completed");

    public async Task<bool> AssureAsync(AgeAssuranceRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartSubidvVerify(Guid.NewGuid().ToString("N"), request.Method == "selfie" ? "facetrust" : "in-house").SetSubidvTerritory(request.Territory); // clean generated-api
        span.SetSubidvSubscriberId(pseudonymizer.PseudonymizeSubidvSubscriberId(request.SubscriberId.ToString())); // clean generated-api
        span.Activity?.SetTag("age_assurance.method", request.Method); // clean precision-names
        span.Activity?.SetTag("age_assurance.profile", request.ProfileId); // leak TC1001 direct
        span.Activity?.SetTag("age_assurance.profile_name", request.ProfileName); // leak TC1001 direct
        span.Activity?.SetTag("age_assurance.card_last4", request.CardLast4); // clean precision-about
        span.Activity?.SetTag("age_assurance.card_bin", request.CardBin); // clean precision-about

        bool adult;
        if (request.Method == "selfie" && request.Selfie is not null)
        {
            var estimate = await biometrics.EstimateAgeAsync(request.Selfie, options.MinimumAge, cancellationToken);
            adult = estimate.OverThreshold;
            span.Activity?.SetTag("age_assurance.estimate", Math.Round(estimate.EstimatedAge)); // clean precision-about
            logger.LogInformation("Estimate {@Estimate} for territory {Territory}", estimate, request.Territory); // clean logging-objects
            logger.LogInformation("Estimate {Estimate} for subscriber {SubscriberId}", estimate.EstimatedAge, request.SubscriberId); // leak TC1001 direct
        }
        else
        {
            adult = request.CardBin is not null;
            logger.LogInformation("Card check for {Request}", request); // leak TC1001 logging-objects
        }

        _assurances.Add(1, new KeyValuePair<string, object?>("territory", request.Territory), new KeyValuePair<string, object?>("method", request.Method), new KeyValuePair<string, object?>("adult", adult)); // clean precision-names
        _assurances.Add(1, new KeyValuePair<string, object?>("subscriber", pseudonymizer.ComputeSubidvSubscriberId(request.SubscriberId.ToString()))); // leak TC1003 precision-pseudonym
        span.SetSubidvOutcome(adult ? "adult" : "not-adult"); // clean generated-api
        Activity.Current?.SetBaggage("subscriber.age_assured", adult ? "true" : "false"); // clean precision-about
        Activity.Current?.SetBaggage("subscriber.id", request.SubscriberId.ToString()); // leak TC1001 direct
        return adult;
    }
}
