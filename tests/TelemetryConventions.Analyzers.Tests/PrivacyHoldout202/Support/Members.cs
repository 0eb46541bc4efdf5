namespace PrivacyHoldout202.Support;

// The leisure operator's records. Records print all their members through the compiler's ToString.

public sealed record Member(string MembershipNumber, string FullName, string Email, string Mobile, DateOnly DateOfBirth, string HomeClub, string PlanCode, string Status);

public sealed record MembershipPlan(string PlanCode, string Name, decimal MonthlyFee, bool OffPeakOnly);

public sealed record JoinRequest(string FullName, string Email, string Mobile, DateOnly DateOfBirth, string HomeClub, string PlanCode, string? PromoCode);

public sealed record JoinResult(string MembershipNumber, string PlanCode, string HomeClub, bool DirectDebitCreated);

public sealed record BankDetails(string AccountHolder, string SortCode, string AccountNumber);

public sealed record Mandate(string MandateId, string ProviderCustomerId, string Reference, string Status);

public sealed record Collection(string PaymentId, string MandateId, decimal Amount, DateOnly ChargeDate, string Status);

public sealed record FailedCollection(string PaymentId, string MandateId, string ReasonCode, string Description);

public sealed record FobTap(string FobUid, string DoorId, DateTimeOffset At);

public sealed record EntryDecision(string DoorId, bool Granted, string ReasonCode);

public sealed record DoorStatus(string DoorId, bool Online, int QueueLength, string Firmware);

public sealed record FaceCapture(string CaptureId, string DoorId, byte[] Image);

public sealed record FaceMatch(string CaptureId, double Score, bool Live, string Model);

/// <summary>A face template enrolled for a member. A class without ToString.</summary>
public sealed class FaceEnrolment
{
    public required string MembershipNumber { get; init; }

    public required float[] Embedding { get; init; }

    public required string Model { get; init; }
}

public sealed record FitnessClass(string ClassId, string Studio, string Activity, DateTimeOffset StartsAt, int Capacity, int Booked);

public sealed record ClassBooking(string BookingId, string ClassId, string MembershipNumber, DateTimeOffset BookedAt);

public sealed record BookingSummary(string BookingId, string ClassId, string Studio, int Position);

public sealed record WaitlistEntry(string ClassId, string MembershipNumber, int Position);

public sealed record SwimLesson(string LessonId, string Pool, string Stage, DayOfWeek Day, TimeOnly StartsAt, int Places);

public sealed record ChildSwimmer(string SwimmerRef, string ChildName, DateOnly DateOfBirth, string ParentName, string ParentEmail, string ParentMobile, string Stage, string? MedicalNote);

public sealed record LessonEnrolment(string EnrolmentId, string LessonId, string SwimmerRef, string ChildName);

public sealed record BadgeAward(string SwimmerRef, string ChildName, string BadgeCode, DateOnly AwardedOn);

public sealed record Trainer(string StaffId, string Name, string Email, IReadOnlyList<string> Specialisms);

public sealed record PtSession(string SessionId, string TrainerStaffId, string MembershipNumber, DateTimeOffset StartsAt, int Minutes);

public sealed record HealthQuestionnaire(string QuestionnaireId, string MembershipNumber, IReadOnlyList<bool> Answers, string? Conditions, string? Medication);

public sealed record QuestionnaireSummary(string QuestionnaireId, int YesAnswers, bool NeedsGpClearance);

public sealed record Referral(string ReferralId, string NhsNumber, string PatientName, string Pathway, string? Precautions);

public sealed record VehiclePermit(string PermitId, string Plate, string MembershipNumber, string CarPark);
