namespace PrivacyHoldout199.Support;

// Each industry's side of the agency's work.

/// <summary>Healthcare: a locum nurse's shift booked through the agency.</summary>
public sealed record LocumShift(string ShiftId, string WardCode, string NursePin, string NurseName, decimal Hours);

/// <summary>Education: a supply teacher booked into a school.</summary>
public sealed record SupplyBooking(string BookingId, string SchoolUrn, string TeacherReferenceNumber, string TeacherName, int Days);

/// <summary>Energy: a contract engineer's Gas Safe registration.</summary>
public sealed record GasSafeEngineer(string EngineerId, string GasSafeNumber, string Name, string Mobile);

/// <summary>Gaming: a sign-up for paid playtesting work.</summary>
public sealed record PlaytesterSignup(string SignupId, string GamerTag, string Email, string Platform, int Age);

/// <summary>Media: a freelancer booked onto a production crew.</summary>
public sealed record CrewBooking(string BookingId, string ProductionCode, string FreelancerName, string FreelancerEmail, decimal DayRate);

/// <summary>Retail: a seasonal temp's shift in a store.</summary>
public sealed record SeasonalShift(string ShiftId, string StoreCode, string WorkerId, int Hours);

/// <summary>Transport: a driver's licence and DQC check before placement.</summary>
public sealed record DriverLicenceCheck(string CheckId, string LicenceNumber, string DqcNumber, int PenaltyPoints, bool HoldsCategoryC);
