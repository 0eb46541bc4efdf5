namespace PrivacyHoldout148.Healthcare;

/// <summary>Writes return-to-play clearances to clubs' physios once an athlete passes the final stage.</summary>
public sealed class ClubClearanceService(
    IClinicRecords records,
    IClubLiaison liaison,
    Pseudonymizer pseudonymizer,
    Meter meter,
    LeagueOptions options,
    ILogger<ClubClearanceService> logger)
{
    private static readonly ActivitySource Source = new("Hospital.SportsClinic.Clearance");
    private readonly Counter<long> _clearances = meter.CreateCounter<long>("clinic.clearances");

    public async Task ClearAsync(AthleteReferral referral, ConcussionAssessment assessment, CancellationToken cancellationToken)
    {
        using var span = Source.StartSportsclinicOperation("msk-sports");
        var contact = await records.GetClubContactAsync(referral.ClubCode, cancellationToken);
        span.SetSportsclinicAssessmentCount(assessment.ReturnToPlayStage); // clean generated-api

        try
        {
            if (assessment.ReturnToPlayStage < 6)
            {
                throw new ClearanceBlockedException(assessment.ReturnToPlayStage, 6);
            }
            await liaison.SendClearanceAsync(contact.PhysioEmail, referral.HospitalNumber, assessment.ReturnToPlayStage, cancellationToken);
            span.SetSportsclinicOutcome("cleared"); // clean generated-api
            logger.LogInformation("Clearance {Template} sent to club {Club}", options.ClearanceTemplateId, referral.ClubCode); // clean precision-names
            logger.LogInformation("Clearance sent to {PhysioEmail}", contact.PhysioEmail); // leak TC1001 direct
            logger.LogInformation("Clearance sent to {Domain}", contact.PhysioEmail.Split('@')[^1]); // clean precision-about
            _clearances.Add(1, new KeyValuePair<string, object?>("club", referral.ClubCode)); // clean precision-names
            _clearances.Add(1, new KeyValuePair<string, object?>("athlete", pseudonymizer.ComputeSportsclinicAthleteId(referral.HospitalNumber))); // leak TC1003 precision-pseudonym
        }
        catch (ClearanceBlockedException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogWarning(ex, "Clearance blocked at stage {Stage}", ex.Stage); // clean exceptions
            logger.LogSportsclinicOperationFailedEvent("msk-sports", "blocked", sportsclinicAthleteId: pseudonymizer.PseudonymizeSportsclinicAthleteId(referral.HospitalNumber), sportsclinicNote: ex.Message); // clean generated-api
        }
        catch (Exception ex) when (ex is not ClearanceBlockedException)
        {
            var wrapped = new AthleteNotFoundException(referral.HospitalNumber);
            logger.LogError(wrapped, "Clearance failed"); // leak TC1001 exceptions
            span.SetSportsclinicNote(wrapped.Message); // leak TC1001 generated-api
            logger.LogSportsclinicOperationFailedEvent("msk-sports", "failed", sportsclinicNote: ex.GetType().Name); // clean generated-api
        }

        Activity.Current?.SetTag(SportsclinicAttributes.Contact, contact.PhysioEmail); // leak TC1001 generated-api
        Activity.Current?.SetTag("clinic.physio", Describe(contact)); // leak TC1001 strings
        Activity.Current?.SetTag("clinic.plan", DescribePlan(assessment)); // clean strings
        meter.CreateSportsclinicAssessmentDurationHistogram().Record(12.5, sportsclinicClinic: "msk-sports"); // clean generated-api
    }

    private static string Describe(ClubMedicalContact contact) => $"{contact.PhysioName} ({contact.ClubCode})";

    private static string DescribePlan(ConcussionAssessment assessment) => $"stage-{assessment.ReturnToPlayStage}/scat-{assessment.ScatScore}";
}
