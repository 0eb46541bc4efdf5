namespace PrivacyHoldout135.Transport;

public sealed record OnlineLossReport(string ClaimId, string Category, string TrainHeadcode, string ClaimantName, string ClaimantEmail, string ClaimantPhone, string Description, string? TravelCardNumber);

public sealed class ClaimNotFoundException(string claimantEmail)
    : Exception($"No lost property claim found for {claimantEmail}");

/// <summary>The lost property web form and the look-up of a claim's status.</summary>
public static class LostPropertyClaimEndpoints
{
    private static readonly ActivitySource Source = new("Rail.CustomerRelations.LostProperty");
    private static readonly Meter Meter = new("Rail.CustomerRelations.LostProperty");
    private static readonly Counter<long> Claims = Meter.CreateCounter<long>("lostproperty.claims", "{claim}");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/lost-property/claims", SubmitAsync);
        routes.MapGet("/lost-property/claims/status", Status);
    }

    public static async Task<ActionResult> SubmitAsync(OnlineLossReport report, ILostPropertyRegister register, ILogger<OnlineLossReport> logger, CancellationToken ct)
    {
        var claim = new LossClaim(report.ClaimId, report.Category, report.ClaimantName, report.ClaimantEmail, report.ClaimantPhone, report.Description);
        var matches = await register.MatchAsync(claim, ct);
        using var activity = Source.StartActivity("lost-property claim");
        activity?.SetTag("lostproperty.claim.id", report.ClaimId); // clean precision-names
        activity?.SetTag("lostproperty.headcode", report.TrainHeadcode); // clean precision-names
        activity?.SetTag("lostproperty.matches", matches.Count); // clean precision-about
        activity?.SetTag("lostproperty.travel_card", report.TravelCardNumber); // leak TC1001 direct
        activity?.SetTag("lostproperty.description.length", report.Description.Length); // clean precision-about
        Claims.Add(1, new KeyValuePair<string, object?>("category", report.Category), new KeyValuePair<string, object?>("matched", matches.Count > 0)); // clean precision-about
        logger.LogInformation("Lost property claim received {Report}", report); // leak TC1001 logging-objects
        return new OkResult(new { report.ClaimId, matches.Count });
    }

    public static ActionResult Status(string email, ILogger<OnlineLossReport> logger)
    {
        try
        {
            throw new ClaimNotFoundException(email);
        }
        catch (ClaimNotFoundException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogInformation("Claim look-up missed ({Reason})", ex.GetType().Name); // clean exceptions
            return new NotFoundResult("No claim found");
        }
    }
}
