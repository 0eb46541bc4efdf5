namespace Campus.Wellbeing;

// Student support: counselling, disability adjustments and the health centre.

/// <summary>A counselling referral. Prints referral id, student number, NHS number, priority and the presenting issue.</summary>
public sealed record CounsellingReferral(Guid ReferralId, string StudentNumber, string? NhsNumber, int Priority, string PresentingIssue);

/// <summary>An exam adjustment. Prints its code and description; names no one.</summary>
public sealed record ExamAdjustment(string Code, string Description, int ExtraMinutes);

/// <summary>A GP registration. Prints NHS number, student number, practice and term address.</summary>
public sealed record GpRegistration(string NhsNumber, string StudentNumber, string Practice, string TermAddress);

/// <summary>A support plan. Prints plan id, student number, adjustments and the adviser's notes.</summary>
public sealed record SupportPlan(Guid PlanId, string StudentNumber, IReadOnlyList<ExamAdjustment> Adjustments, string AdviserNotes);

public interface ISupportCases
{
    Task<SupportPlan?> PlanAsync(string studentNumber, CancellationToken cancellationToken = default);

    Task<Guid> OpenReferralAsync(CounsellingReferral referral, CancellationToken cancellationToken = default);

    Task<int> WaitingListAsync(string service, CancellationToken cancellationToken = default);
}

/// <summary>The NHS spine rejected the registration; quotes the NHS number.</summary>
public sealed class SpineRejectedException(string nhsNumber) : Exception($"Spine rejected registration for {nhsNumber}");

/// <summary>The counselling service is full this week; quotes nothing personal.</summary>
public sealed class WaitingListFullException(string service) : Exception($"{service} waiting list is full");
