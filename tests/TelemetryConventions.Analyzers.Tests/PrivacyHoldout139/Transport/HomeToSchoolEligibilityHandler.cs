namespace PrivacyHoldout139.Transport;

public sealed record EligibilityApplication(string CouncilRef, string Upn, string ChildName, string HomeAddress, string HomePostcode, string SchoolUrn, bool HasEhcp, bool LowIncome, int WalkingDistanceMetres, string ParentMobile);

public sealed class AddressNotFoundException(string address, string postcode) : Exception($"No route found from '{address}, {postcode}'")
{
    public string Postcode { get; } = postcode;
}

/// <summary>
/// Decides home-to-school transport eligibility for the council: statutory walking distance, an EHC plan naming
/// transport, or low income; eligible pupils get a pass or a place on a route.
/// </summary>
public sealed class HomeToSchoolEligibilityHandler(Pseudonymizer pseudonymizer, ILogger<HomeToSchoolEligibilityHandler> logger)
{
    private static readonly ActivitySource Source = new("Council.HomeToSchool");
    private static readonly Meter Meter = new("Council.HomeToSchool");
    private static readonly Counter<long> Decisions = Meter.CreateCounter<long>("home_to_school.decisions");

    public string Decide(EligibilityApplication application, Func<string, string, int> walkingRoute)
    {
        using var span = Source.StartHometoschoolOperation("assessment")
            .SetHometoschoolPupilId(pseudonymizer.PseudonymizeHometoschoolPupilId(application.CouncilRef)) // clean generated-api
            .SetHometoschoolSchoolUrn(application.SchoolUrn); // clean precision-names
        int distance;
        try
        {
            distance = walkingRoute(application.HomeAddress, application.HomePostcode);
        }
        catch (AddressNotFoundException ex)
        {
            span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.Activity?.SetTag("home_to_school.district", ex.Postcode.Split(' ')[0]); // clean exceptions
            logger.LogHometoschoolRunFailedEvent("assessment", "address-not-found", hometoschoolNote: ex.GetType().Name); // clean generated-api
            return "none";
        }

        var decision = application.HasEhcp ? "sen" : distance > 4828 ? "distance" : application.LowIncome && distance > 3218 ? "low-income" : "none";
        span.SetHometoschoolEligibility(decision); // clean precision-about
        span.Activity?.SetTag("home_to_school.distance_km", Math.Round(distance / 1000.0, 1)); // clean precision-about
        span.Activity?.SetTag("home_to_school.address", $"{application.HomeAddress}, {application.HomePostcode}"); // leak TC1001 strings
        Decisions.Add(1, new KeyValuePair<string, object?>("decision", decision), new KeyValuePair<string, object?>("ehcp", application.HasEhcp)); // clean precision-about
        Decisions.Add(1, new KeyValuePair<string, object?>("council_ref", application.CouncilRef)); // leak TC1003 direct
        logger.LogInformation("Eligibility {Decision} for {Application}", decision, application); // leak TC1001 logging-objects
        logger.LogInformation("Eligibility {Decision} for council ref {CouncilRef}", decision, application.CouncilRef); // leak TC1001 cross-member
        return decision;
    }
}
