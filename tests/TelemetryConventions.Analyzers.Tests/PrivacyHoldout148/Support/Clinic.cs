namespace Sport.Clinic;

// A hospital's sports medicine clinic: referrals from clubs, concussion assessments and return to play.

/// <summary>A club's referral of an injured athlete. Prints referral id, hospital and NHS numbers, the athlete's name, club, sport, injury site and date.</summary>
public sealed record AthleteReferral(string ReferralId, string HospitalNumber, string NhsNumber, string AthleteName, string ClubCode, string Sport, string InjurySite, DateOnly InjuredOn);

/// <summary>A concussion assessment. Prints the assessment id, the hospital number, the SCAT score, the return-to-play stage and whether symptomatic.</summary>
public sealed record ConcussionAssessment(string AssessmentId, string HospitalNumber, int ScatScore, int ReturnToPlayStage, bool Symptomatic);

/// <summary>A graduated return-to-play plan. Prints plan id, stage, days at stage and club.</summary>
public sealed record ReturnToPlayPlan(string PlanId, int Stage, int DaysAtStage, string ClubCode);

/// <summary>A club's medical contact. Prints club, the physio's name and email.</summary>
public sealed record ClubMedicalContact(string ClubCode, string PhysioName, string PhysioEmail);

public interface IClinicRecords
{
    Task<AthleteReferral?> FindReferralAsync(string referralId, CancellationToken cancellationToken = default);

    Task SaveAssessmentAsync(ConcussionAssessment assessment, CancellationToken cancellationToken = default);

    Task<ClubMedicalContact> GetClubContactAsync(string clubCode, CancellationToken cancellationToken = default);
}

public interface IClubLiaison
{
    Task SendClearanceAsync(string physioEmail, string hospitalNumber, int stage, CancellationToken cancellationToken = default);
}

/// <summary>No such athlete; quotes the hospital number.</summary>
public sealed class AthleteNotFoundException(string hospitalNumber) : Exception($"No athlete with hospital number {hospitalNumber}");

/// <summary>Clearance refused at this stage; quotes the stages.</summary>
public sealed class ClearanceBlockedException(int stage, int requiredStage) : Exception($"Stage {stage} is below the required stage {requiredStage}")
{
    public int Stage { get; } = stage;
}
