namespace PrivacyHoldout188.Support;

/// <summary>HR's system of record (not telemetry).</summary>
public interface IHrRecords
{
    Task<Employee?> FindEmployeeAsync(string employeeNumber, CancellationToken cancellationToken);

    Task SaveFitNoteAsync(FitNote note, CancellationToken cancellationToken);

    Task SaveAbsenceAsync(AbsenceEpisode episode, CancellationToken cancellationToken);

    Task<IReadOnlyList<AbsenceEpisode>> AbsencesAsync(string employeeNumber, CancellationToken cancellationToken);

    Task SavePlanAsync(ReturnToWorkPlan plan, CancellationToken cancellationToken);
}

/// <summary>The occupational health provider's case system (not telemetry).</summary>
public interface IOccHealthProvider
{
    Task<string> SubmitReferralAsync(ManagementReferral referral, CancellationToken cancellationToken);

    Task<AssessmentOutcome?> OutcomeAsync(string referralId, CancellationToken cancellationToken);

    Task<ClinicianProfile> ClinicianAsync(string clinicianId, CancellationToken cancellationToken);
}

/// <summary>The surveillance records (audiometry and spirometry) kept for forty years (not telemetry).</summary>
public interface ISurveillanceRecords
{
    Task SaveAudiometryAsync(AudiometryResult result, CancellationToken cancellationToken);

    Task SaveSpirometryAsync(SpirometryResult result, CancellationToken cancellationToken);

    Task<SurveillanceSummary> SummaryAsync(string siteCode, CancellationToken cancellationToken);
}

/// <summary>The employee assistance programme's provider (not telemetry).</summary>
public interface IEapProvider
{
    Task<string> OpenCaseAsync(EapContact contact, CancellationToken cancellationToken);

    Task SendTextAsync(string mobileNumber, string text, CancellationToken cancellationToken);
}
