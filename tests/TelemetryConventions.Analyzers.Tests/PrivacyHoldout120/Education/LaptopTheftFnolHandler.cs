namespace PrivacyHoldout120.Education;

public sealed record TheftReport(string StudentNumber, string PolicyNumber, string LaptopSerial, DateTimeOffset StolenAt, string WhatHappened, string? CrimeReference, string PhotoFileName, string Mobile);

/// <summary>First notice of loss for stolen or damaged laptops under the possessions cover, from the student portal's claim form.</summary>
public sealed class LaptopTheftFnolHandler(IClaimsApi claims, Pseudonymizer pseudonymizer, ILogger<LaptopTheftFnolHandler> logger)
{
    private static readonly ActivitySource Source = new("University.Cover.Claims");
    private static readonly Meter Meter = new("University.Cover.Claims");
    private static readonly TuitioncoverClaimDurationHistogram IntakeTime = Meter.CreateTuitioncoverClaimDurationHistogram();
    private static readonly Counter<long> Fnols = Meter.CreateCounter<long>("possessions.fnol");

    public async Task<string?> HandleAsync(TheftReport report, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = Source.StartActivity("possessions.fnol", ActivityKind.Server);
        activity?.SetTag("claim.peril", "theft"); // clean precision-about
        activity?.SetTag("claim.crime_reference.given", report.CrimeReference is not null); // clean precision-about
        activity?.SetTag("claim.policy", report.PolicyNumber); // leak TC1001 direct
        activity?.SetTag("claim.photo.extension", System.IO.Path.GetExtension(report.PhotoFileName)); // clean precision-about
        activity?.SetTag("claim.photo.name", report.PhotoFileName); // leak TC1001 direct
        activity?.SetTag("claim.narrative.length", report.WhatHappened.Length); // clean precision-about
        logger.LogDebug("Theft report narrative: {Narrative}", report.WhatHappened); // leak TC1001 direct

        var notice = new FirstNoticeOfLoss(report.PolicyNumber, report.StolenAt, "theft", report.WhatHappened, report.StudentNumber, report.Mobile)
        {
            Channel = "student-portal",
        };

        ClaimIntakeResult intake;
        try
        {
            intake = await claims.SubmitFnolAsync(notice, ct);
        }
        catch (PolicyNotInForceException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "policy not in force"); // clean exceptions
            Fnols.Add(1, new KeyValuePair<string, object?>("outcome", "not-in-force")); // clean precision-about
            return null;
        }
        catch (ClaimsApiException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogError(ex, "Claims API failed for FNOL {@Notice}", notice); // leak TC1001 logging-objects
            throw;
        }

        using var claimSpan = Source.StartTuitioncoverClaim(intake.ClaimId);
        claimSpan.SetTuitioncoverPeril("theft") // clean generated-api
            .SetTuitioncoverStudentId(pseudonymizer.PseudonymizeTuitioncoverStudentId(report.StudentNumber)) // clean precision-pseudonym
            .SetTuitioncoverOutcome(intake.FastTrack ? "fast-track" : "assessed"); // clean generated-api
        if (intake.AssignedAdjuster is { } adjuster)
        {
            claimSpan.SetTuitioncoverStaffId(pseudonymizer.PseudonymizeTuitioncoverStaffId(adjuster.StaffId)); // clean precision-pseudonym
            claimSpan.Activity?.SetTag("claim.adjuster.firm", adjuster.Firm); // clean precision-names
            claimSpan.Activity?.SetTag("claim.adjuster", adjuster.Name); // leak TC1001 direct
            logger.LogInformation("Claim {ClaimId} assigned to {Adjuster}", intake.ClaimId, adjuster); // leak TC1001 logging-objects
        }

        claimSpan.SetTuitioncoverNote($"laptop {report.LaptopSerial} reported stolen {report.StolenAt:d}"); // leak TC1001 generated-api
        logger.LogInformation("FNOL accepted as {ClaimId} with reserve {Reserve} (fast track {FastTrack})", intake.ClaimId, intake.InitialReserve, intake.FastTrack); // clean precision-names
        IntakeTime.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "theft", intake.Status); // clean generated-api
        Fnols.Add(1, new KeyValuePair<string, object?>("outcome", intake.Status), new KeyValuePair<string, object?>("claim", intake.ClaimId)); // clean precision-names
        return intake.ClaimId;
    }
}
