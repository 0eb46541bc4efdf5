namespace PrivacyHoldout202.Support;

// Systems of record and sinks the services call. None of them is telemetry.

public interface IMemberDirectory
{
    Task<Member?> FindAsync(string membershipNumber, CancellationToken cancellationToken);

    Task<Member?> FindByFobAsync(string fobUid, CancellationToken cancellationToken);

    Task<JoinResult> JoinAsync(JoinRequest request, CancellationToken cancellationToken);

    Task<MembershipPlan> PlanAsync(string planCode, CancellationToken cancellationToken);
}

public interface IDirectDebitProvider
{
    Task<Mandate> CreateMandateAsync(BankDetails bank, string reference, CancellationToken cancellationToken);

    Task<Collection> CollectAsync(string mandateId, decimal amount, CancellationToken cancellationToken);
}

public interface IDoorController
{
    Task<EntryDecision> OpenAsync(string doorId, string credential, CancellationToken cancellationToken);

    Task<DoorStatus> StatusAsync(string doorId, CancellationToken cancellationToken);
}

public interface IFaceVerifier
{
    Task<FaceMatch> MatchAsync(FaceCapture capture, FaceEnrolment enrolment, CancellationToken cancellationToken);

    Task<FaceEnrolment> EnrolAsync(string membershipNumber, byte[] image, CancellationToken cancellationToken);
}

public interface IBookingEngine
{
    Task<FitnessClass> ClassAsync(string classId, CancellationToken cancellationToken);

    Task<ClassBooking> BookAsync(string classId, string membershipNumber, CancellationToken cancellationToken);

    Task<IReadOnlyList<WaitlistEntry>> WaitlistAsync(string classId, CancellationToken cancellationToken);
}

public interface ISwimSchool
{
    Task<SwimLesson> LessonAsync(string lessonId, CancellationToken cancellationToken);

    Task<LessonEnrolment> EnrolAsync(string lessonId, ChildSwimmer child, CancellationToken cancellationToken);

    Task NotifyParentAsync(string parentEmail, string text, CancellationToken cancellationToken);
}

public interface ITrainerRoster
{
    Task<Trainer> TrainerAsync(string staffId, CancellationToken cancellationToken);

    Task<PtSession> BookSessionAsync(string staffId, string membershipNumber, DateTimeOffset startsAt, CancellationToken cancellationToken);
}

public interface IQuestionnaireStore
{
    Task SaveAsync(HealthQuestionnaire questionnaire, CancellationToken cancellationToken);
}

public interface IReferralInbox
{
    Task<Referral?> NextAsync(CancellationToken cancellationToken);
}

public interface IPermitRegister
{
    Task<VehiclePermit?> FindByPlateAsync(string plate, CancellationToken cancellationToken);
}

public interface IMemberMessenger
{
    Task SendAsync(string mobileOrEmail, string text, CancellationToken cancellationToken);
}
