namespace PrivacyHoldout215.Support;

// Healthcare: hospital school tutoring for children on the wards.
public sealed record WardLessonRequest(string NhsNumber, string StudentId, string PatientName, string Ward, string Subject, int Minutes, string ClinicalNote);

public sealed record WardLessonPlan(string PlanId, string Ward, string Subject, int Lessons, string KeyStage);

// Education: a council's catch-up tutoring marketplace.
public sealed record CatchUpEnrolment(string EnrolmentId, string Upn, string PupilName, string ParentEmail, string School, string Subject, bool PupilPremium);

public sealed record TutorAllocation(string AllocationId, string School, string Subject, int Hours, string TutorGroup);

// Energy: apprentices and customers learning with tutors.
public sealed record ApprenticeLesson(string LessonId, string EmployeeNumber, string ApprenticeName, string Depot, string Module, int Minutes);

public sealed record CustomerWorkshopSeat(string SeatId, string AccountNumber, string CustomerEmail, string MeterSerial, string Workshop);

// Gaming: coaching sessions between coaches and players.
public sealed record CoachingSession(string SessionId, string PlayerId, string Gamertag, string CoachId, string CoachGamertag, string Title, int Minutes, string Rank);

public sealed record CoachingReplay(string ReplayId, string SessionId, string Title, TimeSpan Length, int Markers);

// Media: music and presenting lessons recorded in studios.
public sealed record StudioLesson(string LessonId, string LearnerId, string LearnerName, string TutorId, string Studio, string Instrument, int Minutes);

public sealed record StudioBooking(string StudioBookingId, string Studio, DateTimeOffset StartsAt, int Minutes);

// Retail: in-store craft and cookery classes.
public sealed record ClassBooking(string BookingId, string LoyaltyCardNumber, string CustomerName, string CustomerEmail, string Store, string ClassCode, int Seats);

public sealed record ClassSchedule(string ClassCode, string Store, DateTimeOffset StartsAt, int Capacity, int Booked);

// Transport: a driving instructor marketplace.
public sealed record DrivingLesson(string LessonId, string PupilId, string PupilName, string ProvisionalLicenceNumber, string PupilMobile, string InstructorId, string InstructorName, string AdiNumber, string TestCentre, string DualControlCarReg);

public sealed record LessonRoute(string RouteId, string TestCentre, double Kilometres, int Junctions);
