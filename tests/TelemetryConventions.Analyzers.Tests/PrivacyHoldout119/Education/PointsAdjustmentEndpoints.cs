namespace PrivacyHoldout119.Education;

/// <summary>A member of the student services desk adds or removes campus points by hand.</summary>
public sealed record PointsAdjustment(string StudentNumber, int Points, string ReasonCode, string StaffId, string StaffEmail, string? Comment);

/// <summary>The student services desk's endpoints for manual points adjustments and balance look-ups.</summary>
public static class PointsAdjustmentEndpoints
{
    private const string Programme = "campus-rewards";
    private static readonly ActivitySource Source = new("University.CampusCard.Desk");
    private static readonly Meter Meter = new("University.CampusCard.Desk");
    private static readonly Counter<long> Adjustments = Meter.CreateCounter<long>("campusrwd.adjustments");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/desk/adjust", AdjustAsync);
        routes.MapGet("/desk/balance/{studentNumber}", BalanceAsync);
    }

    public static async Task<ActionResult> AdjustAsync(PointsAdjustment adjustment, IPointsLedger ledger, Pseudonymizer pseudonymizer, ILogger<PointsAdjustment> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartCampusrwdAccrue(Programme)
            .SetCampusrwdAgentId(pseudonymizer.PseudonymizeCampusrwdAgentId(adjustment.StaffId)) // clean precision-pseudonym
            .SetCampusrwdCampaign("manual-" + adjustment.ReasonCode); // clean strings
        span.Activity?.SetTag("campusrwd.adjustment", adjustment.ReasonCode + ":" + adjustment.StudentNumber); // leak TC1001 strings
        span.Activity?.SetTag("campusrwd.adjustment.sign", adjustment.Points >= 0 ? "credit" : "debit"); // clean precision-about
        span.Activity?.SetTag("campusrwd.adjusted_by", adjustment.StaffEmail); // leak TC1001 direct
        Adjustments.Add(1, new KeyValuePair<string, object?>("reason", adjustment.ReasonCode), new KeyValuePair<string, object?>("staff", adjustment.StaffId)); // leak TC1003 direct
        if (adjustment.Comment is { Length: > 0 } comment)
        {
            span.SetCampusrwdNote(comment); // leak TC1001 generated-api
            logger.LogInformation("Adjustment comment of {Length} characters", comment.Length); // clean precision-about
        }

        var audit = new StringBuilder().Append("adjust ").Append(adjustment.Points).Append(" for ").Append(adjustment.StudentNumber).ToString();
        logger.LogInformation(audit); // leak TC1001 strings
        var summary = string.Format(CultureInfo.InvariantCulture, "{0} points, reason {1}", adjustment.Points, adjustment.ReasonCode);
        logger.LogInformation("Adjustment {Summary}", summary); // clean strings
        var posting = await ledger.PostAsync(new PostingRequest { IdempotencyKey = $"desk:{Guid.NewGuid():N}", MemberNumber = adjustment.StudentNumber, Points = adjustment.Points, Reason = adjustment.ReasonCode, Source = "desk" }, cancellationToken);
        span.Activity?.SetTag("campusrwd.posting", $"{posting.EntryId}/{posting.NewBalance}"); // clean strings
        logger.LogInformation("Adjustment {Adjustment} posted", adjustment); // leak TC1001 logging-objects
        return new OkResult(posting);
    }

    public static async Task<ActionResult> BalanceAsync(string studentNumber, IPointsLedger ledger, ILogger<PointsAdjustment> logger, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("GET /desk/balance/{studentNumber}");
        activity?.SetTag("http.route", "/desk/balance/{studentNumber}"); // clean precision-names
        activity?.SetTag("url.path", "/desk/balance/" + studentNumber); // leak TC1001 strings
        try
        {
            var balance = await ledger.BalanceAsync(studentNumber, cancellationToken);
            activity?.SetTag("campusrwd.balance", balance.Available); // clean precision-about
            logger.LogInformation("Balance looked up: {Available} available, {Pending} pending, next expiry {NextExpiry}", balance.Available, balance.Pending, balance.NextExpiry); // clean precision-about
            return new OkResult(balance);
        }
        catch (MemberNotFoundException ex)
        {
            logger.LogInformation("Desk look-up failed: " + ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            return new NotFoundResult(null);
        }
    }
}
